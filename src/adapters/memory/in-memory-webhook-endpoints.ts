import type { WebhookEndpointRepository } from "../../application/ports/webhook-endpoint-repository.js";
import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";

/** Webhook endpoints in a Map, copied in and out. */
export class InMemoryWebhookEndpoints implements WebhookEndpointRepository {
  private readonly byId = new Map<string, WebhookEndpoint>();

  async create(endpoint: WebhookEndpoint): Promise<void> {
    this.byId.set(endpoint.id, structuredClone(endpoint));
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    const endpoint = this.byId.get(id);
    return endpoint === undefined ? null : structuredClone(endpoint);
  }

  async listByAccount(accountId: string): Promise<WebhookEndpoint[]> {
    return [...this.byId.values()]
      .filter((endpoint) => endpoint.accountId === accountId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((endpoint) => structuredClone(endpoint));
  }

  async update(endpoint: WebhookEndpoint): Promise<boolean> {
    const stored = this.byId.get(endpoint.id);
    if (stored === undefined) return false;
    this.byId.set(endpoint.id, {
      ...stored,
      status: endpoint.status,
      failingSince: endpoint.failingSince === null ? null : new Date(endpoint.failingSince),
    });
    return true;
  }

  async delete(id: string): Promise<boolean> {
    return this.byId.delete(id);
  }
}
