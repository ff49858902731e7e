import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryLinkRepository } from "../../src/adapters/memory/in-memory-link-repository.js";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import type { Link } from "../../src/domain/link/link.js";
import { FixedClock } from "../support/fixed-clock.js";
import {
  ApiClient,
  expectRateLimitHeaders,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_v1_errors_suite_key_01";
const LINKS = "/v1/links";

let server: RunningServer;
let api: ApiClient;
const servers: RunningServer[] = [];

async function start(options: Parameters<typeof startServer>[0]): Promise<RunningServer> {
  const running = await startServer(options);
  servers.push(running);
  return running;
}

beforeAll(async () => {
  server = await start({
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS, blockedDomains: ["blocked.example"] },
  });
  api = new ApiClient(server.url, KEY);
});

afterAll(async () => {
  await Promise.all(servers.map((running) => running.close()));
});

describe("invalid_request (400)", () => {
  it("for malformed JSON", async () => {
    for (const body of ['{"url": "https://example.com"', "{url:1}", "{'url':'x'}", "[1,]", "nul"]) {
      expectV1Error(await api.send("POST", LINKS, body), "invalid_request");
    }
  });

  it("for JSON that is not an object", async () => {
    for (const body of ["[]", "null", "1", '"https://example.com"', "true"]) {
      expectV1Error(await api.send("POST", LINKS, body), "invalid_request");
    }
  });

  it("for wrong types, on create and on update", async () => {
    const link = await api.createLink({ url: "https://example.com/typed" });
    const bodies: Record<string, unknown>[] = [
      { url: 42 },
      { url: ["https://example.com"] },
      { url: "https://example.com", custom_slug: 123 },
      { url: "https://example.com", custom_slug: null },
      { url: "https://example.com", domain: false },
      { url: "https://example.com", password: { value: "x" } },
      { url: "https://example.com", expires_at: "tomorrow" },
      { url: "https://example.com", expires_at: 1893456000 },
      { url: "https://example.com", max_clicks: "5" },
      { url: "https://example.com", max_clicks: 1.5 },
      { url: "https://example.com", max_clicks: 0 },
    ];
    for (const body of bodies) {
      expectV1Error(await api.post(LINKS, body), "invalid_request");
    }
    for (const body of [
      { url: 1 },
      { status: "deleted" },
      { status: true },
      { max_clicks: -1 },
      { password: 7 },
    ]) {
      expectV1Error(await api.patch(`${LINKS}/${link.id}`, body), "invalid_request");
    }
    expectV1Error(await api.post(LINKS, {}), "invalid_request");
    expectV1Error(await api.post("/v1/domains", { hostname: 7 }), "invalid_request");
  });

  it("for unknown fields, naming them", async () => {
    const link = await api.createLink({ url: "https://example.com/unknown-fields" });
    const created = expectV1Error(
      await api.post(LINKS, { url: "https://example.com", long_url: "x" }),
      "invalid_request",
    );
    expect(created.error).toContain("long_url");
    expectV1Error(
      await api.send("POST", LINKS, '{"url":"https://example.com","__proto__":{}}'),
      "invalid_request",
    );
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { destination: "https://example.com" }),
      "invalid_request",
    );
    expectV1Error(
      await api.post("/v1/domains", { hostname: "a.example.com", verify: true }),
      "invalid_request",
    );
    expectV1Error(await api.get(`${LINKS}?page=2`), "invalid_request");
    expectV1Error(await api.get(`${LINKS}/${link.id}/analytics?from=2026-01-01`), "invalid_request");
  });

  it("for a body that is not JSON (Content-Type)", async () => {
    const body = JSON.stringify({ url: "https://example.com/typed" });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      expectV1Error(await api.send("POST", LINKS, body, { "content-type": type }), "invalid_request");
    }
    const untyped = await httpRequest(`${server.url}${LINKS}`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}` },
      body,
    });
    expect(untyped.status).toBe(400);
    expect(JSON.parse(untyped.body)).toEqual({
      success: false,
      error: expect.any(String),
      code: "invalid_request",
    });
  });

  it("for a body over 16 KB, while a body of exactly 16 KB is read", async () => {
    const json = JSON.stringify({ url: "https://example.com/sized" });
    const exactly = json + " ".repeat(16 * 1024 - json.length);
    expect(Buffer.byteLength(exactly)).toBe(16_384);
    expect((await api.send("POST", LINKS, exactly)).status).toBe(201);
    const over = `${exactly} `;
    expectV1Error(await api.send("POST", LINKS, over), "invalid_request");
    const huge = JSON.stringify({ url: `https://example.com/?q=${"a".repeat(40_000)}` });
    expectV1Error(await api.send("POST", LINKS, huge), "invalid_request");
  });

  it("for a query parameter given twice", async () => {
    expectV1Error(await api.get(`${LINKS}?limit=1&limit=2`), "invalid_request");
  });
});

