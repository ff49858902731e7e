import {
  type BucketMap,
  bucketKey,
  type ClickIncrement,
  foldInto,
  newBucketMap,
} from "../../domain/click/click.js";
import type { ClickSink, RedirectHit } from "../ports/click-sink.js";
import type { ClickStore } from "../ports/click-store.js";
import type { Clock } from "../ports/technical.js";
import {
  type ClickRecorderHealth,
  type ClickRecorderOptions,
  type RecorderSettings,
  withDefaults,
} from "./click-recorder-options.js";
import { type ClassificationPorts, HitClassifier } from "./hit-classifier.js";
import {
  backoffDelay,
  fallbackBatchPrefix,
  type RecorderLogger,
  safeLogger,
  sequentialBatchIds,
  unrefTimer,
  withTimeout,
} from "./recorder-support.js";

export type { ClickRecorderHealth, ClickRecorderOptions } from "./click-recorder-options.js";
export type { RecorderLogger } from "./recorder-support.js";

/** Pending buckets taken for the store under one id, kept unchanged until the store accepts them or it is given up. */
interface Batch {
  readonly id: string;
  readonly increments: readonly ClickIncrement[];
  /** Visitor ids its increments hold. */
  readonly visitors: number;
  /** Attempts that failed so far. */
  failures: number;
}

/** What the recorder needs from outside. */
export interface ClickRecorderPorts extends ClassificationPorts {
  readonly store: ClickStore;
  readonly clock: Clock;
}

/**
 * Classifies redirect hits and folds them into per-link, per-day counters, flushed to the ClickStore every
 * interval (from construction on; the timer never keeps the process alive), past a threshold, and on stop().
 * A flush sends the pending buckets as one batch with a new id; a batch that fails is retried as it is, under
 * the same id, before anything newer, so a store that applied it already does not count it again. A batch that
 * fails `maxBatchAttempts` times is dropped (its clicks counted in `droppedClicks`), so that one increment the
 * store always refuses cannot stop click recording.
 */
export class ClickRecorder implements ClickSink {
  private readonly options: RecorderSettings;
  private readonly classifier: HitClassifier;
  private readonly log: RecorderLogger;
  private readonly batchIds: () => string;
  private pending: BucketMap = newBucketMap();
  /** Visitor ids the pending buckets hold. */
  private pendingVisitors = 0;
  /** The batch being sent, or waiting for its retry (flushes run one at a time). */
  private retained: Batch | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private flushSoonScheduled = false;
  private queue: Promise<void> = Promise.resolve();
  private flushesRunning = 0;
  private failures = 0;
  private retryAt = 0;
  private droppedClicks = 0;
  private droppedUnreported = 0;
  private uncountedVisitors = 0;
  private uncountedUnreported = 0;
  private lastFlushError: string | null = null;
  private lastFlushAt: Date | null = null;

  constructor(
    private readonly ports: ClickRecorderPorts,
    options: ClickRecorderOptions = {},
  ) {
    this.options = withDefaults(options);
    this.log = safeLogger(options.logger);
    this.classifier = new HitClassifier(ports, this.options.clientMemoSize);
    this.batchIds = options.batchIds ?? sequentialBatchIds(fallbackBatchPrefix(ports.clock.now()));
    this.timer = setInterval(() => this.tick(), this.options.flushIntervalMs);
    unrefTimer(this.timer);
  }

  /**
   * Stops the timer and flushes everything (the retained batch first), retrying a few times; what still fails
   * is counted as dropped.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 1; ; attempt += 1) {
      await this.flush();
      if (!this.hasWork()) return;
      if (attempt >= this.options.stopAttempts) break;
      await new Promise((resolve) => setTimeout(resolve, this.retryDelay()));
    }
    const lost = clicksIn(this.retained?.increments ?? []) + clicksIn(this.pending.values());
    this.retained = null;
    this.pending = newBucketMap();
    this.pendingVisitors = 0;
    this.droppedClicks += lost;
    this.log("error", "Clicks lost at shutdown: the click store kept failing", {
      lostClicks: lost,
      error: this.lastFlushError ?? "",
    });
  }

  /** Counts one redirect; O(1), never throws, never waits. */
  record(hit: RedirectHit): void {
    try {
      const day = this.classifier.dayOf(hit.at);
      const key = bucketKey(hit.linkId, day);
      let bucket = this.pending.get(key);
      if (bucket === undefined && this.bucketsHeld() >= this.options.maxPendingBuckets) {
        this.drop();
        return;
      }
      const click = this.classifier.classify(hit, day);
      const before = bucket?.visitors.size ?? 0;
      const room = this.visitorsHeld() < this.options.maxPendingVisitors;
      if (!room && !click.bot && bucket?.visitors.has(click.visitor) !== true) {
        this.uncountedVisitors += 1;
        this.uncountedUnreported += 1;
      }
      foldInto(this.pending, click, 1, room);
      bucket ??= this.pending.get(key);
      this.pendingVisitors += (bucket?.visitors.size ?? 0) - before;
      if (this.pending.size >= this.options.flushThreshold) this.flushSoon();
    } catch {
      this.drop();
    }
  }

