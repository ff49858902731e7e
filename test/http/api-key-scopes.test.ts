import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_API } from "../../src/adapters/express/client/client-api.js";
import { V1_API } from "../../src/adapters/express/v1/v1-api.js";
import { API_KEY_SCOPES } from "../../src/domain/api-key/key-access.js";
import { FixedClock } from "../support/fixed-clock.js";
import { ApiClient, expectV1Error, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { onMongoStore } from "../support/http-store.js";
import { memoryAndRedisStores } from "../support/store-variants.js";
import { clientPost, expectFailure } from "./client-api-requests.js";
import { isDocumentedBody } from "./openapi-conformance.js";
import { allScopesBut, type SampleContext, SCOPE_SAMPLES } from "./scope-samples.js";

const ROOT = "hxk_scopes_root_key_0123456789";
const BRAND = "brand.example";

interface KeyBody {
  readonly success: true;
  readonly key: { readonly id: string; readonly scopes: string[]; readonly domains: string[] | null };
  readonly secret: string;
}

const ROUTES = [
  ...V1_API.routes.map((route) => ({ api: "v1" as const, base: V1_API.base, route })),
  ...CLIENT_API.routes.map((route) => ({ api: "client" as const, base: CLIENT_API.base, route })),
];

// On the MongoDB store (test/http/mongodb/api-key-scopes.test.ts) the default stores are MongoDB's.
const VARIANTS = onMongoStore()
  ? [{ name: "MongoDB", stores: async () => undefined, skip: false }]
  : memoryAndRedisStores("scopes");

describe.each(VARIANTS)("API key scopes ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let root: ApiClient;
  let clock: FixedClock;
  let names = 0;
  // The domain-limited key and a link on each domain (set up with the server).
  let limited: ApiClient;
  let limitedKey: string;
  let onDefault: { id: string; short_url: string };
  let onBrand: { id: string; short_url: string; domain: string };
  const unique = (prefix: string) => `${prefix}${++names}`;

  /** A key made through POST /v1/keys by the root key; its secret. */
  async function mint(body: Record<string, unknown>, by: ApiClient = root): Promise<string> {
    const made = await by.post<KeyBody>("/v1/keys", { name: unique("key"), ...body });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body.secret;
  }

  const context = (): SampleContext => ({
    root,
    brand: BRAND,
    unique,
    link: () => root.createLink({ url: `https://example.com/${unique("l")}` }),
  });

  beforeAll(async () => {
    if (skip) return;
    clock = new FixedClock();
    server = await startServer({
      stores: await stores(),
      apiKeys: [{ accountId: "acme", key: ROOT }],
      // Loopback webhook receivers, so the webhook samples register without a DNS name.
      settings: { rateLimits: RELAXED_LIMITS, authFailuresPerMinute: 100_000, allowPrivateWebhooks: true },
      ports: { clock },
    });
    root = new ApiClient(server.url, ROOT);
    await server.hexlink.registerDomain.execute({ accountId: "acme", hostname: BRAND });
    await server.hexlink.activateDomain.execute({ hostname: BRAND });
    limitedKey = await mint({ scopes: [...API_KEY_SCOPES], domains: [BRAND.toUpperCase()] });
    limited = new ApiClient(server.url, limitedKey);
    onDefault = await root.createLink({ url: "https://example.com/default-domain" });
    onBrand = await root.createLink({ url: "https://example.com/brand-domain", domain: BRAND });
  });

  afterAll(async () => {
    await server?.close();
  });

  describe.skipIf(skip)("every route of both APIs", () => {
    it("has a sample request, and declares a scope", () => {
      for (const { base, route } of ROUTES) {
        const name = `${route.method.toUpperCase()} ${base}${route.path}`;
        expect(SCOPE_SAMPLES[name], `add a sample for ${name} to test/http/scope-samples.ts`).toBeDefined();
        expect(API_KEY_SCOPES).toContain(route.scope);
      }
    });

    it.each(
      ROUTES.map(
        (entry) => [`${entry.route.method.toUpperCase()} ${entry.base}${entry.route.path}`, entry] as const,
      ),
    )(
      "%s: 403 forbidden for a key with every scope but its own, success with its scope alone",
      async (name, { api, base, route }) => {
        const sample = SCOPE_SAMPLES[name];
        if (sample === undefined) throw new Error(`no sample for ${name}`);
        const lacking = await mint({ scopes: allScopesBut(route.scope, API_KEY_SCOPES) });
        const only = await mint({ scopes: [route.scope] });
        const call = async (key: string) => {
          const request = await sample(context());
          const path = request.path === "" ? `${base}${route.path}` : request.path;
          if (api === "client") {
            const answer = await clientPost(server, path.slice(base.length), request.body ?? {}, {
              authorization: key,
            });
            return { status: answer.status, body: answer.json as unknown };
          }
          const method = route.method.toUpperCase();
          return new ApiClient(server.url, key).send(method, path, request.body);
        };
        const refused = await call(lacking);
        if (api === "client") {
          expectFailure(
            { status: refused.status, json: refused.body as Record<string, unknown>, headers: new Headers() },
            "LI04",
          );
        } else {
          expect(expectV1Error({ ...refused, headers: new Headers() }, "forbidden").error).toContain(
            route.scope,
          );
        }
        const served = await call(only);
        expect(served.status, JSON.stringify(served.body)).toBe(route.success.status);
      },
    );
  });

  describe.skipIf(skip)("a key limited to a domain", () => {
    it("lists only its domain's links, and is refused another domain's listing", async () => {
      const listed = await limited.get<{ links: { id: string; domain: string }[] }>("/v1/links?limit=100");
      expect(listed.status).toBe(200);
      expect(listed.body.links.length).toBeGreaterThan(0);
      expect(listed.body.links.every((link) => link.domain === BRAND)).toBe(true);
      expect(listed.body.links.map((link) => link.id)).toContain(onBrand.id);
      const all = await root.get<{ links: { id: string }[] }>("/v1/links?limit=100");
      expect(all.body.links.map((link) => link.id)).toContain(onDefault.id);
      const host = new URL(onDefault.short_url).host;
      expectV1Error(await limited.get(`/v1/links?domain=${host}`), "forbidden");
      expect((await limited.get(`/v1/links?domain=${BRAND}`)).status).toBe(200);
    });

    it("manages no webhooks: an endpoint would hear of every domain's links", async () => {
      expectV1Error(await limited.get("/v1/webhooks"), "forbidden");
      const body = { url: "http://127.0.0.1:9/hook", events: ["link.created"] };
      expectV1Error(await limited.post("/v1/webhooks", body), "forbidden");
    });

    it("reads tag counts never, and account analytics only of its own domain", async () => {
      expectV1Error(await limited.get("/v1/tags"), "forbidden");
      expectV1Error(await limited.get("/v1/analytics"), "forbidden");
      const host = new URL(onDefault.short_url).host;
      expectV1Error(await limited.get(`/v1/analytics?domain=${host}`), "forbidden");
      expectV1Error(await limited.get("/v1/analytics?tag=promo"), "forbidden");
      expect((await limited.get(`/v1/analytics?domain=${BRAND}`)).status).toBe(200);
    });

    it("makes links on its domain, by default too, and is refused another", async () => {
      const made = await limited.createLink({ url: "https://example.com/made-limited" });
      expect(made.domain).toBe(BRAND);
      const host = new URL(onDefault.short_url).host;
      expectV1Error(
        await limited.post("/v1/links", { url: "https://example.com/x", domain: host }),
        "forbidden",
      );
      const shortened = await clientPost(
        server,
        "/url/shorten",
        { long_url: "https://example.com/c" },
        { authorization: limitedKey },
      );
      expect(shortened.status).toBe(200);
      expect(String((shortened.json.body as Record<string, unknown>).short_url)).toContain(`//${BRAND}/`);
    });

    it("finds another domain's link as a missing one: read, update, delete, analytics", async () => {
      const unknown = "lnk_000000000000000000000";
      for (const [method, suffix, body] of [
        ["GET", "", undefined],
        ["PATCH", "", { url: "https://example.com/stolen" }],
        ["DELETE", "", undefined],
        ["GET", "/analytics", undefined],
      ] as const) {
        const foreign = await limited.send(method, `/v1/links/${onDefault.id}${suffix}`, body);
        const missing = await limited.send(method, `/v1/links/${unknown}${suffix}`, body);
        expectV1Error(foreign, "link_not_found");
        expect(foreign.body).toEqual(missing.body);
      }
      expect(
        (await limited.patch(`/v1/links/${onBrand.id}`, { url: "https://example.com/mine" })).status,
      ).toBe(200);
      expect((await limited.get(`/v1/links/${onBrand.id}/analytics`)).status).toBe(200);
      expect((await root.get(`/v1/links/${onDefault.id}`)).status).toBe(200);
    });

    it("on the client API too: another domain's link is LI11 / LI16", async () => {
      const as = { authorization: limitedKey };
      expectFailure(await clientPost(server, "/url/get", { short_url: onDefault.short_url }, as), "LI16");
      expectFailure(
        await clientPost(server, "/url/edit", { tracking_id: onDefault.id, long_url: "https://e.com/x" }, as),
        "LI11",
      );
      expectFailure(await clientPost(server, "/url/disable", { tracking_id: onDefault.id }, as), "LI11");
      const range = { start_date: "01/03/2026", end_date: "15/03/2026" };
      expectFailure(
        await clientPost(server, "/clicksdata/os", { tracking_id: onDefault.id, ...range }, as),
        "LI11",
      );
      expect(
        (await clientPost(server, "/clicksdata/os", { tracking_id: onBrand.id, ...range }, as)).status,
      ).toBe(200);
      expect((await clientPost(server, "/url/get", { short_url: onBrand.short_url }, as)).status).toBe(200);
    });

    it("limited to the default domain, it reaches that domain's links whatever the port", async () => {
      const host = new URL(onDefault.short_url).hostname;
      const onDefaultKey = new ApiClient(
        server.url,
        await mint({ scopes: [...API_KEY_SCOPES], domains: [host] }),
      );
      const listed = await onDefaultKey.get<{ links: { id: string }[] }>("/v1/links?limit=100");
      expect(listed.body.links.map((link) => link.id)).toContain(onDefault.id);
      expect(listed.body.links.map((link) => link.id)).not.toContain(onBrand.id);
      const made = await onDefaultKey.createLink({ url: "https://example.com/on-default" });
      expect(made.domain).toBe(new URL(onDefault.short_url).host);
    });

    it("sees only its domains among the account's custom domains", async () => {
      await root.post("/v1/domains", { hostname: "other-brand.example" });
      const domains = await limited.get<{ domains: { hostname: string }[] }>("/v1/domains");
      expect(domains.body.domains.map((domain) => domain.hostname)).toEqual([BRAND]);
      expectV1Error(await limited.delete("/v1/domains/other-brand.example"), "forbidden");
    });
  });

  describe.skipIf(skip)("escalation", () => {
    it("a key never makes a key with a scope, domain, later expiry or higher limit than its own", async () => {
      const narrow = new ApiClient(
        server.url,
        await mint({
          scopes: ["links:read", "keys:write"],
          domains: [BRAND],
          expires_at: new Date(clock.now().getTime() + 3_600_000).toISOString(),
          rate_limits: { per_second: 1000 },
        }),
      );
      const within = {
        scopes: ["links:read"],
        domains: [BRAND],
        expires_at: new Date(clock.now().getTime() + 60_000).toISOString(),
      };
      for (const wider of [
        { ...within, scopes: ["links:read", "links:write"] },
        { ...within, scopes: [...API_KEY_SCOPES] },
        { ...within, domains: null },
        { scopes: within.scopes, expires_at: within.expires_at },
        { ...within, domains: [BRAND, "other.example"] },
        { ...within, expires_at: null },
        { ...within, expires_at: new Date(clock.now().getTime() + 7_200_000).toISOString() },
        { ...within, rate_limits: { per_second: 1001 } },
        { ...within, rate_limits: { per_hour: RELAXED_LIMITS.perHour + 1 } },
      ]) {
        expectV1Error(await narrow.post("/v1/keys", { name: "wider", ...wider }), "forbidden");
      }
      const made = await narrow.post<KeyBody>("/v1/keys", {
        name: "within",
        ...within,
        rate_limits: { per_second: 1000 },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body.key).toMatchObject({ scopes: ["links:read"], domains: [BRAND] });
    });

    it("a key without keys:write makes, lists and revokes no key; a narrow key revokes no broader one", async () => {
      const reader = new ApiClient(server.url, await mint({ scopes: ["links:read"] }));
      expectV1Error(await reader.post("/v1/keys", { name: "x", scopes: [] }), "forbidden");
      expectV1Error(await reader.get("/v1/keys"), "forbidden");
      const keys = await root.get<{ keys: { id: string; name: string | null }[] }>("/v1/keys");
      // The seeded root key is the one without a name: every key made here has one.
      const rootId = keys.body.keys.find((key) => key.name === null)?.id ?? "";
      expect(rootId).toMatch(/^key_/);
      expectV1Error(await reader.delete(`/v1/keys/${rootId}`), "forbidden");
      const manager = new ApiClient(server.url, await mint({ scopes: ["keys:write"] }));
      expectV1Error(await manager.delete(`/v1/keys/${rootId}`), "forbidden");
      expect((await root.get("/v1/links")).status).toBe(200);
    });
  });

  describe.skipIf(skip)("/v1/keys", () => {
    it("makes a key shown once, lists keys without secrets, and a revoked key stops at once", async () => {
      const made = await root.post<KeyBody>("/v1/keys", {
        name: "reporting job",
        scopes: ["analytics:read", "links:read"],
        domains: [BRAND],
        rate_limits: { per_second: 2 },
      });
      expect(made.status).toBe(201);
      expect(made.body).toEqual({
        success: true,
        key: {
          id: expect.stringMatching(/^key_/),
          name: "reporting job",
          scopes: ["links:read", "analytics:read"],
          domains: [BRAND],
          expires_at: null,
          created_at: clock.now().toISOString(),
          last_used_at: null,
          rate_limits: { per_second: 2 },
        },
        secret: expect.stringMatching(/^hxk_/),
      });
      const listed = await root.get<{ keys: { id: string }[] }>("/v1/keys");
      expect(listed.body.keys.map((key) => key.id)).toContain(made.body.key.id);
      // Both answers are the bodies the OpenAPI document describes.
      expect(isDocumentedBody("post", "/v1/keys", 201, made.body)).toBe(true);
      expect(isDocumentedBody("get", "/v1/keys", 200, listed.body)).toBe(true);
      expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
      expect(JSON.stringify(listed.body)).not.toMatch(/hash|secret|hxk_/);
      const reporter = new ApiClient(server.url, made.body.secret);
      expect((await reporter.get("/v1/links")).status).toBe(200);
      expect((await root.delete(`/v1/keys/${made.body.key.id}`)).body).toEqual({ success: true });
      const revoked = await reporter.get("/v1/links");
      const unknown = await new ApiClient(server.url, "hxk_never_made_0123456789").get("/v1/links");
      expectV1Error(revoked, "unauthorized");
      expect(revoked.body).toEqual(unknown.body);
      const again = await root.delete(`/v1/keys/${made.body.key.id}`);
      expectV1Error(again, "not_found");
      expect(isDocumentedBody("delete", "/v1/keys/{id}", 404, again.body)).toBe(true);
      expect(
        (await root.get<{ keys: { id: string }[] }>("/v1/keys")).body.keys.map((key) => key.id),
      ).not.toContain(made.body.key.id);
    });

    it("refuses bad bodies with invalid_request", async () => {
      for (const body of [
        { scopes: [] },
        { name: "x", scopes: ["links:admin"] },
        { name: "", scopes: [] },
        { name: "x", scopes: [], domains: [] },
        { name: "x", scopes: [], expires_at: "tomorrow" },
        { name: "x", scopes: [], expires_at: new Date(clock.now().getTime() - 1000).toISOString() },
        { name: "x", scopes: [], rate_limits: { per_second: 0 } },
        { name: "x", scopes: [], owner: "someone" },
      ]) {
        expectV1Error(await root.post("/v1/keys", body), "invalid_request");
      }
      expectV1Error(await root.delete("/v1/keys/key_000000000000000000000"), "not_found");
      // Domains are the default one or the account's own: a typo is refused, not a key that sees nothing.
      const typo = await root.post("/v1/keys", { name: "x", scopes: [], domains: ["brand.exmaple"] });
      expectV1Error(typo, "invalid_domain");
      expect(isDocumentedBody("post", "/v1/keys", 400, typo.body)).toBe(true);
    });

    it("a key's own rate limits replace the server's for it", async () => {
      const made = await root.post<KeyBody>("/v1/keys", {
        name: "slow",
        scopes: ["links:read"],
        rate_limits: { per_second: 2 },
      });
      const slow = new ApiClient(server.url, made.body.secret);
      clock.advance(1000);
      const first = await slow.get("/v1/links");
      expect(first.headers.get("x-ratelimit-limit")).toBe("2");
      expect((await slow.get("/v1/links")).status).toBe(200);
      expectV1Error(await slow.get("/v1/links"), "rate_limited");
      expect((await root.get("/v1/links")).status).toBe(200);
    });

    it("records a key's last use at most once a minute", async () => {
      const made = await root.post<KeyBody>("/v1/keys", { name: "usage", scopes: ["links:read"] });
      const user = new ApiClient(server.url, made.body.secret);
      const lastUsed = async () => {
        const keys = await root.get<{ keys: { id: string; last_used_at: string | null }[] }>("/v1/keys");
        return keys.body.keys.find((key) => key.id === made.body.key.id)?.last_used_at;
      };
      expect(await lastUsed()).toBeNull();
      const first = clock.now().toISOString();
      await user.get("/v1/links");
      expect(await lastUsed()).toBe(first);
      clock.advance(30_000);
      await user.get("/v1/links");
      expect(await lastUsed()).toBe(first);
      clock.advance(31_000);
      await user.get("/v1/links");
      expect(await lastUsed()).toBe(clock.now().toISOString());
    });
  });

  describe.skipIf(skip)("expiry, on the controllable clock", () => {
    it("an expired key answers exactly as an unknown one, on both APIs", async () => {
      const expires = new Date(clock.now().getTime() + 60_000);
      const key = await mint({ scopes: [...API_KEY_SCOPES], expires_at: expires.toISOString() });
      const client = new ApiClient(server.url, key);
      expect((await client.get("/v1/links")).status).toBe(200);
      expect(
        (
          await clientPost(
            server,
            "/url/shorten",
            { long_url: "https://example.com/e" },
            { authorization: key },
          )
        ).status,
      ).toBe(200);
      clock.set(expires);
      const expired = await client.get("/v1/links");
      const unknown = await new ApiClient(server.url, "hxk_never_made_0123456789").get("/v1/links");
      expectV1Error(expired, "unauthorized");
      expect({ status: expired.status, body: expired.body }).toEqual({
        status: unknown.status,
        body: unknown.body,
      });
      const viaClient = await clientPost(
        server,
        "/url/shorten",
        { long_url: "https://example.com/e" },
        { authorization: key },
      );
      expectFailure(viaClient, "LI03");
      const listed = await root.get<{ keys: { expires_at: string | null }[] }>("/v1/keys");
      expect(listed.body.keys.map((k) => k.expires_at)).toContain(expires.toISOString());
    });
  });
});
