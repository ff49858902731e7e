import type { ApiKeyScope } from "../../src/domain/api-key/key-access.js";
import type { ApiClient, V1Link } from "../support/http-client.js";

/** What a sample request may set up first, with the account's all-scope key. */
export interface SampleContext {
  readonly root: ApiClient;
  /** An active custom domain of the account. */
  readonly brand: string;
  /** A fresh link of the account (on the default domain). */
  link(): Promise<V1Link>;
  /** A name no other sample uses. */
  unique(prefix: string): string;
}

/** One request that a key with the route's scope alone completes: the route's success status. */
export interface SampleRequest {
  readonly path: string;
  readonly body?: unknown;
}

type Sample = (context: SampleContext) => Promise<SampleRequest>;

const clicks = async ({ link }: SampleContext): Promise<SampleRequest> => ({
  path: "",
  body: { tracking_id: (await link()).id, start_date: "01/03/2026", end_date: "15/03/2026" },
});
const tracked = async ({ link }: SampleContext) => ({ path: "", body: { tracking_id: (await link()).id } });

/** A new webhook of the account (the scope test's server accepts loopback receivers); its id. */
async function webhookOf(root: ApiClient): Promise<string> {
  const made = await root.post<{ webhook: { id: string } }>("/v1/webhooks", {
    url: "http://127.0.0.1:9/hook",
    events: ["link.deleted"],
  });
  return made.body.webhook.id;
}

/**
 * A sample request for every route of both API tables, by `<METHOD> <base><path>`. The scope test fails for a
 * route without one: a new route brings its sample, so its scope is checked end to end.
 */
export const SCOPE_SAMPLES: Readonly<Record<string, Sample>> = {
  "POST /v1/links": async () => ({ path: "/v1/links", body: { url: "https://example.com/scoped" } }),
  "GET /v1/links": async () => ({ path: "/v1/links" }),
  "GET /v1/links/{id}": async ({ link }) => ({ path: `/v1/links/${(await link()).id}` }),
  "PATCH /v1/links/{id}": async ({ link }) => ({
    path: `/v1/links/${(await link()).id}`,
    body: { url: "https://example.com/patched" },
  }),
  "DELETE /v1/links/{id}": async ({ link }) => ({ path: `/v1/links/${(await link()).id}` }),
  "GET /v1/links/{id}/analytics": async ({ link }) => ({ path: `/v1/links/${(await link()).id}/analytics` }),
  "POST /v1/links/bulk": async () => ({
    path: "/v1/links/bulk",
    body: { links: [{ url: "https://example.com/scoped-bulk" }] },
  }),
  "POST /v1/links/bulk-update": async ({ link }) => ({
    path: "/v1/links/bulk-update",
    body: { ids: [(await link()).id], set: { status: "disabled" } },
  }),
  "POST /v1/links/bulk-delete": async ({ link }) => ({
    path: "/v1/links/bulk-delete",
    body: { ids: [(await link()).id] },
  }),
  // No link on that domain: an empty body, which the sample's JSON client reads as null.
  "GET /v1/links/export": async () => ({ path: "/v1/links/export?format=ndjson&domain=none.example" }),
  "GET /v1/tags": async () => ({ path: "/v1/tags" }),
  "GET /v1/analytics": async () => ({ path: "/v1/analytics" }),
  "POST /v1/domains": async ({ unique }) => ({
    path: "/v1/domains",
    body: { hostname: `${unique("d")}.example.org` },
  }),
  "GET /v1/domains": async () => ({ path: "/v1/domains" }),
  "POST /v1/domains/{hostname}/verify": async ({ brand }) => ({ path: `/v1/domains/${brand}/verify` }),
  "DELETE /v1/domains/{hostname}": async ({ root, unique }) => {
    const hostname = `${unique("gone")}.example.org`;
    await root.post("/v1/domains", { hostname });
    return { path: `/v1/domains/${hostname}` };
  },
  "POST /v1/keys": async ({ unique }) => ({ path: "/v1/keys", body: { name: unique("k"), scopes: [] } }),
  "GET /v1/keys": async () => ({ path: "/v1/keys" }),
  "DELETE /v1/keys/{id}": async ({ root, unique }) => {
    const made = await root.post<{ key: { id: string } }>("/v1/keys", { name: unique("k"), scopes: [] });
    return { path: `/v1/keys/${made.body.key.id}` };
  },
  "POST /v1/webhooks": async () => ({
    path: "/v1/webhooks",
    body: { url: "http://127.0.0.1:9/hook", events: ["link.created"] },
  }),
  "GET /v1/webhooks": async () => ({ path: "/v1/webhooks" }),
  "DELETE /v1/webhooks/{id}": async ({ root }) => ({ path: `/v1/webhooks/${await webhookOf(root)}` }),
  "GET /v1/webhooks/{id}/deliveries": async ({ root }) => ({
    path: `/v1/webhooks/${await webhookOf(root)}/deliveries`,
  }),
  "POST /v1/webhooks/{id}/test": async ({ root }) => ({ path: `/v1/webhooks/${await webhookOf(root)}/test` }),
  "POST /client/api/url/shorten": async () => ({
    path: "",
    body: { long_url: "https://example.com/client" },
  }),
  "POST /client/api/url/edit": async ({ link }) => ({
    path: "",
    body: { tracking_id: (await link()).id, long_url: "https://example.com/edited" },
  }),
  "POST /client/api/url/disable": tracked,
  "POST /client/api/url/enable": tracked,
  "POST /client/api/url/delete": tracked,
  "POST /client/api/url/get": async ({ link }) => ({
    path: "",
    body: { short_url: (await link()).short_url },
  }),
  "POST /client/api/clicksdata/device": clicks,
  "POST /client/api/clicksdata/os": clicks,
  "POST /client/api/clicksdata/browser": clicks,
  "POST /client/api/clicksdata/location": clicks,
  "POST /client/api/clicksdata/referrer": clicks,
};

/** Every scope but this one. */
export function allScopesBut(scope: ApiKeyScope, all: readonly ApiKeyScope[]): ApiKeyScope[] {
  return all.filter((other) => other !== scope);
}
