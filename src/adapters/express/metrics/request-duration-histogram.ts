import { Histogram, type Registry } from "prom-client";
import { DURATION_BUCKETS, type HttpStats } from "./http-stats.js";

type Exposed = ReturnType<Histogram<"route" | "le">["get"]>;

/** prom-client's exposition hook, which its type declarations leave out: the name, help and type, no values here. */
interface PromStringHook {
  getForPromString(this: Histogram<"route" | "le">): Exposed;
}

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

  /** The registry reads this hook before `get()`; both answer from the stats. */
  async getForPromString(): Exposed {
    const base = await (Histogram.prototype as unknown as PromStringHook).getForPromString.call(this);
    return { ...base, values: this.values() };
  }

  override async get(): Exposed {
    return this.getForPromString();
  }

  private values(): Awaited<Exposed>["values"] {
    const name = "hexlink_http_request_duration_seconds";
    const values: Awaited<Exposed>["values"] = [];
    for (const stats of this.stats.all()) {
      const route = stats.route;
      let cumulative = 0;
      DURATION_BUCKETS.forEach((bound, slot) => {
        cumulative += stats.buckets[slot] ?? 0;
        values.push({ metricName: `${name}_bucket`, labels: { route, le: bound }, value: cumulative });
      });
      values.push({ metricName: `${name}_bucket`, labels: { route, le: "+Inf" }, value: stats.count });
      values.push({ metricName: `${name}_sum`, labels: { route }, value: stats.sum });
      values.push({ metricName: `${name}_count`, labels: { route }, value: stats.count });
    }
    return values;
  }
}
