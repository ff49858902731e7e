import { describe, expect, it } from "vitest";
import { aggregateMetrics } from "../../../../../src/adapters/express/metrics/aggregate-metrics.js";
import {
  HexlinkMetrics,
  REDIRECT_ROUTE,
} from "../../../../../src/adapters/express/metrics/hexlink-metrics.js";
import { sample } from "../../../../support/prometheus-text.js";

describe("aggregateMetrics (a cluster's /metrics)", () => {
  it("adds up the workers' counters and histograms, and keeps the process defaults", async () => {
    const one = new HexlinkMetrics();
    const two = new HexlinkMetrics();
    for (let i = 0; i < 3; i++) one.http.of(REDIRECT_ROUTE).record(302, 0.001);
    two.http.of(REDIRECT_ROUTE).record(302, 0.002);
    two.http.of(REDIRECT_ROUTE).record(404, 0.002);
    one.storeError("links");
    two.storeError("links");
    const text = await aggregateMetrics([await one.snapshot(), await two.snapshot()]);
    expect(sample(text, 'hexlink_redirects_total{outcome="redirect"}')).toBe(4);
    expect(sample(text, 'hexlink_redirects_total{outcome="not_found"}')).toBe(1);
    expect(sample(text, 'hexlink_http_requests_total{route="/{slug}",status="302"}')).toBe(4);
    expect(sample(text, 'hexlink_http_request_duration_seconds_count{route="/{slug}"}')).toBe(5);
    expect(sample(text, 'hexlink_store_errors_total{store="links"}')).toBe(2);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("answers from the source a worker is given, not from its own registry", async () => {
    const metrics = new HexlinkMetrics();
    metrics.http.of(REDIRECT_ROUTE).record(302, 0.001);
    metrics.scrapeFrom(async () => "whole server\n");
    expect(await metrics.scrape()).toBe("whole server\n");
  });
});
