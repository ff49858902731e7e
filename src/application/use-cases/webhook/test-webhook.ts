import type { WebhookEndpointRepository } from "../../ports/webhook-endpoint-repository.js";
import { findOwnedWebhook, type WebhookRequest } from "../../services/owned-webhook.js";
import type { WebhookPublisher } from "../../services/webhook-publisher.js";

/** Queues a `ping` message for one endpoint; answers its message id. @throws DomainError not_found, forbidden */
export class TestWebhook {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly publisher: Pick<WebhookPublisher, "ping">,
  ) {}

  async execute(request: WebhookRequest): Promise<{ messageId: string }> {
    const endpoint = await findOwnedWebhook(this.endpoints, request);
    return { messageId: await this.publisher.ping(endpoint) };
  }
}
