import type { WebhookEventType } from "../../domain/webhook/webhook.js";

/** One event for one endpoint, kept until delivered or failed. Its id is the `webhook-id` of every attempt. */
export interface OutboxEvent {
  readonly id: string;
  readonly endpointId: string;
  readonly accountId: string;
  readonly type: WebhookEventType;
  /** The exact JSON body every attempt sends. */
  readonly body: string;
  readonly createdAt: Date;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When it is (next) due. */
  readonly nextAttemptAt: Date;
}

/** An event taken for delivery: other leasers do not get it until `lease` expires or it is handed back. */
export interface LeasedEvent {
  readonly event: OutboxEvent;
  /** Proof of this lease: acknowledging or rescheduling with a lost lease does nothing. */
  readonly lease: string;
}

/**
 * The durable queue of webhook messages, shared by every instance. Each due event is leased by one caller at a
 * time; a lease that is neither acknowledged nor rescheduled before it expires (its holder died) makes the event
 * due again, so it is redelivered (at least once).
 */
export interface EventOutbox {
  /** Adds events, each due at its `nextAttemptAt`. */
  append(events: readonly OutboxEvent[]): Promise<void>;
  /** Leases up to `max` events due by `now` (earliest first), each until `now + leaseMs`. */
  lease(now: Date, max: number, leaseMs: number): Promise<LeasedEvent[]>;
  /** Removes a delivered event; false when the lease was lost (another holder has it now). */
  acknowledge(leased: LeasedEvent): Promise<boolean>;
  /** Makes the event due again at `at` with `attempts` recorded, ending the lease; false when the lease was lost. */
  reschedule(leased: LeasedEvent, at: Date, attempts: number): Promise<boolean>;
  /** Moves an event that will never be delivered to the failed events (dead letters); false when the lease was lost. */
  fail(leased: LeasedEvent, attempts: number): Promise<boolean>;
  /** The failed events, newest first, at most `limit` (the store keeps the last 1,000). */
  failed(limit: number): Promise<OutboxEvent[]>;
  /** Events waiting or leased. */
  size(): Promise<number>;
}

/** Failed events kept at most. */
export const DEAD_LETTERS_KEPT = 1000;
