import type { WebhookStores } from "../../ports/webhook-stores.js";
import { findOwnedWebhook, type WebhookRequest } from "../../services/owned-webhook.js";
import { type DeliveryView, toDeliveryView } from "../../views/webhook-view.js";

/** An endpoint's last 100 deliveries, newest first. @throws DomainError not_found, forbidden */
export class ListWebhookDeliveries {
  constructor(private readonly stores: WebhookStores) {}

  async execute(request: WebhookRequest): Promise<DeliveryView[]> {
    const endpoint = await findOwnedWebhook(this.stores.endpoints, request);
    return (await this.stores.deliveries.list(endpoint.id)).map(toDeliveryView);
  }
}
