import type { DeliveryRecord } from "../../application/ports/webhook-delivery-log.js";
import type { OutboxEvent } from "../../application/ports/webhook-outbox.js";
import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";
import { DEFAULT_NOW } from "../manual-clock.js";

/** Milliseconds after the contract's fixed now. */
export const atMs = (ms: number): Date => new Date(new Date(DEFAULT_NOW).getTime() + ms);

/** An endpoint of `accountId`, created `ms` after now. */
export function endpointOf(id: string, accountId = "acme", ms = 0): WebhookEndpoint {
  return {
    id,
    accountId,
    url: "https://hooks.example/in?x=1",
    events: ["link.created", "clicks.recorded"],
    secret: "whsec_c2VjcmV0LWJ5dGVzLWZvci10aGUtY29udHJhY3Q=",
    status: "active",
    createdAt: atMs(ms),
    failingSince: null,
  };
}

/** A message due `dueMs` after now. */
export function outboxEvent(id: string, dueMs = 0, endpointId = "wh_a"): OutboxEvent {
  return {
    id,
    endpointId,
    accountId: "acme",
    type: "link.created",
    body: '{"type":"link.created","data":{"name":"ünï 🎉 $x.y"}}',
    createdAt: atMs(0),
    attempts: 0,
    nextAttemptAt: atMs(dueMs),
  };
}

/** A log record created `ms` after now. */
export function deliveryRecord(id: string, ms = 0, endpointId = "wh_a"): DeliveryRecord {
  return {
    id,
    endpointId,
    event: "clicks.recorded",
    status: "pending",
    attempts: 0,
    responseStatus: null,
    nextAttemptAt: atMs(ms),
    createdAt: atMs(ms),
  };
}
