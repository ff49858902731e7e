/** v1 failures of the request itself and of its key: shape, body, credentials and limits. */
import { describe, expect, it } from "vitest";
import { FixedClock } from "../support/fixed-clock.js";
import { ApiClient, expectRateLimitHeaders, expectV1Error, httpRequest } from "../support/http-client.js";
import { api, server, useV1ErrorServer, V1_ERRORS_KEY } from "./v1-servers.js";

const KEY = V1_ERRORS_KEY;
const LINKS = "/v1/links";

const start = useV1ErrorServer();

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
    const { key: revoked, apiKey } = await server.hexlink.createApiKey.execute({ accountId: "acme" });
    await server.hexlink.revokeApiKey.execute({ id: apiKey.id });
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
    const { key } = await server.hexlink.createApiKey.execute({ accountId: "acct", apiAccess: false });
    const client = new ApiClient(server.url, key);
    expectV1Error(await client.get(LINKS), "forbidden");
    expectV1Error(await client.post(LINKS, { url: "https://example.com/no" }), "forbidden");
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
