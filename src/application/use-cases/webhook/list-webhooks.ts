import type { WebhookEndpointRepository } from "../../ports/webhook-endpoint-repository.js";
import { toWebhookView, type WebhookView } from "../../views/webhook-view.js";

/** The account's webhook endpoints, oldest first (without their secrets). */
export class ListWebhooks {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute({ accountId }: { readonly accountId: string }): Promise<WebhookView[]> {
    return (await this.endpoints.listByAccount(accountId)).map(toWebhookView);
  }
}
