import type { HexlinkEventSink } from "../hexlink-events.js";
import type { RecorderLogger } from "./recorder-logger.js";

/** Tuning of {@link ClickRecorder}; every field has a default. */
export interface ClickRecorderOptions {
  /** Time between flushes (1000 ms). */
  readonly flushIntervalMs?: number;
  /** Pending link-day buckets that trigger a flush before the interval ends (1000). */
  readonly flushThreshold?: number;
  /** Pending buckets at most; clicks that would open another are dropped and counted (100 000). */
  readonly maxPendingBuckets?: number;
  /** First retry delay after a failed flush (500 ms), doubled per failure up to {@link retryMaxMs}. */
  readonly retryBaseMs?: number;
  /** Longest retry delay (30 000 ms). */
  readonly retryMaxMs?: number;
  /**
   * Visitor ids held at most across the pending buckets and the retained batch (1 000 000): past it, new
   * visitors are no longer added (unique clicks undercount, counted in `uncountedVisitors`); totals stay exact.
   */
  readonly maxPendingVisitors?: number;
  /**
   * Attempts of one batch at most (8): a batch the store keeps refusing (a MongoDB day document past 16 MB,
   * say) is then dropped, its clicks counted in `droppedClicks`, so that newer clicks are recorded again.
   */
  readonly maxBatchAttempts?: number;
  /**
   * How long one attempt to add a batch may take (10 000 ms); past it the attempt counts as failed and the batch
   * is retried under the same id (the store applies it once even if the late attempt lands after all).
   */
  readonly flushTimeoutMs?: number;
  /** Flush attempts `stop()` makes before it counts what is left as dropped (3). */
  readonly stopAttempts?: number;
  /**
   * How long `stop()` may take when it is given no deadline (5000 ms): its flushes, their backoff and a flush
   * already waiting for the store all end by then.
   */
  readonly stopTimeoutMs?: number;
  /**
   * Clients (by IP, with their last user agent and referrer) whose classified profile is remembered until the
   * next flush, and referrer names likewise (50 000 each).
   */
  readonly clientMemoSize?: number;
  /**
   * Names each new batch; ids must never repeat among the recorders sharing a store (default: a counter after
   * a random prefix from the `ids` port).
   */
  readonly batchIds?: () => string;
  readonly logger?: RecorderLogger;
  /** Where `clicks:flushed`, `clicks:dropped` and flush `error` events go (createHexlink passes its emitter). */
  readonly events?: HexlinkEventSink;
}

/** What /readyz shows of click recording. */
export interface ClickRecorderHealth {
  /** Link-day buckets waiting for the store, the batch being sent or retried included. */
  readonly pendingBuckets: number;
  /** Clicks lost since start: past the bucket bound, unreadable, in a batch given up, or unconfirmed at stop(). */
  readonly droppedClicks: number;
  /** Human clicks since start whose visitor id was not kept, past `maxPendingVisitors`: uniques undercount. */
  readonly uncountedVisitors: number;
  /** Why the last flush failed, or null once a flush succeeds. */
  readonly lastFlushError: string | null;
  /** When counts last reached the store (null: not yet). */
  readonly lastFlushAt: Date | null;
}

/** The options with every default filled in. */
export type RecorderSettings = Required<Omit<ClickRecorderOptions, "logger" | "batchIds" | "events">>;

/** Fills in the defaults of {@link ClickRecorderOptions}. */
export function withDefaults(options: ClickRecorderOptions): RecorderSettings {
  return {
    flushIntervalMs: options.flushIntervalMs ?? 1000,
    flushThreshold: options.flushThreshold ?? 1000,
    maxPendingBuckets: options.maxPendingBuckets ?? 100_000,
    retryBaseMs: options.retryBaseMs ?? 500,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    maxPendingVisitors: options.maxPendingVisitors ?? 1_000_000,
    maxBatchAttempts: options.maxBatchAttempts ?? 8,
    flushTimeoutMs: options.flushTimeoutMs ?? 10_000,
    stopAttempts: options.stopAttempts ?? 3,
    stopTimeoutMs: options.stopTimeoutMs ?? 5000,
    clientMemoSize: options.clientMemoSize ?? 50_000,
  };
}