describe("rate_limited and quota_exceeded (429 with Retry-After)", () => {
  const limited = async (rateLimits: { perSecond: number; perHour: number; perMonth: number }) => {
    const clock = new FixedClock("2026-03-15T12:00:00.000Z");
    const running = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits },
      ports: { clock },
    });
    return new ApiClient(running.url, KEY);
  };

  it("rate_limited over the per-second limit", async () => {
    const client = await limited({ perSecond: 3, perHour: 1000, perMonth: 100_000 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await client.get(LINKS);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(response.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await client.get(LINKS);
    expectV1Error(refused, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("1");
    expectRateLimitHeaders(refused.headers);
  });

  it("rate_limited over the per-hour limit, retrying when the hour ends", async () => {
    const client = await limited({ perSecond: 100, perHour: 2, perMonth: 100_000 });
    await client.get(LINKS);
    await client.get(LINKS);
    const refused = await client.post(LINKS, { url: "https://example.com/too-many" });
    expectV1Error(refused, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("3600");
  });

  it("quota_exceeded over the monthly limit, retrying when the month ends", async () => {
    const client = await limited({ perSecond: 100, perHour: 1000, perMonth: 2 });
    await client.get(LINKS);
    await client.get(LINKS);
    const refused = await client.get(LINKS);
    expectV1Error(refused, "quota_exceeded");
    const untilApril = (Date.parse("2026-04-01T00:00:00Z") - Date.parse("2026-03-15T12:00:00Z")) / 1000;
    expect(refused.headers.get("retry-after")).toBe(String(untilApril));
  });
});

describe("unauthorized (401) and forbidden (403)", () => {
  it("unauthorized for a missing, unknown, malformed or revoked key", async () => {
    const { key: revoked, apiKey } = await server.hexlink.createApiKey.execute("acme");
    await server.hexlink.revokeApiKey.execute(apiKey.id);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer hxk_this_key_does_not_exist" },
      { authorization: `Bearer ${revoked}` },
      { authorization: KEY },
      { authorization: `Basic ${Buffer.from(`acme:${KEY}`).toString("base64")}` },
      { authorization: "Bearer" },
    ];
    for (const headers of attempts) {
      const response = await new ApiClient(server.url, undefined).send("GET", LINKS, undefined, headers);
      expectV1Error(response, "unauthorized");
    }
    const body = JSON.stringify({ url: "https://example.com" });
    expectV1Error(await new ApiClient(server.url, revoked).send("POST", LINKS, body), "unauthorized");
  });

  it("forbidden for a key whose account may not use the API", async () => {
    const { key } = await server.hexlink.createApiKey.execute("acct", { apiAccess: false });
    const client = new ApiClient(server.url, key);
    expectV1Error(await client.get(LINKS), "forbidden");
    expectV1Error(await client.post(LINKS, { url: "https://example.com/no" }), "forbidden");
  });
});

describe("invalid_destination (400)", () => {
  it("for anything but an absolute http(s) URL", async () => {
    const urls = [
      "",
      "not a url",
      "example.com/path",
      "//example.com/path",
      "/relative",
      "ftp://example.com/file",
      "javascript:alert(1)",
      "data:text/html,hi",
      "mailto:someone@example.com",
      "https://",
      "https://exa mple.com/",
      "https://example.com/a\r\nX-Injected: 1",
      "https://example.com/\u0000",
    ];
    for (const url of urls) {
      expectV1Error(await api.post(LINKS, { url }), "invalid_destination");
    }
  });

  it("for more than 8192 characters, while exactly 8192 are taken", async () => {
    const base = "https://example.com/";
    expect((await api.post(LINKS, { url: base + "a".repeat(8192 - base.length) })).status).toBe(201);
    expectV1Error(
      await api.post(LINKS, { url: base + "a".repeat(8193 - base.length) }),
      "invalid_destination",
    );
  });

  it("for a redirect loop to the server's own domain, however it is spelled", async () => {
    const own = `127.0.0.1:${server.port}`;
    for (const url of [`${server.url}/abc`, `http://${own}`, `HTTP://${own}/X?y=1`, `https://${own}/abc`]) {
      expectV1Error(await api.post(LINKS, { url }), "invalid_destination");
    }
    const link = await api.createLink({ url: "https://example.com/not-a-loop" });
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: `${server.url}/loop` }),
      "invalid_destination",
    );
  });

  it("for a redirect loop to a custom domain served here", async () => {
    await api.post("/v1/domains", { hostname: "loop.example.com" });
    await server.hexlink.activateDomain.execute("loop.example.com");
    expectV1Error(await api.post(LINKS, { url: "https://loop.example.com/abc" }), "invalid_destination");
  });
});

