import type { Cancel, Scheduler } from "../ports/scheduler.js";
import type { LeasedEvent } from "../ports/webhook-outbox.js";
import { type WebhookAttemptParts, WebhookAttempts } from "./webhook-attempts.js";

export type { AttemptOutcome } from "./webhook-attempts.js";

export interface WebhookWorkerParts extends WebhookAttemptParts {
  /** Runs the polls; the worker's only timers. */
  readonly scheduler: Scheduler;
}

export interface WebhookWorkerOptions {
  /** How often the outbox is asked for due events while it has none ready. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** Events leased per poll at most. Default 100. */
  readonly batchSize?: number;
  /** How long a lease lasts: longer than an attempt (the sender's timeout) with a margin. Default 60 s. */
  readonly leaseMs?: number;
  /** The sender's timeout (10 s): with `leaseMs` it bounds how many leased events may wait for an endpoint. */
  readonly attemptTimeoutMs?: number;
  /** Attempts in flight per endpoint at most, so a slow endpoint holds only its own slots. Default 4. */
  readonly perEndpoint?: number;
  /** Attempts in flight in all at most. Default 64. */
  readonly maxInFlight?: number;
  /** An event that finds its endpoint's slots and local queue full waits this long in the outbox. Default 1 s. */
  readonly busyDelayMs?: number;
}

type Settings = Required<WebhookWorkerOptions>;

/** Endpoints whose pace of answers is remembered at most. */
const MAX_PACED_ENDPOINTS = 10_000;

const DEFAULTS: Settings = {
  pollIntervalMs: 1000,
  batchSize: 100,
  leaseMs: 60_000,
  attemptTimeoutMs: 10_000,
  perEndpoint: 4,
  maxInFlight: 64,
  busyDelayMs: 1000,
};

/**
 * Delivers the outbox: leases due events and runs their {@link WebhookAttempts}, concurrently but bounded per
 * endpoint and in all, outside any request. An event whose endpoint's slots are taken waits in this process
 * only as long as its lease safely allows, else back in the outbox: as many as the endpoint's recent pace of
 * answers lets start within the lease (a few timeouts' worth for an endpoint not seen answering yet), and an
 * event is never started once its lease could end during the attempt. While a poll finds a full batch, the next
 * one follows as soon as there is room, not after the interval.
 */
export class WebhookWorker {
  private readonly settings: Settings;
  private readonly attempts: WebhookAttempts;
  /** Attempts running per endpoint. */
  private readonly busy = new Map<string, number>();
  /** Leased events waiting for a slot of their endpoint, with when their lease ends (ms). */
  private readonly waiting = new Map<string, Waiting[]>();
  /** How long an endpoint's recent attempts took (ms): slow ones at once, quick ones as an average. */
  private readonly pace = new Map<string, number>();
  private waitingCount = 0;
  private active = 0;
  /** Attempts and hand-backs under way. */
  private readonly running = new Set<Promise<void>>();
  private cancelPoll: Cancel | null = null;
  private cancelSoon: Cancel | null = null;
  private polling: Promise<number> | null = null;
  /** The last poll leased all it asked for: more may be due. */
  private moreDue = false;
  private stopped = false;

  constructor(
    private readonly parts: WebhookWorkerParts,
    options: WebhookWorkerOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
    this.attempts = new WebhookAttempts(parts);
  }

  /** Polls every interval (and sooner while there is more) until stopped. */
  start(): void {
    if (this.cancelPoll !== null || this.stopped) return;
    this.cancelPoll = this.parts.scheduler.every(this.settings.pollIntervalMs, () => void this.poll());
  }

