import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { ApiClient, expectV1Error, httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_edge_cases_key_0123456789";

/** A pino logger whose lines are kept, to check what reaches the logs. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return pino({ level: "info" }, sink);
}

describe("edge cases of the HTTP adapter", () => {
  let server: RunningServer;
  let permanent: RunningServer;
  let broken: RunningServer;
  const logLines: string[] = [];
  const api = () => new ApiClient(server.url, KEY);

  beforeAll(async () => {
    const apiKeys = [{ accountId: "acme", key: KEY }];
    const settings = { rateLimits: RELAXED_LIMITS };
    server = await startServer({ apiKeys, settings, http: { logger: capturingLogger(logLines) } });
    permanent = await startServer({ apiKeys, settings, http: { redirectStatus: 301 } });
    const stores = memoryStores();
    broken = await startServer({
      apiKeys,
      settings,
      stores: {
        ...stores,
        links: { ...stores.links, findBySlug: async () => Promise.reject(new Error("down")) },
      },
    });
  });

  afterAll(async () => {
    await Promise.all([server.close(), permanent.close(), broken.close()]);
  });

  it("answers a malformed %-escape in a path with 400 invalid_request, not a server fault", async () => {
    expectV1Error(await api().get("/v1/links/%ZZ"), "invalid_request");
    expectV1Error(await api().delete("/v1/domains/%E0%A4%A"), "invalid_request");
  });

  it("answers a body that claims a compression it does not have with 400 invalid_request", async () => {
    const response = await api().send("POST", "/v1/links", '{"url":"https://example.com/"}', {
      "content-encoding": "gzip",
    });
    expectV1Error(response, "invalid_request");
  });

  it("never lets a shared cache keep a permanent redirect, and keeps it private for budgeted links", async () => {
    const client = new ApiClient(permanent.url, KEY);
    await client.createLink({ url: "https://example.com/forever", custom_slug: "forever" });
    await client.createLink({ url: "https://example.com/twice", custom_slug: "twice", max_clicks: 2 });
    const forever = await httpRequest(`${permanent.url}/forever`);
    expect(forever.status).toBe(301);
    expect(forever.headers["cache-control"]).toBe("private, max-age=300");
    const twice = await httpRequest(`${permanent.url}/twice`);
    expect(twice.status).toBe(301);
    expect(twice.headers["cache-control"]).toBe("private, no-cache");
  });

  it("answers the QR code of a link with a 503 page, not a crash, when the store fails", async () => {
    const response = await httpRequest(`${broken.url}/promo/qr`);
    expect(response.status).toBe(503);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).not.toContain("Error: down");
  });

  it("does not write tracking ids to the request log", async () => {
    const link = await api().createLink({ url: "https://example.com/tracked" });
    const page = await httpRequest(`${server.url}/t/${link.id}`);
    expect(page.status).toBe(200);
    // The request is logged once its response has finished, which may be just after the client has it.
    const trackingLines = await vi.waitFor(
      () => {
        const lines = logLines.filter((line) => line.includes('"path":"/t/'));
        expect(lines.length).toBeGreaterThan(0);
        return lines;
      },
      { timeout: 5_000, interval: 5 },
    );
    expect(trackingLines.join("")).not.toContain(link.id);
    expect(trackingLines.join("")).toContain('"path":"/t/:id"');
  });
});

describe("the tracking page of a password-protected link", () => {
  it("never shows the destination, which the password guards", async () => {
    const server = await startServer();
    try {
      const marker = `https://secret-${Date.now()}.example/hidden`;
      const link = await server.hexlink.createLink.execute({
        accountId: "acme",
        url: marker,
        password: "pw",
      });
      const page = await httpRequest(`${server.url}/t/${link.id}`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain("secret-");
      expect(page.body).toContain("protected by a password");
      const open = await server.hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/open",
      });
      expect((await httpRequest(`${server.url}/t/${open.id}`)).body).toContain("https://example.com/open");
    } finally {
      await server.close();
    }
  });
});

describe("the server's root", () => {
  it("says what runs there and links to the API documentation, instead of a 404", async () => {
    const server = await startServer();
    try {
      const root = await httpRequest(`${server.url}/`);
      expect(root.status).toBe(200);
      expect(root.headers["content-type"]).toContain("text/html");
      expect(root.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(root.body).toContain('href="/docs"');
      expect(root.body).toContain(`${server.url}/&lt;slug&gt;`);
    } finally {
      await server.close();
    }
  });
});
