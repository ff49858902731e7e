import type { WebhookStores } from "../../ports/webhook-stores.js";
import { findOwnedWebhook } from "../../services/owned-webhook.js";

/**
 * Removes a webhook endpoint and its delivery log; its queued messages are dropped when their turn comes.
 * @throws DomainError not_found
 */
export class DeleteWebhook {
  constructor(private readonly stores: WebhookStores) {}

  async execute({ accountId, id }: { readonly accountId: string; readonly id: string }): Promise<void> {
    const endpoint = await findOwnedWebhook(this.stores.endpoints, accountId, id);
    await this.stores.endpoints.delete(endpoint.id);
    await this.stores.deliveries.deleteEndpoint(endpoint.id);
  }
}
