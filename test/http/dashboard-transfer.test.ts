import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DashboardClient } from "../support/dashboard-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_dashboard-transfer-key-0001";
const PLAIN = new URL("../fixtures/import/plain.csv", import.meta.url);

describe("dashboard import and export", () => {
  let server: RunningServer;
  // Uploads land in a folder of this file's own, so the clean-up check sees no other test's uploads.
  let uploads: string;
  const tmpBefore = process.env.TMPDIR;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), "dashboard-uploads-"));
    process.env.TMPDIR = uploads;
    server = await startServer({ settings: { signInsPerMinute: 1000 } });
    await server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY });
  });
  afterAll(async () => {
    await server?.close();
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
    await rm(uploads, { recursive: true, force: true });
  });

  async function signedIn(key = KEY): Promise<{ browser: DashboardClient; csrf: string }> {
    const browser = new DashboardClient(server.url);
    expect((await browser.signIn(key)).status).toBe(303);
    return { browser, csrf: await browser.csrf() };
  }

  /** Posts the import form as a browser does: multipart, the session cookie, the file. */
  async function upload(browser: DashboardClient, fields: Record<string, string>, file?: Buffer) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file !== undefined)
      form.append("file", new Blob([new Uint8Array(file)], { type: "text/csv" }), "links.csv");
    const response = await fetch(`${server.url}/app/import`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { cookie: `hexlink_session=${browser.cookie("hexlink_session") ?? ""}` },
    });
    return { status: response.status, body: await response.text() };
  }

  it("imports a CSV with a report of every row; a second run creates nothing; a dry run writes nothing", async () => {
    const { browser, csrf } = await signedIn();
    const file = await readFile(PLAIN);
    const dry = await upload(browser, { _csrf: csrf, source: "csv", dry_run: "1" }, file);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatch(/Dry run: \d+ would be created/);
    expect((await server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 })).links).toHaveLength(0);

    const first = await upload(browser, { _csrf: csrf, source: "csv" }, file);
    expect(first.status).toBe(200);
    const created = Number(/Import: (\d+) created/.exec(first.body)?.[1]);
    expect(created).toBeGreaterThan(0);
    // The row on a domain the account does not have is refused with its line and code.
    expect(first.body).toMatch(/<td class="num">5<\/td><td>refused: <span class="mono">[a-z_]+<\/span>/);
    const links = await server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 });
    expect(links.links).toHaveLength(created);
    expect(links.links.map((link) => link.slug)).toContain("plain-one");

    const again = await upload(browser, { _csrf: csrf, source: "csv" }, file);
    expect(again.body).toContain(`Import: 0 created, ${created} already there`);
    // Every upload's temporary folder is gone once its answer was sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(uploads)).toEqual([]);
  });

  it("reads no upload without a live session: 303 to sign in, nothing written", async () => {
    const stranger = new DashboardClient(server.url);
    stranger.setCookie("hexlink_session", "not-a-session-token");
    const answer = await upload(stranger, { _csrf: "x", source: "csv" }, Buffer.alloc(1024 * 1024, 97));
    expect(answer.status).toBe(303);
    expect(await readdir(uploads)).toEqual([]);
  });

  it("refuses an upload without the CSRF token, or without a file, and a key that may not create", async () => {
    const { browser, csrf } = await signedIn();
    const file = await readFile(PLAIN);
    expect((await upload(browser, { source: "csv" }, file)).status).toBe(403);
    const none = await upload(browser, { _csrf: csrf, source: "csv" });
    expect(none.status).toBe(400);
    expect(none.body).toContain("Choose the file to import.");
    const bad = await upload(browser, { _csrf: csrf, source: "nowhere" }, file);
    expect(bad.status).toBe(400);
    const reader = await server.hexlink.createApiKey.execute({ accountId: "acme", scopes: ["links:read"] });
    const narrow = await signedIn(reader.key);
    expect((await upload(narrow.browser, { _csrf: narrow.csrf, source: "csv" }, file)).status).toBe(403);
  });

  it("exports the account's links as CSV and NDJSON, with their clicks", async () => {
    await server.hexlink.createLink.execute({
      accountId: "acme",
      url: "https://example.com/exported",
      customSlug: "exported-one",
    });
    const { browser } = await signedIn();
    const csv = await browser.get("/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="links.csv"');
    expect(csv.body.split("\r\n")[0]).toContain("total_clicks");
    expect(csv.body).toContain("exported-one");
    const ndjson = await browser.get("/export?format=ndjson");
    const lines = ndjson.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { slug: string });
    expect(lines.map((line) => line.slug)).toContain("exported-one");
  });
});
