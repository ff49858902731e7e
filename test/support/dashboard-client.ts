/** A page the dashboard answered: status, headers, body, and the CSRF token its forms carry. */
export interface DashboardResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly location: string | null;
  readonly csrf: string | undefined;
}

/**
 * A cookie-keeping client of the dashboard, like a browser without JavaScript: it follows nothing by itself
 * (tests look at each 303) and posts url-encoded forms.
 */
export class DashboardClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly origin: string,
    readonly base = "/app",
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(path: string): Promise<DashboardResponse> {
    return this.send("GET", path);
  }

  async post(path: string, form: Record<string, string | readonly string[]>): Promise<DashboardResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) {
      for (const one of typeof value === "string" ? [value] : value) body.append(name, one);
    }
    return this.send("POST", path, body.toString());
  }

  /** Signs in with `key` through the form, as a person would; the answer to the post. */
  async signIn(key: string): Promise<DashboardResponse> {
    const form = await this.get("/sign-in");
    return this.post("/sign-in", { key, _csrf: form.csrf ?? "" });
  }

  /** The CSRF token of the signed-in session, read from any page's sign-out form. */
  async csrf(): Promise<string> {
    const page = await this.get("/links");
    if (page.csrf === undefined) throw new Error(`no CSRF token on /links (status ${page.status})`);
    return page.csrf;
  }

  private async send(method: string, path: string, body?: string): Promise<DashboardResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(`${this.origin}${this.base}${path}`, {
      method,
      headers,
      redirect: "manual",
      ...(body === undefined ? {} : { body }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Max-Age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text,
      location: response.headers.get("location"),
      csrf: /name="_csrf" value="([^"]+)"/.exec(text)?.[1],
    };
  }
}
