import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { HttpStats } from "./http-stats.js";

/** One process's metrics as JSON (prom-client's `getMetricsAsJSON`), the shape a cluster primary aggregates. */
export type MetricsSnapshot = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

/** The route template of short links, whose answers are the redirects' outcomes. */
export const REDIRECT_ROUTE = "/{slug}";

import { RequestDurationHistogram } from "./request-duration-histogram.js";

/** What a redirect request ended as, from its status. */
export type RedirectOutcomeLabel =
  | "redirect"
  | "password_required"
  | "wrong_password"
  | "too_many_attempts"
  | "not_found"
  | "gone"
  | "error";

/** The outcome of a redirect request by the status it was answered with. */
export function redirectOutcome(status: number): RedirectOutcomeLabel {
  if (status >= 300 && status < 400) return "redirect";
  switch (status) {
    case 200:
      return "password_required";
    case 401:
      return "wrong_password";
    case 429:
      return "too_many_attempts";
    case 404:
      return "not_found";
    case 410:
      return "gone";
    default:
      return "error";
  }
}

/** What the click recorder reports of itself, read at scrape time. */
export interface ClickBacklog {
  readonly pendingBuckets: number;
  readonly droppedClicks: number;
}

/**
 * hexlink's Prometheus metrics (spec §11) in a registry of their own, so an embedder's global registry is left
 * untouched. Hot counters are plain numbers that the registry reads when scraped.
 */
export class HexlinkMetrics {
  readonly registry = new Registry();
  readonly http = new HttpStats();
  private readonly storeErrors = new Map<string, number>();
  private readonly cacheResults = new Map<string, number>();
  private clicks: () => ClickBacklog | undefined = () => undefined;
  private defaultsCollected = false;
  /** Where a scrape is answered from: this registry, or a cluster primary's sum of every worker's. */
  private source: () => Promise<string> = () => this.registry.metrics();
  /** Batches sent to the click store, observed once per attempt. */
  readonly clickFlush: Histogram;
  private readonly webhookDeliveries: Counter<string>;

  constructor() {
    const registers = [this.registry];
    const counted = (counter: Counter<string>, label: string, counts: ReadonlyMap<string, number>) => {
      counter.reset();
      for (const [value, count] of counts) counter.inc({ [label]: value }, count);
    };
    const { storeErrors, cacheResults, http } = this;
    new Counter({
      name: "hexlink_redirects_total",
      help: "Short-link requests by outcome.",
      labelNames: ["outcome"],
      registers,
      collect() {
        // Short-link answers are counted once, by status, under their route; outcomes are read from those.
        const byOutcome = new Map<string, number>();
        for (const [status, count] of http.of(REDIRECT_ROUTE).statuses) {
          const outcome = redirectOutcome(status);
          byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + count);
        }
        counted(this, "outcome", byOutcome);
      },
    });
    new Counter({
      name: "hexlink_http_requests_total",
      help: "Answered HTTP requests by route template and status.",
      labelNames: ["route", "status"],
      registers,
      collect() {
        this.reset();
        for (const stats of http.all())
          for (const [status, count] of stats.statuses) this.inc({ route: stats.route, status }, count);
      },
    });
    new RequestDurationHistogram(this.registry, http);
    const backlog = () => this.clicks();
    new Gauge({
      name: "hexlink_clicks_pending",
      help: "Link-day click buckets waiting for the click store.",
      registers,
      collect() {
        this.set(backlog()?.pendingBuckets ?? 0);
      },
    });
    new Counter({
      name: "hexlink_clicks_dropped_total",
      help: "Clicks that will never be counted (pending bound, batches given up, unconfirmed at shutdown).",
      registers,
      collect() {
        this.reset();
        this.inc(backlog()?.droppedClicks ?? 0);
      },
    });
    this.clickFlush = new Histogram({
      name: "hexlink_click_flush_duration_seconds",
      help: "Time the click store took to take a batch of clicks, failures included.",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5],
      registers,
    });
    new Counter({
      name: "hexlink_store_errors_total",
      help: "Store calls that failed, by store port (links, domains, api_keys, clicks, rate_limiter, link_cache).",
      labelNames: ["store"],
      registers,
      collect() {
        counted(this, "store", storeErrors);
      },
    });
    new Counter({
      name: "hexlink_link_cache_requests_total",
      help: "Link cache lookups by result: hit, negative (cached as absent) or miss.",
      labelNames: ["result"],
      registers,
      collect() {
        counted(this, "result", cacheResults);
      },
    });
    this.webhookDeliveries = new Counter({
      name: "hexlink_webhook_deliveries_total",
      help: "Webhook delivery attempts by outcome: delivered, retrying (failed, retried later) or failed (given up).",
      labelNames: ["status"],
      registers,
    });
  }

  /** Counts a webhook delivery attempt by its outcome. */
  webhookDelivery(status: "delivered" | "retrying" | "failed"): void {
    this.webhookDeliveries.inc({ status });
  }

  /** Counts a failed call to a store port. */
  storeError(store: string): void {
    this.storeErrors.set(store, (this.storeErrors.get(store) ?? 0) + 1);
  }

  /** Counts a link cache lookup. */
  cacheLookup(result: "hit" | "negative" | "miss"): void {
    this.cacheResults.set(result, (this.cacheResults.get(result) ?? 0) + 1);
  }

  /** Where the click gauges read the recorder's backlog from. */
  readClicksFrom(source: () => ClickBacklog | undefined): void {
    this.clicks = source;
  }

  /** The Prometheus text exposition; the process defaults start being collected on the first scrape. */
  async scrape(): Promise<string> {
    this.collectDefaults();
    return this.source();
  }

  /** This process's metrics as prom-client's JSON, for a cluster primary to add up with its other workers'. */
  async snapshot(): Promise<MetricsSnapshot> {
    this.collectDefaults();
    return this.registry.getMetricsAsJSON();
  }

  /** Answers scrapes from `source` from now on: a worker's /metrics reports the whole server. */
  scrapeFrom(source: () => Promise<string>): void {
    this.source = source;
  }

  private collectDefaults(): void {
    if (!this.defaultsCollected) {
      this.defaultsCollected = true;
      collectDefaultMetrics({ register: this.registry });
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