describe("invalid_slug (400)", () => {
  it("for characters outside [A-Za-z0-9_-], lengths outside 3–64, and reserved words in any case", async () => {
    const slugs = [
      "",
      "ab",
      "a".repeat(65),
      "has space",
      "dot.slug",
      "slash/slug",
      "ünïcode",
      "emoji🙂",
      "v1",
      "T",
      "Docs",
      "healthz",
      "READYZ",
      "client",
      "static",
    ];
    for (const slug of slugs) {
      const response = await api.post(LINKS, { url: "https://example.com/slug", custom_slug: slug });
      expectV1Error(response, "invalid_slug");
    }
    const link = await api.createLink({ url: "https://example.com/slug-edit" });
    expectV1Error(await api.patch(`${LINKS}/${link.id}`, { custom_slug: "docs" }), "invalid_slug");
    expect((await api.post(LINKS, { url: "https://example.com", custom_slug: "a".repeat(64) })).status).toBe(
      201,
    );
    expect((await api.post(LINKS, { url: "https://example.com", custom_slug: "a_-" })).status).toBe(201);
  });
});

describe("slug_taken (400)", () => {
  it("with the sentence of the seed", async () => {
    await api.createLink({ url: "https://example.com/one", custom_slug: "Same-Slug" });
    const error = expectV1Error(
      await api.post(LINKS, { url: "https://example.com/two", custom_slug: "Same-Slug" }),
      "slug_taken",
    );
    expect(error.error).toBe("The custom slug 'Same-Slug' is already taken.");
  });
});

describe("slug_generation_failed (503)", () => {
  it("when the code generator finds no free code", async () => {
    const running = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      ports: { codes: { generate: () => "always" } },
    });
    const client = new ApiClient(running.url, KEY);
    const first = await client.createLink({ url: "https://example.com/first" });
    expect(first.slug).toBe("always");
    expectV1Error(await client.post(LINKS, { url: "https://example.com/second" }), "slug_generation_failed");
  });
});

describe("link_not_found (404)", () => {
  it("for an unknown id on every verb", async () => {
    for (const id of ["lnk_000000000000000000000", "nope", "%20"]) {
      expectV1Error(await api.get(`${LINKS}/${id}`), "link_not_found");
      expectV1Error(await api.patch(`${LINKS}/${id}`, { status: "disabled" }), "link_not_found");
      expectV1Error(await api.delete(`${LINKS}/${id}`), "link_not_found");
      expectV1Error(await api.get(`${LINKS}/${id}/analytics`), "link_not_found");
    }
  });
});

describe("edit_not_allowed (409)", () => {
  it("for changing the url of a link whose clicks are used up", async () => {
    const link = await api.createLink({ url: "https://example.com/once", max_clicks: 1 });
    const first = await fetch(link.short_url, { redirect: "manual" });
    expect(first.status).toBe(302);
    expect((await fetch(link.short_url, { redirect: "manual" })).status).toBe(410);
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: "https://example.com/twice" }),
      "edit_not_allowed",
    );
    expectV1Error(await api.patch(`${LINKS}/${link.id}`, { custom_slug: "revived" }), "edit_not_allowed");
  });
});

describe("destination_blocked (400)", () => {
  it("for a blocked host and its subdomains, not for a host that merely ends alike", async () => {
    for (const url of [
      "https://blocked.example/x",
      "http://BLOCKED.example:8080/",
      "https://deep.sub.blocked.example/path",
    ]) {
      expectV1Error(await api.post(LINKS, { url }), "destination_blocked");
    }
    const link = await api.createLink({ url: "https://notblocked.example/fine" });
    expectV1Error(
      await api.patch(`${LINKS}/${link.id}`, { url: "https://www.blocked.example/" }),
      "destination_blocked",
    );
  });
});

