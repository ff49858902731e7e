import type { BucketMap } from "../../domain/click/click.js";

/** Where the recorder reports failed flushes and dropped clicks (adapt it to pino or console). */
export type RecorderLogger = (
  level: "warn" | "error",
  message: string,
  fields: Readonly<Record<string, string | number>>,
) => void;

/** The logger, or nothing, made unable to throw: a failing logger must not fail a flush. */
export function safeLogger(logger: RecorderLogger | undefined): RecorderLogger {
  return (level, message, fields) => {
    try {
      logger?.(level, message, fields);
    } catch {
      // Nowhere left to report it.
    }
  };
}

type Bucket = BucketMap extends Map<string, infer B> ? B : never;

/** Exponential backoff: `base` after the first failure, doubled each time, never above `max`. */
export function backoffDelay(failures: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.max(0, failures - 1), max);
}

function addInto(into: Bucket, from: Bucket): void {
  into.clicks += from.clicks;
  into.botClicks += from.botClicks;
  for (const [dimension, values] of from.dimensions) {
    const counts = into.dimensions.get(dimension) ?? new Map<string, number>();
    for (const [value, count] of values) counts.set(value, (counts.get(value) ?? 0) + count);
    into.dimensions.set(dimension, counts);
  }
  for (const visitor of from.visitors) into.visitors.add(visitor);
}

/** Puts a batch that failed back among the pending buckets, adding to what came in meanwhile. */
export function mergeBuckets(pending: BucketMap, failed: BucketMap): void {
  for (const [key, bucket] of failed) {
    const newer = pending.get(key);
    if (newer !== undefined) addInto(bucket, newer);
    pending.set(key, bucket);
  }
}

/** Lets the process exit while a timer is pending (Node); elsewhere timers have no such handle. */
export function unrefTimer(timer: unknown): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function") {
    timer.unref();
  }
}
