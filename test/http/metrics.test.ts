import { register } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HexlinkMetrics, instrumentStores } from "../../src/adapters/express/index.js";
import { memorySharedState, memoryStores } from "../../src/adapters/memory/memory-stores.js";
import { httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { sample } from "../support/prometheus-text.js";

const KEY = "hxk_metrics_suite_key_0001";
const TOKEN = "metrics-token-0123456789";
const METRICS = [
  "hexlink_redirects_total",
  "hexlink_http_requests_total",
  "hexlink_http_request_duration_seconds",
  "hexlink_clicks_pending",
  "hexlink_clicks_dropped_total",
  "hexlink_click_flush_duration_seconds",
  "hexlink_store_errors_total",
  "hexlink_link_cache_requests_total",
  "hexlink_webhook_deliveries_total",
];

describe("GET /metrics", () => {
  let server: RunningServer;
  let guarded: RunningServer;
  let slug: string;
  const metrics = new HexlinkMetrics();

  beforeAll(async () => {
    const stores = memoryStores();
    const failingLinks = Object.assign(Object.create(stores.links) as typeof stores.links, {
      findById: async () => {
        throw new Error("store down");
      },
    });
    const instrumented = instrumentStores({ ...stores, links: failingLinks }, memorySharedState(), metrics);
    server = await startServer({
      ...instrumented,
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS },
      http: { metrics },
    });
    slug = (await server.hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/" })).slug;
    guarded = await startServer({ http: { metricsToken: TOKEN } });
  });

  afterAll(async () => {
    await Promise.all([server.close(), guarded.close()]);
  });

  const scrape = async (target = server, headers: Record<string, string> = {}) =>
    httpRequest(`${target.url}/metrics`, { headers });

  it("declares every metric of spec §11 and the process defaults, in the Prometheus text format", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    for (const name of METRICS) expect(response.body).toContain(`# TYPE ${name} `);
    expect(response.body).toContain("# TYPE hexlink_http_request_duration_seconds histogram");
    expect(response.body).toContain("process_cpu_user_seconds_total");
    expect(response.body).toContain("nodejs_heap_size_used_bytes");
  });

  it("counts redirects by outcome and requests by route template and status, with durations", async () => {
    await httpRequest(`${server.url}/${slug}`);
    await httpRequest(`${server.url}/${slug}`);
    await httpRequest(`${server.url}/noSuchSlug`);
    const missing = await httpRequest(`${server.url}/v1/links/lnk_aaaaaaaaaaaaaaaaaaaaa`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(missing.status).toBe(503);
    const text = (await scrape()).body;
    expect(sample(text, 'hexlink_redirects_total{outcome="redirect"}')).toBe(2);
    expect(sample(text, 'hexlink_redirects_total{outcome="not_found"}')).toBe(1);
    expect(sample(text, 'hexlink_http_requests_total{route="/{slug}",status="302"}')).toBe(2);
    expect(sample(text, 'hexlink_http_requests_total{route="/{slug}",status="404"}')).toBe(1);
    expect(sample(text, 'hexlink_http_requests_total{route="/v1/links/{id}",status="503"}')).toBe(1);
    expect(sample(text, 'hexlink_http_request_duration_seconds_count{route="/{slug}"}')).toBe(3);
    expect(sample(text, 'hexlink_http_request_duration_seconds_bucket{route="/{slug}",le="+Inf"}')).toBe(3);
    // Labels are route templates, never raw paths: no slug, no link id.
    expect(text).not.toContain("lnk_aaaa");
    expect(text).not.toContain(slug);
    expect(text).not.toContain("noSuchSlug");
  });

  it("counts store errors per port, link cache lookups and click batches", async () => {
    await httpRequest(`${server.url}/${slug}`);
    await server.hexlink.flushClicks();
    const text = (await scrape()).body;
    expect(sample(text, 'hexlink_store_errors_total{store="links"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hexlink_link_cache_requests_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hexlink_link_cache_requests_total{result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "hexlink_click_flush_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "hexlink_clicks_pending")).toBe(0);
  });

  it("keeps out of prom-client's global registry", async () => {
    expect((await register.metrics()).includes("hexlink_")).toBe(false);
  });

  it("needs Authorization: Bearer <HEXLINK_METRICS_TOKEN> when a token is set", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: "Bearer wrong-token-0123456789" },
      { Authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const refused = await scrape(guarded, headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ success: false, code: "unauthorized" });
      expect(refused.body).not.toContain("hexlink_");
    }
    const allowed = await scrape(guarded, { Authorization: `Bearer ${TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain("# TYPE hexlink_redirects_total counter");
  });
});
