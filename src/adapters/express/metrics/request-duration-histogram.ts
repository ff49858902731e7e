import { Histogram, type Registry } from "prom-client";
import { DURATION_BUCKETS, type HttpStats } from "./http-stats.js";

/**
 * `hexlink_http_request_duration_seconds`, read from {@link HttpStats} at scrape time: prom-client's own
 * `observe` hashes its labels on every call, about a microsecond the redirect path should not pay.
 */
export class RequestDurationHistogram extends Histogram<"route" | "le"> {
  constructor(
    registry: Registry,
    private readonly stats: HttpStats,
  ) {
    super({
      name: "hexlink_http_request_duration_seconds",
      help: "Time from a request's arrival to its answer, by route template.",
      labelNames: ["route"],
      buckets: [...DURATION_BUCKETS],
      registers: [registry],
    });
  }

  override async get(): ReturnType<Histogram<"route" | "le">["get"]> {
    const empty = await super.get();
    const name = "hexlink_http_request_duration_seconds";
    const values: typeof empty.values = [];
    for (const stats of this.stats.all()) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((bound, slot) => {
        cumulative += stats.buckets[slot] ?? 0;
        values.push({
          metricName: `${name}_bucket`,
          labels: { route: stats.route, le: bound },
          value: cumulative,
        });
      });
      values.push({
        metricName: `${name}_bucket`,
        labels: { route: stats.route, le: "+Inf" },
        value: stats.count,
      });
      values.push({ metricName: `${name}_sum`, labels: { route: stats.route }, value: stats.sum });
      values.push({ metricName: `${name}_count`, labels: { route: stats.route }, value: stats.count });
    }
    return { ...empty, values };
  }
}
