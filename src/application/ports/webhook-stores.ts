import type { DeliveryLog } from "./webhook-delivery-log.js";
import type { WebhookEndpointRepository } from "./webhook-endpoint-repository.js";
import type { EventOutbox } from "./webhook-outbox.js";

/** The webhook ports one backend provides. */
export interface WebhookStores {
  readonly endpoints: WebhookEndpointRepository;
  readonly outbox: EventOutbox;
  readonly deliveries: DeliveryLog;
}