  /**
   * Sends the retained batch, if any, then every pending count as a new batch, now; what fails stays
   * retained for a retry (never rejects).
   */
  flush(): Promise<void> {
    this.flushesRunning += 1;
    const run = this.queue
      .then(() => this.flushOnce())
      .finally(() => {
        this.flushesRunning -= 1;
      });
    this.queue = run;
    return run;
  }

  /** Pending work, losses and the last flush, for /readyz. */
  health(): ClickRecorderHealth {
    return {
      pendingBuckets: this.bucketsHeld(),
      droppedClicks: this.droppedClicks,
      uncountedVisitors: this.uncountedVisitors,
      lastFlushError: this.lastFlushError,
      lastFlushAt: this.lastFlushAt,
    };
  }

  private bucketsHeld(): number {
    return this.pending.size + (this.retained?.increments.length ?? 0);
  }

  private visitorsHeld(): number {
    return this.pendingVisitors + (this.retained?.visitors ?? 0);
  }

  private hasWork(): boolean {
    return this.retained !== null || this.pending.size > 0;
  }

  private drop(): void {
    this.droppedClicks += 1;
    this.droppedUnreported += 1;
  }

  private flushSoon(): void {
    // While the store fails, the interval timer paces the retries.
    if (this.flushSoonScheduled || this.failures > 0) return;
    this.flushSoonScheduled = true;
    unrefTimer(
      setTimeout(() => {
        this.flushSoonScheduled = false;
        this.tick();
      }, 0),
    );
  }

  private tick(): void {
    if (this.flushesRunning > 0 || !this.hasWork()) return;
    if (this.ports.clock.now().getTime() < this.retryAt) return;
    void this.flush();
  }

  private retryDelay(): number {
    return backoffDelay(this.failures, this.options.retryBaseMs, this.options.retryMaxMs);
  }

  private async flushOnce(): Promise<void> {
    this.classifier.forget();
    // A batch that failed goes again unchanged, before anything newer is taken from the pending buckets.
    if (this.retained === null || (await this.send(this.retained))) {
      this.takeBatch();
      if (this.retained !== null) await this.send(this.retained);
    }
    this.reportDrops();
  }

  /** Makes the pending buckets, if any, the retained batch under a new id. */
  private takeBatch(): void {
    if (this.pending.size === 0) return;
    const increments = [...this.pending.values()];
    this.retained = { id: this.batchIds(), increments, visitors: this.pendingVisitors, failures: 0 };
    this.pending = newBucketMap();
    this.pendingVisitors = 0;
  }

  /** Sends the retained batch; on success it is let go, on failure kept as it is. False when the store failed. */
  private async send(batch: Batch): Promise<boolean> {
    try {
      const timeoutMs = this.options.flushTimeoutMs;
      const message = `The click store did not answer within ${timeoutMs} ms`;
      await withTimeout(this.ports.store.add(batch.increments, batch.id), timeoutMs, message);
      this.retained = null;
      this.failures = 0;
      this.retryAt = 0;
      this.lastFlushError = null;
      this.lastFlushAt = this.ports.clock.now();
      return true;
    } catch (error) {
      this.failures += 1;
      const retryInMs = this.retryDelay();
      this.retryAt = this.ports.clock.now().getTime() + retryInMs;
      this.lastFlushError = error instanceof Error ? error.message : String(error);
      batch.failures += 1;
      if (batch.failures >= this.options.maxBatchAttempts) {
        this.giveUp(batch, this.lastFlushError);
        return false;
      }
      const fields = {
        error: this.lastFlushError,
        retryInMs,
        batchId: batch.id,
        pendingBuckets: this.bucketsHeld(),
      };
      this.log("warn", "Click flush failed; counts kept for a retry", fields);
      return false;
    }
  }

  /** Lets a batch the store kept refusing go, its clicks counted as dropped: newer clicks go on. */
  private giveUp(batch: Batch, error: string): void {
    if (this.retained === batch) this.retained = null;
    const lost = clicksIn(batch.increments);
    this.droppedClicks += lost;
    this.log("error", "Click batch dropped: the click store refused it too many times", {
      error,
      batchId: batch.id,
      attempts: batch.failures,
      lostClicks: lost,
    });
  }

  private reportDrops(): void {
    if (this.uncountedUnreported > 0) {
      const fields = {
        uncountedVisitors: this.uncountedUnreported,
        maxPendingVisitors: this.options.maxPendingVisitors,
      };
      this.log(
        "warn",
        "Visitors not counted: too many pending visitor ids (unique clicks undercount)",
        fields,
      );
      this.uncountedUnreported = 0;
    }
    if (this.droppedUnreported === 0) return;
    const fields = {
      droppedClicks: this.droppedUnreported,
      maxPendingBuckets: this.options.maxPendingBuckets,
    };
    this.log("error", "Clicks dropped: too many pending link-day buckets", fields);
    this.droppedUnreported = 0;
  }
}

function clicksIn(increments: Iterable<ClickIncrement>): number {
  let clicks = 0;
  for (const increment of increments) clicks += increment.clicks + increment.botClicks;
  return clicks;
}