describe("invalid_domain (400)", () => {
  it("for a link on a domain that is unknown, pending or another account's", async () => {
    const other = await server.hexlink.createApiKey.execute("other-account");
    await new ApiClient(server.url, other.key).post("/v1/domains", { hostname: "theirs.example.com" });
    await server.hexlink.activateDomain.execute("theirs.example.com");
    await api.post("/v1/domains", { hostname: "pending.example.com" });
    for (const domain of [
      "unknown.example.com",
      "pending.example.com",
      "theirs.example.com",
      "not a domain",
    ]) {
      expectV1Error(await api.post(LINKS, { url: "https://example.com/d", domain }), "invalid_domain");
    }
  });

  it("for registering a bad, taken or default hostname", async () => {
    // Taken by another account: registering again from the same account answers its own record.
    const rival = await server.hexlink.createApiKey.execute("rival-account");
    await new ApiClient(server.url, rival.key).post("/v1/domains", { hostname: "registered.example.com" });
    const hostnames = [
      "",
      "not a host",
      "localhost",
      "127.0.0.1",
      "-bad.example.com",
      "under_score.example.com",
      "registered.example.com",
      `127.0.0.1:${server.port}`,
    ];
    for (const hostname of hostnames) {
      expectV1Error(await api.post("/v1/domains", { hostname }), "invalid_domain");
    }
  });

  it("for verifying or deleting a domain the account does not have", async () => {
    expectV1Error(await api.post("/v1/domains/nowhere.example.com/verify"), "invalid_domain");
    expectV1Error(await api.delete("/v1/domains/nowhere.example.com"), "invalid_domain");
  });
});

describe("invalid_date_range (400)", () => {
  it("for a bad day, start after end, or more than 366 days", async () => {
    const link = await api.createLink({ url: "https://example.com/range" });
    const queries = [
      "start=2026-02-30&end=2026-03-01",
      "start=yesterday",
      "end=2026-13-01",
      "start=2026-1-1&end=2026-01-31",
      "start=2026-01-01T00:00:00Z&end=2026-01-31",
      "start=2026-02-01&end=2026-01-31",
      "start=2025-01-01&end=2026-01-02",
    ];
    for (const query of queries) {
      expectV1Error(await api.get(`${LINKS}/${link.id}/analytics?${query}`), "invalid_date_range");
    }
    const longest = await api.get(`${LINKS}/${link.id}/analytics?start=2025-01-01&end=2026-01-01`);
    expect(longest.status).toBe(200);
  });
});

describe("unavailable (503)", () => {
  it("when a store fails, without leaking what failed", async () => {
    class FailingLinks extends InMemoryLinkRepository {
      override async create(_link: Link): Promise<void> {
        throw new Error("connection to 10.0.0.7:27017 refused");
      }
    }
    const running = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      stores: { ...memoryStores(), links: new FailingLinks() },
    });
    const response = await new ApiClient(running.url, KEY).post(LINKS, { url: "https://example.com/down" });
    const error = expectV1Error(response, "unavailable");
    expect(error.error).not.toContain("10.0.0.7");
  });
});

describe("X-RateLimit headers", () => {
  it("come with every authenticated response, success or failure, on every route", async () => {
    const link = await api.createLink({ url: "https://example.com/headers" });
    const requests: [string, string, unknown?][] = [
      ["POST", LINKS, { url: "https://example.com/h" }],
      ["POST", LINKS, { url: "ftp://nope" }],
      ["POST", LINKS, "{bad json"],
      ["GET", LINKS],
      ["GET", `${LINKS}?limit=0`],
      ["GET", `${LINKS}/${link.id}`],
      ["GET", `${LINKS}/lnk_missing`],
      ["PATCH", `${LINKS}/${link.id}`, { max_clicks: 9 }],
      ["GET", `${LINKS}/${link.id}/analytics`],
      ["GET", `${LINKS}/${link.id}/analytics?start=bad`],
      ["POST", "/v1/domains", { hostname: "headers.example.com" }],
      ["GET", "/v1/domains"],
      ["POST", "/v1/domains/headers.example.com/verify"],
      ["DELETE", "/v1/domains/headers.example.com"],
      ["DELETE", `${LINKS}/${link.id}`],
    ];
    for (const [method, path, body] of requests) {
      const response = await api.send(method, path, body);
      expectRateLimitHeaders(response.headers);
    }
  });
});
