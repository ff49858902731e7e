import {
  type ClickProfile,
  DEFAULT_TARGET,
  foldIntoBucket,
  MAX_VISITORS_PER_BUCKET,
} from "../../domain/click/click.js";
import type { Day } from "../../domain/time/day.js";
import type { HexlinkEventSink } from "../hexlink-events.js";
import type { ClickSink, RedirectHit } from "../ports/click-sink.js";
import type { ClickStore } from "../ports/click-store.js";
import type { ClickInterest, EventPublisher, RecordedClick } from "../ports/event-publisher.js";
import type { Cancel, Scheduler } from "../ports/scheduler.js";
import type { Clock, IdGenerator } from "../ports/technical.js";
import { ClickBatchSender, type TakenClicks } from "./click-batch-sender.js";
import {
  type ClickRecorderHealth,
  type ClickRecorderOptions,
  type RecorderSettings,
  withDefaults,
} from "./click-recorder-options.js";
import { type ClassificationPorts, HitClassifier } from "./hit-classifier.js";
import { type PendingBucket, PendingClicks } from "./pending-clicks.js";
import { quietEventSink } from "./quiet-event-sink.js";
import { RecordedClicks } from "./recorded-clicks.js";
import { type RecorderLogger, safeLogger } from "./recorder-logger.js";
import { sequentialBatchIds } from "./sequential-batch-ids.js";
import { settlesWithin, sleep } from "./with-timeout.js";

export type { ClickRecorderHealth, ClickRecorderOptions } from "./click-recorder-options.js";
export type { RecorderLogger } from "./recorder-logger.js";

/** What the recorder needs from outside. */
export interface ClickRecorderPorts extends ClassificationPorts {
  readonly store: ClickStore;
  readonly clock: Clock;
  /** Runs the flush interval, retries and timeouts. */
  readonly scheduler: Scheduler;
  /** Names this recorder's batches (a random prefix), unless `batchIds` is given. */
  readonly ids: IdGenerator;
  /** Hears the human clicks of each batch the store took, one by one (`clicks.recorded` webhooks). */
  readonly clickEvents?: EventPublisher;
  /** Which accounts' clicks {@link clickEvents} wants; every account's when absent. */
  readonly clickInterest?: ClickInterest;
}

/** Clicks held one by one for {@link ClickRecorderPorts.clickEvents} at most; past it they are not announced. */
export const MAX_PENDING_RECORDED_CLICKS = 100_000;

/**
 * Classifies redirect hits and folds them into per-link, per-day counters, flushed to the ClickStore every
 * interval (from construction on; the scheduler never keeps the process alive), past a threshold, and on stop().
 * A flush sends the pending buckets as one batch with a new id through a {@link ClickBatchSender}, which retries
 * a failed batch unchanged before anything newer and gives up one the store keeps refusing.
 */
export class ClickRecorder implements ClickSink {
  private readonly options: RecorderSettings;
  private readonly classifier: HitClassifier;
  private readonly log: RecorderLogger;
  private readonly events: HexlinkEventSink;
  private readonly batches: ClickBatchSender;
  private readonly pending = new PendingClicks();
  /** Visitor ids the pending buckets hold. */
  private pendingVisitors = 0;
  /** The pending human clicks one by one, when {@link ClickRecorderPorts.clickEvents} listens. */
  private readonly pendingRecorded = new RecordedClicks();
  private readonly cancelInterval: Cancel;
  private flushSoonScheduled = false;
  /** Flushes run one after the other, in this chain. */
  private queue: Promise<void> = Promise.resolve();
  private flushesRunning = 0;
  private stopping: Promise<void> | null = null;
  private droppedClicks = 0;
  private droppedUnreported = 0;
  private uncountedVisitors = 0;
  private uncountedUnreported = 0;

  constructor(
    private readonly ports: ClickRecorderPorts,
    options: ClickRecorderOptions = {},
  ) {
    this.options = withDefaults(options);
    this.log = safeLogger(options.logger);
    this.events = quietEventSink(options.events);
    this.classifier = new HitClassifier(ports, this.options.clientMemoSize);
    this.batches = new ClickBatchSender({
      store: ports.store,
      clock: ports.clock,
      scheduler: ports.scheduler,
      settings: this.options,
      log: this.log,
      events: this.events,
      batchIds: options.batchIds ?? sequentialBatchIds(ports.ids.id("")),
      bucketsHeld: () => this.bucketsHeld(),
      stored: (batch) => this.announce(batch.recorded),
    });
    this.cancelInterval = ports.scheduler.every(this.options.flushIntervalMs, () => this.tick());
  }

  /**
   * Stops the interval and delivers what is left, the retained batch first, before `deadline` (default:
   * `stopTimeoutMs` from now): up to `stopAttempts` flushes, none waiting for the store or a backoff past the
   * deadline. What the store has not confirmed by then is counted as dropped and logged with its exact number
   * of clicks. Never rejects; later calls answer the first one's promise.
   */
  stop(deadline?: Date): Promise<void> {
    this.stopping ??= this.stopBy(deadline?.getTime() ?? this.now() + this.options.stopTimeoutMs);
    return this.stopping;
  }

