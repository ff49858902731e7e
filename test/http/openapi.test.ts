import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_API } from "../../src/adapters/express/client/client-api.js";
import { createHexlinkApp } from "../../src/adapters/express/index.js";
import type { ApiOperation } from "../../src/adapters/express/openapi/openapi-document.js";
import { V1_API } from "../../src/adapters/express/v1/v1-api.js";
import { ApiClient, type ApiResponse, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { expectAsDocumented, type OpenApiDocument } from "./openapi-conformance.js";
import { servedRoutes } from "./openapi-served-routes.js";

const KEY = "hxk_openapi_suite_key_00001";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

let server: RunningServer;
let document: OpenApiDocument;

beforeAll(async () => {
  server = await startServer({
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS },
  });
  const response = await fetch(`${server.url}/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  document = (await response.json()) as OpenApiDocument;
});

afterAll(async () => {
  await server.close();
});

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: "hexlink", version: expect.any(String) });
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
  });

  it("lists every route the server serves, and no route it does not serve", () => {
    // The fast path answers GET|HEAD /:slug in front of Express.
    const served = new Set([...servedRoutes(createHexlinkApp(server.hexlink)), "GET /{slug}"]);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => method !== "head")
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(served.size).toBeGreaterThan(10);
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it("marks every v1 operation as needing the bearer key with its route's scope", () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith("/v1/")) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const route = V1_API.routes.find((r) => `${V1_API.base}${r.path}` === path && r.method === method);
        expect(route, `${method} ${path}`).toBeDefined();
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [route?.scope] }]);
        expect((operation as { "x-required-scope"?: string })["x-required-scope"]).toBe(route?.scope);
      }
    }
  });
  it("gives every answer of both APIs a JSON body, and the limit headers to every counted answer", () => {
    const rateLimit = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!/^\/(v1|client\/api)\//.test(path)) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.filter((status) => status.startsWith("2")),
          `${method} ${path}`,
        ).toHaveLength(1);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(["400", "401", "403", "429"]));
        for (const [status, response] of Object.entries(operation.responses)) {
          const where = `${method} ${path} ${status}`;
          if (`${method} ${path} ${status}` === "get /v1/links/export 200") {
            // The one answer that is not JSON: the export streams CSV or NDJSON (spec §9).
            expect(Object.keys(response.content ?? {}), where).toEqual([
              "text/csv; charset=utf-8",
              "application/x-ndjson",
            ]);
          } else expect(response.content?.["application/json"]?.schema, where).toBeDefined();
          const headers = Object.keys(response.headers ?? {});
          const expected = status === "401" || status === "403" ? [] : rateLimit;
          expect(headers, where).toEqual(status === "429" ? [...expected, "Retry-After"] : expected);
        }
      }
    }
  });
});

describe("GET /docs", () => {
  it("is HTML that references only same-origin assets, and each of them loads", async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await response.text();
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map(
      (match) => match[1] ?? "",
    );
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of references) {
      expect(reference, reference).toMatch(/^\/(?!\/)/);
      const asset = await fetch(`${server.url}${reference}`);
      expect(asset.status, reference).toBe(200);
      expect((await asset.text()).length, reference).toBeGreaterThan(0);
    }
  });

  it("renders every operation of this server's /openapi.json on the server, with no script at all", async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.headers.get("content-security-policy")).not.toContain("script-src");
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) expect(html, operation).toContain(`<code>${operation}</code>`);
    // Each keyed operation shows the scope its key needs.
    const section = html.slice(html.indexOf("<code>GET /v1/links/{id}/analytics</code>"));
    expect(section.slice(0, section.indexOf("</section>"))).toContain(
      "API key scope: <code>analytics:read</code>",
    );
    expect(html.match(/API key scope: <code>/g)?.length).toBe(
      V1_API.routes.length + CLIENT_API.routes.length,
    );
    expect((await fetch(`${server.url}/docs/init.js`)).status).toBe(404);
  });
});

describe("real v1 answers, as /openapi.json describes them", () => {
  const api = () => new ApiClient(server.url, KEY);
  const check = (method: ApiOperation["method"], path: string, response: ApiResponse<unknown>) =>
    expectAsDocumented(document, method, path, {
      status: response.status,
      headers: response.headers,
      json: response.body,
    });

  it("keeps its security schemes next to the response headers", () => {
    expect(Object.keys(document.components.securitySchemes ?? {}).sort()).toEqual(["bearer", "clientKey"]);
    expect(Object.keys(document.components.headers ?? {}).sort()).toEqual([
      "Retry-After",
      "X-RateLimit-Limit",
      "X-RateLimit-Remaining",
      "X-RateLimit-Reset",
    ]);
  });

  it("links: create, read, list, update, analytics and delete", async () => {
    const plain = await api().post("/v1/links", { url: "https://example.com/documented" });
    check("post", "/v1/links", plain);
    const full = await api().post<{ link: { id: string; slug: string } }>("/v1/links", {
      url: "https://example.com/documented-full",
      custom_slug: "documented-full",
      password: "pw",
      expires_at: "2099-01-01T00:00:00Z",
      max_clicks: 5,
    });
    check("post", "/v1/links", full);
    const { id } = full.body.link;
    check("get", "/v1/links/{id}", await api().get(`/v1/links/${id}`));
    const first = await api().get<{ next_cursor: string }>("/v1/links?limit=1");
    expect(first.body.next_cursor).toEqual(expect.any(String));
    check("get", "/v1/links", first);
    check("get", "/v1/links", await api().get("/v1/links?limit=100"));
    check(
      "patch",
      "/v1/links/{id}",
      await api().patch(`/v1/links/${id}`, { password: null, status: "disabled" }),
    );
    await api().patch(`/v1/links/${id}`, { status: "active" });
    const visit = await fetch(`${server.url}/${full.body.link.slug}`, {
      redirect: "manual",
      headers: { "user-agent": FIREFOX, referer: "https://ref.example/" },
    });
    expect(visit.status).toBe(302);
    await server.hexlink.flushClicks();
    const analytics = await api().get<{ analytics: { devices: unknown[] } }>(`/v1/links/${id}/analytics`);
    expect(analytics.body.analytics.devices).not.toEqual([]);
    check("get", "/v1/links/{id}/analytics", analytics);
    check("delete", "/v1/links/{id}", await api().delete(`/v1/links/${id}`));
  });

  it("domains: register, list, verify and delete", async () => {
    check("post", "/v1/domains", await api().post("/v1/domains", { hostname: "documented.example.com" }));
    await server.hexlink.activateDomain.execute({ hostname: "documented.example.com" });
    check("get", "/v1/domains", await api().get("/v1/domains"));
    check(
      "post",
      "/v1/domains/{hostname}/verify",
      await api().post("/v1/domains/documented.example.com/verify"),
    );
    check("delete", "/v1/domains/{hostname}", await api().delete("/v1/domains/documented.example.com"));
  });

  it("failures, with the rate-limit headers wherever the key was counted", async () => {
    check("post", "/v1/links", await api().send("POST", "/v1/links", "{not json"));
    check("post", "/v1/links", await api().post("/v1/links", { url: "ftp://example.com" }));
    check("get", "/v1/links/{id}", await api().get("/v1/links/lnk_000000000000000000000"));
    check("get", "/v1/links/{id}/analytics", await api().get("/v1/links/lnk_x/analytics?start=bad"));
    check("delete", "/v1/domains/{hostname}", await api().delete("/v1/domains/nowhere.example.com"));
    check("get", "/v1/links", await new ApiClient(server.url, undefined).get("/v1/links"));
    const { key } = await server.hexlink.createApiKey.execute({ accountId: "no-api", apiAccess: false });
    check("get", "/v1/links", await new ApiClient(server.url, key).get("/v1/links"));
  });

  it("429 with Retry-After", async () => {
    const limited = await startServer({
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: { perSecond: 1, perHour: 1000, perMonth: 100_000 } },
    });
    try {
      const client = new ApiClient(limited.url, KEY);
      await client.get("/v1/domains");
      const refused = await client.get("/v1/domains");
      expect(refused.status).toBe(429);
      check("get", "/v1/domains", refused);
    } finally {
      await limited.close();
    }
  });
});
