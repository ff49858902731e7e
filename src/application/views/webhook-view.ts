import type {
  SubscribableEvent,
  WebhookEndpoint,
  WebhookEventType,
  WebhookStatus,
} from "../../domain/webhook/webhook.js";
import type { DeliveryRecord, DeliveryStatus } from "../ports/webhook-delivery-log.js";

/** A webhook endpoint as the use cases return it: never its secret, except once at creation. */
export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly events: readonly SubscribableEvent[];
  readonly status: WebhookStatus;
  readonly createdAt: Date;
  readonly failingSince: Date | null;
}

/** One delivery of the log. */
export interface DeliveryView {
  readonly id: string;
  readonly event: WebhookEventType;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly responseStatus: number | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
}

export function toWebhookView(endpoint: WebhookEndpoint): WebhookView {
  const { id, url, events, status, createdAt, failingSince } = endpoint;
  return { id, url, events: [...events], status, createdAt, failingSince };
}

export function toDeliveryView(record: DeliveryRecord): DeliveryView {
  const { id, event, status, attempts, responseStatus, nextAttemptAt, createdAt } = record;
  return { id, event, status, attempts, responseStatus, nextAttemptAt, createdAt };
}
