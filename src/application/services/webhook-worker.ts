import { failingTooLong, retryDelayAfter, type WebhookEndpoint } from "../../domain/webhook/webhook.js";
import type { HexlinkEventSink } from "../hexlink-events.js";
import type { Cancel, Scheduler } from "../ports/scheduler.js";
import type { Clock } from "../ports/technical.js";
import type { DeliveryRecord } from "../ports/webhook-delivery-log.js";
import type { LeasedEvent } from "../ports/webhook-outbox.js";
import type { WebhookSender, WebhookSigner } from "../ports/webhook-sender.js";
import type { WebhookStores } from "../ports/webhook-stores.js";
import type { RecorderLogger } from "./recorder-logger.js";

/** How one attempt ended, for metrics: delivered, to be retried, or given up. */
export type AttemptOutcome = "delivered" | "retrying" | "failed";

export interface WebhookWorkerParts {
  readonly stores: WebhookStores;
  readonly sender: WebhookSender;
  readonly signer: WebhookSigner;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly events: HexlinkEventSink;
  readonly log: RecorderLogger;
  /** Told of every attempt's outcome (the `hexlink_webhook_deliveries_total{status}` metric). */
  readonly onAttempt?: (outcome: AttemptOutcome) => void;
}

export interface WebhookWorkerOptions {
  /** How often the outbox is asked for due events. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** Events leased per poll at most. Default 100. */
  readonly batchSize?: number;
  /** How long a lease lasts: longer than an attempt (the sender's timeout) with a margin. Default 60 s. */
  readonly leaseMs?: number;
  /** Attempts in flight per endpoint at most, so a slow endpoint holds only its own slots. Default 4. */
  readonly perEndpoint?: number;
  /** Attempts in flight in all at most. Default 64. */
  readonly maxInFlight?: number;
  /** When an endpoint's slots are full, its further events wait this long in the outbox. Default 1 s. */
  readonly busyDelayMs?: number;
}

type Settings = Required<WebhookWorkerOptions>;

const DEFAULTS: Settings = {
  pollIntervalMs: 1000,
  batchSize: 100,
  leaseMs: 60_000,
  perEndpoint: 4,
  maxInFlight: 64,
  busyDelayMs: 1000,
};

/**
 * Delivers the outbox: leases due events, posts each signed (Standard Webhooks) to its endpoint, acknowledges
 * a 2xx, reschedules anything else on the retry schedule (same message id every time), marks a message failed
 * after the last attempt, and disables an endpoint that has failed for 5 days. Attempts run concurrently, bounded
 * per endpoint and in all, outside any request; time comes from the Clock and timers from the Scheduler.
 */
