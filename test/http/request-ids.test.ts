import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { httpRequest, REDIRECT_SERVERS } from "../support/http-client.js";
import type { RunningServer } from "../support/http-server.js";

const GENERATED = /^[A-Za-z0-9_-]{8}-[0-9a-z]+$/;

/** A pino logger at `level` whose JSON lines land in `lines`. */
function capturingLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe.each(REDIRECT_SERVERS)("X-Request-Id, %s", (_name, start) => {
  const captured = capturingLogger("info");
  const failing = capturingLogger("info");
  let server: RunningServer;
  let broken: RunningServer;
  let slug: string;

  beforeAll(async () => {
    server = await start({ http: { logger: captured.logger } });
    const link = await server.hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/" });
    slug = link.slug;
    const stores = memoryStores();
    broken = await start({
      stores: {
        ...stores,
        links: Object.assign(Object.create(stores.links) as typeof stores.links, {
          findBySlug: async () => {
            throw new Error("store down");
          },
        }),
      },
      http: { logger: failing.logger },
    });
  });

  afterAll(async () => {
    await Promise.all([server.close(), broken.close()]);
  });

  it("keeps a safe id the client sends, on redirects and on other routes", async () => {
    for (const path of [`/${slug}`, "/healthz", "/no/such/page"]) {
      const response = await httpRequest(`${server.url}${path}`, {
        headers: { "X-Request-Id": "trace-42.a:b" },
      });
      expect(response.headers["x-request-id"]).toBe("trace-42.a:b");
    }
    const longest = "a".repeat(128);
    const kept = await httpRequest(`${server.url}/${slug}`, { headers: { "X-Request-Id": longest } });
    expect(kept.headers["x-request-id"]).toBe(longest);
  });

  it("replaces an unsafe or too long id with one of its own, different for each request", async () => {
    const seen = new Set<string>();
    for (const presented of ["has space", "a".repeat(129), "<script>", 'quote"d']) {
      for (const path of [`/${slug}`, "/healthz"]) {
        const response = await httpRequest(`${server.url}${path}`, {
          headers: { "X-Request-Id": presented },
        });
        const id = String(response.headers["x-request-id"]);
        expect(id).toMatch(GENERATED);
        seen.add(id);
      }
    }
    const none = await httpRequest(`${server.url}/${slug}`);
    expect(String(none.headers["x-request-id"])).toMatch(GENERATED);
    seen.add(String(none.headers["x-request-id"]));
    expect(seen.size).toBe(9);
  });

  it("writes the id into the request's log line, and leaves redirects out at info level", async () => {
    await httpRequest(`${server.url}/healthz`, { headers: { "X-Request-Id": "health-check-7" } });
    await httpRequest(`${server.url}/${slug}`, { headers: { "X-Request-Id": "redirect-8" } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = captured.lines.find((entry) => entry.reqId === "health-check-7");
    expect(line).toMatchObject({ msg: "request", route: "/healthz", status: 200, method: "GET" });
    expect(captured.lines.some((entry) => entry.reqId === "redirect-8")).toBe(false);
    expect(captured.lines.every((entry) => typeof entry.reqId === "string")).toBe(true);
  });

  it("logs a redirect that fails with 503 at error level, with its id", async () => {
    const response = await httpRequest(`${broken.url}/abcdef`, { headers: { "X-Request-Id": "broken-1" } });
    expect(response.status).toBe(503);
    expect(response.headers["x-request-id"]).toBe("broken-1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = failing.lines.find((entry) => entry.reqId === "broken-1");
    expect(line).toMatchObject({ level: 50, route: "/{slug}", status: 503, err: { message: "store down" } });
  });
});
