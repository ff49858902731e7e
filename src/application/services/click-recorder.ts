import { type BucketMap, bucketKey, foldInto, newBucketMap } from "../../domain/click/click.js";
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
  mergeBuckets,
  type RecorderLogger,
  safeLogger,
  unrefTimer,
} from "./recorder-support.js";

export type { ClickRecorderHealth, ClickRecorderOptions } from "./click-recorder-options.js";
export type { RecorderLogger } from "./recorder-support.js";

/** What the recorder needs from outside. */
export interface ClickRecorderPorts extends ClassificationPorts {
  readonly store: ClickStore;
  readonly clock: Clock;
}

/**
 * Classifies redirect hits and folds them into per-link, per-day counters, flushed to the ClickStore every
 * interval (from construction on; the timer never keeps the process alive), past a threshold, and on stop().
 */
export class ClickRecorder implements ClickSink {
  private readonly options: RecorderSettings;
  private readonly classifier: HitClassifier;
  private readonly log: RecorderLogger;
  private pending: BucketMap = newBucketMap();
  /** Buckets of the batch the store has not answered yet (flushes run one at a time). */
  private inFlight = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private flushSoonScheduled = false;
  private queue: Promise<void> = Promise.resolve();
  private flushesRunning = 0;
  private failures = 0;
  private retryAt = 0;
  private droppedClicks = 0;
  private droppedUnreported = 0;
  private lastFlushError: string | null = null;
  private lastFlushAt: Date | null = null;

  constructor(
    private readonly ports: ClickRecorderPorts,
    options: ClickRecorderOptions = {},
  ) {
    this.options = withDefaults(options);
    this.log = safeLogger(options.logger);
    this.classifier = new HitClassifier(ports, this.options.clientMemoSize);
    this.timer = setInterval(() => this.tick(), this.options.flushIntervalMs);
    unrefTimer(this.timer);
  }

  /** Stops the timer and flushes everything, retrying a few times; what still fails is counted as dropped. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 1; ; attempt += 1) {
      await this.flush();
      if (this.pending.size === 0) return;
      if (attempt >= this.options.stopAttempts) break;
      await new Promise((resolve) => setTimeout(resolve, this.retryDelay()));
    }
    let lost = 0;
    for (const bucket of this.pending.values()) lost += bucket.clicks + bucket.botClicks;
    this.pending = newBucketMap();
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
      if (
        this.pending.size >= this.options.maxPendingBuckets &&
        !this.pending.has(bucketKey(hit.linkId, day))
      ) {
        this.drop();
        return;
      }
      foldInto(this.pending, this.classifier.classify(hit, day));
      if (this.pending.size >= this.options.flushThreshold) this.flushSoon();
    } catch {
      this.drop();
    }
  }

  /** Sends every pending count to the store now; on failure they stay pending (never rejects). */
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
      pendingBuckets: this.pending.size + this.inFlight,
      droppedClicks: this.droppedClicks,
      lastFlushError: this.lastFlushError,
      lastFlushAt: this.lastFlushAt,
    };
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
    if (this.flushesRunning > 0 || this.pending.size === 0) return;
    if (this.ports.clock.now().getTime() < this.retryAt) return;
    void this.flush();
  }

  private retryDelay(): number {
    return backoffDelay(this.failures, this.options.retryBaseMs, this.options.retryMaxMs);
  }

  private async flushOnce(): Promise<void> {
    this.classifier.forget();
    if (this.pending.size > 0) {
      const batch = this.pending;
      this.pending = newBucketMap();
      this.inFlight = batch.size;
      try {
        await this.ports.store.add([...batch.values()]);
        this.failures = 0;
        this.retryAt = 0;
        this.lastFlushError = null;
        this.lastFlushAt = this.ports.clock.now();
      } catch (error) {
        mergeBuckets(this.pending, batch);
        this.failures += 1;
        const retryInMs = this.retryDelay();
        this.retryAt = this.ports.clock.now().getTime() + retryInMs;
        this.lastFlushError = error instanceof Error ? error.message : String(error);
        const fields = { error: this.lastFlushError, retryInMs, pendingBuckets: this.pending.size };
        this.log("warn", "Click flush failed; counts kept for a retry", fields);
      } finally {
        this.inFlight = 0;
      }
    }
    if (this.droppedUnreported > 0) {
      const fields = {
        droppedClicks: this.droppedUnreported,
        maxPendingBuckets: this.options.maxPendingBuckets,
      };
      this.log("error", "Clicks dropped: too many pending link-day buckets", fields);
      this.droppedUnreported = 0;
    }
  }
}
