import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_cors_suite_key_000001";
const APP = "https://app.example";

const preflight = (url: string, origin: string, method = "POST") =>
  httpRequest(url, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": method,
      "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
    },
  });

describe("CORS on the two APIs (HEXLINK_CORS_ORIGINS)", () => {
  let listed: RunningServer;
  let anyOrigin: RunningServer;
  let none: RunningServer;

  beforeAll(async () => {
    const core = { apiKeys: [{ accountId: "acme", key: KEY }], settings: { rateLimits: RELAXED_LIMITS } };
    [listed, anyOrigin, none] = await Promise.all([
      startServer({ ...core, http: { corsOrigins: [APP, "http://localhost:5173"] } }),
      startServer({ ...core, http: { corsOrigins: "*" } }),
      startServer(core),
    ]);
  });

  afterAll(async () => {
    await Promise.all([listed.close(), anyOrigin.close(), none.close()]);
  });

  it("answers a preflight from an allowed origin with 204 before authentication, on both APIs", async () => {
    for (const path of ["/v1/links", "/v1/links/lnk_x", "/client/api/shorten"]) {
      const response = await preflight(
        `${listed.url}${path}`,
        APP,
        path === "/v1/links/lnk_x" ? "PATCH" : "POST",
      );
      expect(response.status).toBe(204);
      expect(response.headers["access-control-allow-origin"]).toBe(APP);
      expect(response.headers.vary).toContain("Origin");
      const allowed = String(response.headers["access-control-allow-headers"]).toLowerCase().split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(["authorization", "idempotency-key", "content-type"]));
      expect(String(response.headers["access-control-allow-methods"])).toContain(
        path === "/v1/links/lnk_x" ? "PATCH" : "POST",
      );
    }
  });

  it("gives an origin not on the list no CORS headers, and still no authentication", async () => {
    const response = await preflight(`${listed.url}/v1/links`, "https://evil.example");
    expect(response.status).toBe(204);
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers["access-control-allow-headers"]).toBeUndefined();
  });

  it("lets a browser read the rate-limit headers and the request id of an answer", async () => {
    for (const [server, expected] of [
      [listed, APP],
      [anyOrigin, "*"],
    ] as const) {
      const response = await httpRequest(`${server.url}/v1/links`, {
        headers: { Origin: APP, Authorization: `Bearer ${KEY}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers["access-control-allow-origin"]).toBe(expected);
      const exposed = String(response.headers["access-control-expose-headers"]).split(/,\s*/);
      expect(exposed).toEqual(
        expect.arrayContaining([
          "X-RateLimit-Limit",
          "X-RateLimit-Remaining",
          "X-RateLimit-Reset",
          "Retry-After",
        ]),
      );
      expect(response.headers["x-ratelimit-remaining"]).toBeDefined();
    }
  });

  it("sends no CORS headers when HEXLINK_CORS_ORIGINS is unset, nor outside the APIs", async () => {
    const unset = await preflight(`${none.url}/v1/links`, APP);
    expect(unset.status).not.toBe(204);
    expect(unset.headers["access-control-allow-origin"]).toBeUndefined();
    const page = await httpRequest(`${listed.url}/healthz`, { headers: { Origin: APP } });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