export class WebhookWorker {
  private readonly settings: Settings;
  private readonly busy = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private cancelPoll: Cancel | null = null;
  private polling: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly parts: WebhookWorkerParts,
    options: WebhookWorkerOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
  }

  /** Polls every interval until stopped. */
  start(): void {
    if (this.cancelPoll !== null || this.stopped) return;
    this.cancelPoll = this.parts.scheduler.every(this.settings.pollIntervalMs, () => void this.poll());
  }

  /**
   * Leases what is due and starts its attempts (not waiting for them); resolves with how many were leased.
   * A poll already running is joined rather than doubled. Never rejects.
   */
  poll(): Promise<number> {
    this.polling ??= this.leaseAndStart().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Polls and waits for the attempts, until nothing is due now (tests, tools). */
  async drain(): Promise<void> {
    for (;;) {
      const leased = await this.poll();
      await Promise.all([...this.running]);
      if (leased === 0 && this.running.size === 0) return;
    }
  }

  /** Attempts in flight. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Stops polling and waits for the attempts in flight until `deadline`; what is still out then keeps its lease,
   * which expires, so another instance (or this one, restarted) delivers it.
   */
  async stop(deadline?: Date): Promise<void> {
    this.stopped = true;
    this.cancelPoll?.();
    this.cancelPoll = null;
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

  private async leaseAndStart(): Promise<number> {
    if (this.stopped) return 0;
    const room = Math.min(this.settings.batchSize, this.settings.maxInFlight - this.running.size);
    if (room <= 0) return 0;
    let leased: LeasedEvent[];
    try {
      leased = await this.parts.stores.outbox.lease(this.parts.clock.now(), room, this.settings.leaseMs);
    } catch (error) {
      this.parts.log("warn", "Webhook outbox could not be read", { error: messageOf(error) });
      return 0;
    }
    for (const item of leased) {
      const endpointId = item.event.endpointId;
      const busy = this.busy.get(endpointId) ?? 0;
      if (busy >= this.settings.perEndpoint) {
        this.track(this.handBack(item));
        continue;
      }
      this.busy.set(endpointId, busy + 1);
      this.track(
        this.attempt(item).finally(() => {
          const left = (this.busy.get(endpointId) ?? 1) - 1;
          if (left <= 0) this.busy.delete(endpointId);
          else this.busy.set(endpointId, left);
        }),
      );
    }
    return leased.length;
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch((error: unknown) => {
      this.parts.log("warn", "Webhook delivery could not be recorded", { error: messageOf(error) });
    });
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }

  /** An event of an endpoint whose slots are full waits in the outbox instead of in this process. */
  private async handBack(item: LeasedEvent): Promise<void> {
    const at = new Date(this.parts.clock.now().getTime() + this.settings.busyDelayMs);
    await this.parts.stores.outbox.reschedule(item, at, item.event.attempts);
  }

  private async attempt(item: LeasedEvent): Promise<void> {
    const { stores } = this.parts;
    const endpoint = await stores.endpoints.get(item.event.endpointId);
    if (endpoint === null) {
      // Deleted with its log: nothing to tell anyone.
      await stores.outbox.acknowledge(item);
      return;
    }
    if (endpoint.status === "disabled") {
      await this.giveUp(item, item.event.attempts, null);
      return;
    }
    const now = this.parts.clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    const { event } = item;
    const response = await this.parts.sender.send({
      url: endpoint.url,
      body: event.body,
      headers: {
        "content-type": "application/json",
        "webhook-id": event.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": this.parts.signer.signature(endpoint.secret, event.id, timestamp, event.body),
      },
    });
    const attempts = event.attempts + 1;
    const status = response.kind === "answered" ? response.status : null;
    if (status !== null && status >= 200 && status < 300) {
      if (!(await stores.outbox.acknowledge(item))) return;
      this.parts.onAttempt?.("delivered");
      await this.logDelivery(item, {
        status: "delivered",
        attempts,
        responseStatus: status,
        nextAttemptAt: null,
      });
      if (endpoint.failingSince !== null) await stores.endpoints.update({ ...endpoint, failingSince: null });
      return;
    }
    const failedAt = this.parts.clock.now();
    await this.endpointFailed(endpoint, failedAt);
    const delay = retryDelayAfter(attempts);
    if (delay === null) {
      await this.giveUp(item, attempts, status);
      return;
    }
    const next = new Date(failedAt.getTime() + delay);
    if (!(await stores.outbox.reschedule(item, next, attempts))) return;
    this.parts.onAttempt?.("retrying");
    await this.logDelivery(item, {
      status: "retrying",
      attempts,
      responseStatus: status,
      nextAttemptAt: next,
    });
  }

  private async giveUp(item: LeasedEvent, attempts: number, responseStatus: number | null): Promise<void> {
    if (!(await this.parts.stores.outbox.fail(item, attempts))) return;
    this.parts.onAttempt?.("failed");
    await this.logDelivery(item, { status: "failed", attempts, responseStatus, nextAttemptAt: null });
  }

  /** Notes the first failure of a run; disables the endpoint once the run is 5 days old. */
  private async endpointFailed(endpoint: WebhookEndpoint, now: Date): Promise<void> {
    const failingSince = endpoint.failingSince ?? now;
    if (failingTooLong(failingSince, now)) {
      const disabled = { ...endpoint, status: "disabled" as const, failingSince };
      if (await this.parts.stores.endpoints.update(disabled)) {
        const fields = { endpointId: endpoint.id, accountId: endpoint.accountId, failingSince };
        this.parts.log("warn", "Webhook endpoint disabled: every delivery failed for 5 days", {
          ...fields,
          failingSince: failingSince.toISOString(),
        });
        this.parts.events.emit("webhook:disabled", fields);
      }
    } else if (endpoint.failingSince === null) {
      await this.parts.stores.endpoints.update({ ...endpoint, failingSince });
    }
  }

  private async logDelivery(
    item: LeasedEvent,
    outcome: Pick<DeliveryRecord, "status" | "attempts" | "responseStatus" | "nextAttemptAt">,
  ): Promise<void> {
    const { event } = item;
    await this.parts.stores.deliveries.record({
      id: event.id,
      endpointId: event.endpointId,
      event: event.type,
      createdAt: event.createdAt,
      ...outcome,
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
