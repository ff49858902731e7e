import type { WebhookEventType } from "../../domain/webhook/webhook.js";

/** Where a message stands: waiting for its first attempt, retrying, delivered, or given up. */
export type DeliveryStatus = "pending" | "retrying" | "delivered" | "failed";

/** One message to one endpoint, as its log shows it. */
export interface DeliveryRecord {
  /** The message id (`webhook-id`). */
  readonly id: string;
  readonly endpointId: string;
  readonly event: WebhookEventType;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** The last attempt's HTTP status; null before any answer (or after none came). */
  readonly responseStatus: number | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
}

/** The last deliveries of each endpoint (at most DELIVERY_LOG_SIZE per endpoint, the oldest dropped). */
export interface DeliveryLog {
  /** Adds a record, or replaces the one with its id; past the limit the endpoint's oldest (by `createdAt`) go. */
  record(record: DeliveryRecord): Promise<void>;
  /** An endpoint's records, newest first. */
  list(endpointId: string): Promise<DeliveryRecord[]>;
  /** Forgets an endpoint's records. */
  deleteEndpoint(endpointId: string): Promise<void>;
}