  /**
   * Leases what is due and starts its attempts (not waiting for them); resolves with how many were leased.
   * A poll already running is joined rather than doubled. Never rejects.
   */
  poll(): Promise<number> {
    this.polling ??= this.leaseAndDispatch().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Polls and waits for the attempts, until nothing is due now (tests, tools). */
  async drain(): Promise<void> {
    for (;;) {
      const leased = await this.poll();
      await Promise.all([...this.running]);
      if (leased === 0 && this.running.size === 0 && this.waitingCount === 0) return;
    }
  }

  /** Attempts in flight. */
  get inFlight(): number {
    return this.active;
  }

  /**
   * Stops polling, hands the events waiting here back to the outbox, and waits for the attempts in flight until
   * `deadline`; what is still out then keeps its lease, which expires, so another instance (or this one,
   * restarted) delivers it.
   */
  async stop(deadline?: Date): Promise<void> {
    this.stopped = true;
    this.cancelPoll?.();
    this.cancelPoll = null;
    this.cancelSoon?.();
    this.cancelSoon = null;
    for (const queue of this.waiting.values())
      for (const { item } of queue) this.track(this.handBack(item, 0));
    this.waiting.clear();
    this.waitingCount = 0;
    const all = Promise.all([...this.running, this.polling]).then(() => undefined);
    if (deadline === undefined) return all;
    const left = deadline.getTime() - this.parts.clock.now().getTime();
    if (left <= 0) return;
    let cancel: Cancel = () => {};
    await Promise.race([
      all,
      new Promise<void>((resolve) => (cancel = this.parts.scheduler.after(left, resolve))),
    ]);
    cancel();
  }

  /** Events held here at most: those running and those waiting. */
  private get maxHeld(): number {
    return this.settings.maxInFlight * 2;
  }

  /**
   * Events that may wait here for one endpoint: its slots' worth of attempts for each of its recent attempt
   * times the lease spans, keeping two timeouts of margin (so a waiting event is attempted before its lease runs
   * out), and half of what this worker holds at most (so one endpoint's backlog leaves room for the others).
   * An endpoint not seen answering counts a timeout per attempt: 16 events with the defaults.
   */
  private queueBound(endpointId: string): number {
    const { leaseMs, attemptTimeoutMs, perEndpoint } = this.settings;
    const attemptMs = Math.max(1, this.pace.get(endpointId) ?? attemptTimeoutMs);
    const spareMs = leaseMs - 2 * attemptTimeoutMs;
    return Math.min(this.maxHeld / 2, perEndpoint * Math.max(0, Math.floor(spareMs / attemptMs)));
  }

  private async leaseAndDispatch(): Promise<number> {
    if (this.stopped) return 0;
    const room = Math.min(this.settings.batchSize, this.maxHeld - this.active - this.waitingCount);
    if (room <= 0) return 0;
    let leased: LeasedEvent[];
    const now = this.parts.clock.now();
    try {
      leased = await this.parts.stores.outbox.lease(now, room, this.settings.leaseMs);
    } catch (error) {
      this.parts.log("warn", "Webhook outbox could not be read", { error: messageOf(error) });
      return 0;
    }
    // The store counted the lease from `now`, before its answer's round trip.
    const leaseEnds = now.getTime() + this.settings.leaseMs;
    for (const item of leased) this.dispatch({ item, leaseEnds });
    this.moreDue = leased.length === room;
    this.pollSoon();
    return leased.length;
  }

  private dispatch(waiting: Waiting): void {
    const endpointId = waiting.item.event.endpointId;
    if (this.canStart(endpointId)) {
      this.startAttempt(waiting.item);
      return;
    }
    const queue = this.waiting.get(endpointId) ?? [];
    if (queue.length >= this.queueBound(endpointId)) {
      this.track(this.handBack(waiting.item, this.settings.busyDelayMs));
      return;
    }
    queue.push(waiting);
    this.waiting.set(endpointId, queue);
    this.waitingCount += 1;
  }

  private canStart(endpointId: string): boolean {
    return (
      (this.busy.get(endpointId) ?? 0) < this.settings.perEndpoint && this.active < this.settings.maxInFlight
    );
  }

  private startAttempt(item: LeasedEvent): void {
    const endpointId = item.event.endpointId;
    const started = this.parts.clock.now().getTime();
    this.busy.set(endpointId, (this.busy.get(endpointId) ?? 0) + 1);
    this.active += 1;
    this.track(
      this.attempts.run(item).finally(() => {
        this.learnPace(endpointId, this.parts.clock.now().getTime() - started);
        const left = (this.busy.get(endpointId) ?? 1) - 1;
        if (left <= 0) this.busy.delete(endpointId);
        else this.busy.set(endpointId, left);
        this.active -= 1;
        this.startWaiting();
        this.pollSoon();
      }),
    );
  }

  private learnPace(endpointId: string, tookMs: number): void {
    const pace = this.pace.get(endpointId);
    // Bounded like the other memos: an endpoint forgotten counts as not seen answering, the cautious bound.
    if (pace === undefined && this.pace.size >= MAX_PACED_ENDPOINTS) this.pace.clear();
    this.pace.set(endpointId, pace === undefined || tookMs > pace ? tookMs : pace * 0.8 + tookMs * 0.2);
  }

  /** Starts waiting events whose endpoint has a free slot, oldest endpoint queue first. */
  private startWaiting(): void {
    for (const [endpointId, queue] of this.waiting) {
      while (queue.length > 0 && this.canStart(endpointId)) {
        const next = queue.shift();
        if (next === undefined) break;
        this.waitingCount -= 1;
        // An attempt that could outlast the lease might be made twice: the event goes back, due now, instead.
        if (next.leaseEnds - this.parts.clock.now().getTime() < 2 * this.settings.attemptTimeoutMs)
          this.track(this.handBack(next.item, 0));
        else this.startAttempt(next.item);
      }
      if (queue.length === 0) this.waiting.delete(endpointId);
    }
  }

  /** Polls again at once while the last poll found a full batch and there is room for more. */
  private pollSoon(): void {
    if (this.stopped || !this.moreDue || this.cancelSoon !== null) return;
    if (this.active + this.waitingCount >= this.maxHeld) return;
    this.cancelSoon = this.parts.scheduler.after(0, () => {
      this.cancelSoon = null;
      void this.poll();
    });
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch((error: unknown) => {
      this.parts.log("warn", "Webhook delivery could not be recorded", { error: messageOf(error) });
    });
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }

  /** An event this process will not attempt soon waits in the outbox instead. */
  private async handBack(item: LeasedEvent, delayMs: number): Promise<void> {
    const at = new Date(this.parts.clock.now().getTime() + delayMs);
    await this.parts.stores.outbox.reschedule(item, at, item.event.attempts);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A leased event held here, and when its lease ends (epoch ms). */
interface Waiting {
  readonly item: LeasedEvent;
  readonly leaseEnds: number;
}
