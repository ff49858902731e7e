import type { ClickIncrement } from "../../domain/click/click.js";
import type { HexlinkEventSink } from "../hexlink-events.js";
import type { ClickStore } from "../ports/click-store.js";
import type { RecordedClick } from "../ports/event-publisher.js";
import type { Scheduler } from "../ports/scheduler.js";
import type { Clock } from "../ports/technical.js";
import type { RecorderSettings } from "./click-recorder-options.js";
import type { RecorderLogger } from "./recorder-logger.js";
import { withTimeout } from "./with-timeout.js";

/** Counts taken from the pending buckets for one batch. */
export interface TakenClicks {
  readonly increments: readonly ClickIncrement[];
  /** Visitor ids its increments hold. */
  readonly visitors: number;
  /** Its human clicks one by one, for `clicks.recorded` webhooks (only when someone listens). */
  readonly recorded?: readonly RecordedClick[];
}

/** Taken counts under one id, kept unchanged until the store accepts them or they are given up. */
interface Batch extends TakenClicks {
  readonly id: string;
  /** Attempts that failed so far. */
  failures: number;
}

/** What the sender works with. */
export interface ClickBatchSenderParts {
  readonly store: ClickStore;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly settings: RecorderSettings;
  readonly log: RecorderLogger;
  /** Hears of each batch stored or given up, and of the first failure of a run. */
  readonly events: HexlinkEventSink;
  /** Names each new batch. */
  readonly batchIds: () => string;
  /** Buckets held in all, pending ones included, for the log. */
  readonly bucketsHeld: () => number;
  /** Told of each batch once the store took it. */
  readonly stored?: (batch: TakenClicks) => void;
}

/**
 * Sends batches to the ClickStore, one at a time (the caller runs one send after the other). A batch that fails
 * is retained and sent again as it is, under the same id, before anything newer, so a store that applied it
 * already does not count it again; one that fails `maxBatchAttempts` times is given up, its clicks counted as
 * dropped, so that one increment the store always refuses cannot stop click recording.
 */
export class ClickBatchSender {
  private retained: Batch | null = null;
  /** Failures in a row, whatever the batch: they set the backoff. */
  private failures = 0;
  private retryAt = 0;
  /** No attempt runs past this time (ms since the epoch); set by a stop. */
  private deadline = Number.POSITIVE_INFINITY;
  private givenUpClicks = 0;
  private lastError: string | null = null;
  private lastSentAt: Date | null = null;

  constructor(private readonly parts: ClickBatchSenderParts) {}

  /** Link-day buckets of the retained batch. */
  get buckets(): number {
    return this.retained?.increments.length ?? 0;
  }

  /** Visitor ids of the retained batch. */
  get visitors(): number {
    return this.retained?.visitors ?? 0;
  }

  /** Whether a batch waits for its retry (or is being sent). */
  get holdsBatch(): boolean {
    return this.retained !== null;
  }

  /** Whether the last attempt failed. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Clicks of the batches given up so far. */
  get droppedClicks(): number {
    return this.givenUpClicks;
  }

  /** Why the last attempt failed, or null once one succeeds. */
  get lastFlushError(): string | null {
    return this.lastError;
  }

  /** When counts last reached the store (null: not yet). */
  get lastFlushAt(): Date | null {
    return this.lastSentAt;
  }

  /** Whether the backoff after the last failure is over. */
  retryDue(): boolean {
    return this.now() >= this.retryAt;
  }

  /** The backoff after the failures so far: `retryBaseMs`, doubled per failure, at most `retryMaxMs`. */
  retryDelay(): number {
    const { retryBaseMs, retryMaxMs } = this.parts.settings;
    return Math.min(retryBaseMs * 2 ** Math.max(0, this.failures - 1), retryMaxMs);
  }

  /** From now on no attempt starts, or waits for the store, past `at` (ms since the epoch). */
  limitTo(at: number): void {
    this.deadline = Math.min(this.deadline, at);
  }

  /**
   * Sends the retained batch, if any, and once that went through, what `take` hands over as a new batch. What
   * fails stays retained for a retry.
   */
  async send(take: () => TakenClicks | null): Promise<void> {
    if (this.retained !== null && !(await this.attempt(this.retained))) return;
    const taken = take();
    if (taken === null) return;
    this.retained = { id: this.parts.batchIds(), ...taken, failures: 0 };
    await this.attempt(this.retained);
  }

  /** Lets the retained batch go unsent (at a stop), answering its clicks for the caller to count. */
  abandon(): number {
    const clicks = clicksIn(this.retained?.increments ?? []);
    this.retained = null;
    return clicks;
  }

  /** Sends a batch once; on success it is let go. False when the store failed or no time was left. */
  private async attempt(batch: Batch): Promise<boolean> {
    const timeoutMs = Math.min(this.parts.settings.flushTimeoutMs, this.deadline - this.now());
    if (timeoutMs <= 0) return false;
    try {
      const message = `The click store did not answer within ${timeoutMs} ms`;
      const adding = this.parts.store.add(batch.increments, batch.id);
      await withTimeout(this.parts.scheduler, adding, timeoutMs, message);
      if (this.retained === batch) this.retained = null;
      this.failures = 0;
      this.retryAt = 0;
      this.lastError = null;
      this.lastSentAt = this.parts.clock.now();
      this.parts.events.emit("clicks:flushed", { batchId: batch.id, clicks: clicksIn(batch.increments) });
      this.parts.stored?.(batch);
      return true;
    } catch (error) {
      // Abandoned by a stop while it was out: its clicks are counted already.
      if (this.retained !== batch) return false;
      this.failed(batch, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private failed(batch: Batch, error: string): void {
    // Once per run of failures, as the log's retries would flood a listener.
    if (this.failures === 0) this.parts.events.emit("error", { error: new Error(error), source: "clicks" });
    this.failures += 1;
    const retryInMs = this.retryDelay();
    this.retryAt = this.now() + retryInMs;
    this.lastError = error;
    batch.failures += 1;
    if (batch.failures >= this.parts.settings.maxBatchAttempts) {
      this.giveUp(batch, error);
      return;
    }
    const fields = { error, retryInMs, batchId: batch.id, pendingBuckets: this.parts.bucketsHeld() };
    this.parts.log("warn", "Click flush failed; counts kept for a retry", fields);
  }

  /** Lets a batch the store kept refusing go, its clicks counted as dropped: newer clicks go on. */
  private giveUp(batch: Batch, error: string): void {
    this.retained = null;
    const lost = clicksIn(batch.increments);
    this.givenUpClicks += lost;
    this.parts.events.emit("clicks:dropped", {
      clicks: lost,
      reason: "store_refused",
      batchId: batch.id,
      error,
    });
    this.parts.log("error", "Click batch dropped: the click store refused it too many times", {
      error,
      batchId: batch.id,
      attempts: batch.failures,
      lostClicks: lost,
    });
  }

  private now(): number {
    return this.parts.clock.now().getTime();
  }
}

/** Clicks, human and bot, in some increments. */
export function clicksIn(increments: Iterable<ClickIncrement>): number {
  let clicks = 0;
  for (const increment of increments) clicks += increment.clicks + increment.botClicks;
  return clicks;
}
