import type { ServerResponse } from "node:http";

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

/** Security headers of every HTML page: no scripts at all, styles only from our own stylesheet. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": `${CSP}; form-action 'self'`,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

/**
 * The password form's CSP: it posts to us, but browsers check `form-action` against the redirect that
 * follows a right password too, so the destination (always http or https) must be allowed.
 */
export const PASSWORD_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": `${CSP}; form-action 'self' https: http:`,
};

/** Sends an HTML page with {@link PAGE_HEADERS}; HEAD gets the headers only. */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  head = false,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, {
    ...PAGE_HEADERS,
    ...extra,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(body.length),
  });
  res.end(head ? undefined : body);
}