  /** Counts one redirect; O(1), never throws, never waits. */
  record(hit: RedirectHit): void {
    try {
      const day = this.classifier.dayOf(hit.at);
      // Classified first: a classification that throws leaves no empty bucket behind.
      const profile = this.classifier.profile(hit, day);
      let bucket = this.pending.find(hit.linkId, day);
      if (bucket === undefined) {
        if (this.bucketsHeld() >= this.options.maxPendingBuckets) {
          this.drop();
          return;
        }
        bucket = this.pending.add(hit.linkId, day, hit.owner);
      }
      if (profile.bot) bucket.increment.botClicks += 1;
      else this.countHuman(bucket, profile, hit, day);
      if (this.pending.size >= this.options.flushThreshold) this.flushSoon();
    } catch {
      this.drop();
    }
  }

  private countHuman(bucket: PendingBucket, profile: ClickProfile, hit: RedirectHit, day: Day): void {
    const room = this.visitorsHeld() < this.options.maxPendingVisitors;
    const increment = bucket.increment;
    const deferrable =
      bucket.profiles.has(profile) || (room && bucket.profiles.size < MAX_VISITORS_PER_BUCKET);
    if (hit.target === DEFAULT_TARGET && deferrable) {
      // The common click: counted under its client's profile (its visitor id kept at once), folded when taken.
      this.pendingVisitors += this.pending.countLater(bucket, profile);
    } else {
      // A rule's or a variant's click, or a new client past the bound of visitor ids or of profiles (a client
      // changing user agents behind one address makes a profile per click): folded now.
      if (!room && !increment.visitors.has(profile.visitor)) {
        this.uncountedVisitors += 1;
        this.uncountedUnreported += 1;
      }
      const before = increment.visitors.size;
      foldIntoBucket(increment, { ...profile, linkId: hit.linkId, day, target: hit.target }, 1, room);
      this.pendingVisitors += increment.visitors.size - before;
    }
    if (this.ports.clickEvents !== undefined && hit.owner !== undefined) {
      const accountId = hit.owner.accountId;
      // Most accounts have no such webhook: their clicks are not kept one by one (memory and GC).
      if (this.ports.clickInterest?.wanted(accountId, hit.at) !== false)
        this.keepRecorded(accountId, hit, profile);
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
      droppedClicks: this.droppedClicks + this.batches.droppedClicks,
      uncountedVisitors: this.uncountedVisitors,
      lastFlushError: this.batches.lastFlushError,
      lastFlushAt: this.batches.lastFlushAt,
    };
  }

  private async stopBy(deadline: number): Promise<void> {
    this.cancelInterval();
    this.batches.limitTo(deadline);
    for (let attempt = 1; ; attempt += 1) {
      // A flush still waiting for the store is waited for, but only until the deadline.
      const settled = await settlesWithin(this.ports.scheduler, this.flush(), deadline - this.now());
      if (!this.hasWork()) return;
      const wait = this.batches.retryDelay();
      if (!settled || attempt >= this.options.stopAttempts || this.now() + wait >= deadline) break;
      await sleep(this.ports.scheduler, wait);
    }
    const lost = this.batches.abandon() + this.pending.clicks();
    this.pending.clear();
    this.pendingVisitors = 0;
    this.droppedClicks += lost;
    const error = this.batches.lastFlushError ?? "";
    this.events.emit("clicks:dropped", { clicks: lost, reason: "shutdown", error });
    this.log("error", "Clicks lost at shutdown: the click store did not confirm them in time", {
      lostClicks: lost,
      error,
    });
  }

  private bucketsHeld(): number {
    return this.pending.size + this.batches.buckets;
  }

  private visitorsHeld(): number {
    return this.pendingVisitors + this.batches.visitors;
  }

  private hasWork(): boolean {
    return this.batches.holdsBatch || this.pending.size > 0;
  }

  private drop(): void {
    this.droppedClicks += 1;
    this.droppedUnreported += 1;
  }

  private flushSoon(): void {
    // While the store fails, the interval paces the retries.
    if (this.flushSoonScheduled || this.batches.failing) return;
    this.flushSoonScheduled = true;
    this.ports.scheduler.after(0, () => {
      this.flushSoonScheduled = false;
      this.tick();
    });
  }

  private tick(): void {
    if (this.flushesRunning > 0 || !this.hasWork() || !this.batches.retryDue()) return;
    void this.flush();
  }

  private async flushOnce(): Promise<void> {
    this.classifier.forget();
    await this.batches.send(() => this.takePending());
    this.reportDrops();
  }

  /** Hands the pending buckets, if any, over as a new batch. */
  private takePending(): TakenClicks | null {
    if (this.pending.size === 0) return null;
    const increments = this.pending.take();
    const taken = {
      increments,
      visitors: this.pendingVisitors,
      recorded: this.pendingRecorded.take(),
    };
    this.pendingVisitors = 0;
    return taken;
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
    this.events.emit("clicks:dropped", { clicks: this.droppedUnreported, reason: "pending_full" });
    this.droppedUnreported = 0;
  }

  private keepRecorded(accountId: string, hit: RedirectHit, profile: ClickProfile): void {
    if (this.pendingRecorded.length >= MAX_PENDING_RECORDED_CLICKS) return;
    this.pendingRecorded.push(accountId, hit.linkId, hit.at, profile, hit.target);
  }

  /** Announces the clicks of a stored batch; the publisher never throws, and nothing here waits for it. */
  private announce(recorded: readonly RecordedClick[] | undefined): void {
    if (recorded === undefined || recorded.length === 0) return;
    void this.ports.clickEvents?.publish({
      type: "clicks.recorded",
      at: this.ports.clock.now(),
      clicks: recorded,
    });
  }

  private now(): number {
    return this.ports.clock.now().getTime();
  }
}
