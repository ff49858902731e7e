import type { WebhookStores } from "../../ports/webhook-stores.js";
import { findOwnedWebhook, type WebhookRequest } from "../../services/owned-webhook.js";

/**
 * Removes a webhook endpoint and its delivery log; its queued messages are dropped when their turn comes.
 * @throws DomainError not_found
 */
export class DeleteWebhook {
  constructor(private readonly stores: WebhookStores) {}

  async execute(request: WebhookRequest): Promise<void> {
    const endpoint = await findOwnedWebhook(this.stores.endpoints, request);
    await this.stores.endpoints.delete(endpoint.id);
    await this.stores.deliveries.deleteEndpoint(endpoint.id);
  }
}
