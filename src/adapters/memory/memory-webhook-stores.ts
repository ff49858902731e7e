import type { WebhookStores } from "../../application/ports/webhook-stores.js";
import { InMemoryDeliveryLog } from "./in-memory-delivery-log.js";
import { InMemoryEventOutbox } from "./in-memory-event-outbox.js";
import { InMemoryWebhookEndpoints } from "./in-memory-webhook-endpoints.js";

/** Webhook endpoints, outbox and delivery log in process memory. */
export function memoryWebhookStores(): WebhookStores {
  return {
    endpoints: new InMemoryWebhookEndpoints(),
    outbox: new InMemoryEventOutbox(),
    deliveries: new InMemoryDeliveryLog(),
  };
}
