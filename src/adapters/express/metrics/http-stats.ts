/** Upper bounds, in seconds, of the request duration histogram's buckets. */
export const DURATION_BUCKETS: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/** Answers and durations of one route template, in plain numbers: recording costs no label hashing. */
export class RouteStats {
  /** Answers by status code. */
  readonly statuses = new Map<number, number>();
  /** Observations per bucket, not cumulative; the last slot is past the highest bound. */
  readonly buckets = new Float64Array(DURATION_BUCKETS.length + 1);
  sum = 0;
  count = 0;

  constructor(readonly route: string) {}

  record(status: number, seconds: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    let slot = 0;
    while (slot < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[slot] ?? 0)) slot += 1;
    this.buckets[slot] = (this.buckets[slot] ?? 0) + 1;
    this.sum += seconds;
    this.count += 1;
  }
}

/** Every route's stats, by route template (never a raw path: the label set stays bounded). */
export class HttpStats {
  private readonly routes = new Map<string, RouteStats>();

  /** The stats of a route template, made on first use. */
  of(route: string): RouteStats {
    let stats = this.routes.get(route);
    if (stats === undefined) {
      stats = new RouteStats(route);
      this.routes.set(route, stats);
    }
    return stats;
  }

  all(): IterableIterator<RouteStats> {
    return this.routes.values();
  }
}
