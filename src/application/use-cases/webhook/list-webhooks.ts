import type { WebhookEndpointRepository } from "../../ports/webhook-endpoint-repository.js";
import type { AccessRequest } from "../../services/key-access-guard.js";
import { requireWebhookAccess } from "../../services/owned-webhook.js";
import { toWebhookView, type WebhookView } from "../../views/webhook-view.js";

/** The account's webhook endpoints, oldest first (without their secrets). @throws DomainError forbidden */
export class ListWebhooks {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(request: { readonly accountId: string } & AccessRequest): Promise<WebhookView[]> {
    requireWebhookAccess(request);
    return (await this.endpoints.listByAccount(request.accountId)).map(toWebhookView);
  }
}
