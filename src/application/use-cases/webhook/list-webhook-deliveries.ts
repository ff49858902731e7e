import type { WebhookStores } from "../../ports/webhook-stores.js";
import { findOwnedWebhook } from "../../services/owned-webhook.js";
import { type DeliveryView, toDeliveryView } from "../../views/webhook-view.js";

/** An endpoint's last 100 deliveries, newest first. @throws DomainError not_found */
export class ListWebhookDeliveries {
  constructor(private readonly stores: WebhookStores) {}

  async execute({
    accountId,
    id,
  }: {
    readonly accountId: string;
    readonly id: string;
  }): Promise<DeliveryView[]> {
    const endpoint = await findOwnedWebhook(this.stores.endpoints, accountId, id);
    return (await this.stores.deliveries.list(endpoint.id)).map(toDeliveryView);
  }
}
