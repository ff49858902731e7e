import type { WebhookEndpointRepository } from "../../application/ports/webhook-endpoint-repository.js";
import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

const DATES: readonly (keyof WebhookEndpoint & string)[] = ["createdAt", "failingSince"];

/**
 * Webhook endpoints: one JSON string per endpoint and a set of ids per account, written first on create and
 * checked against the endpoint's record when read (a key of another slot, so not in one transaction).
 */
export class RedisWebhookEndpoints implements WebhookEndpointRepository {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async create(endpoint: WebhookEndpoint): Promise<void> {
    await guarded(async () => {
      await this.client.sadd(this.keys.accountWebhooks(endpoint.accountId), endpoint.id);
      await this.client.set(this.keys.webhook(endpoint.id), encodeRecord(endpoint));
    });
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    return guarded(async () => {
      const json = await this.client.get(this.keys.webhook(id));
      return json === null ? null : decodeRecord<WebhookEndpoint>(json, DATES);
    });
  }

  async listByAccount(accountId: string): Promise<WebhookEndpoint[]> {
    return guarded(async () => {
      const ids = await this.client.smembers(this.keys.accountWebhooks(accountId));
      const endpoints = await Promise.all(ids.map((id) => this.get(id)));
      return endpoints
        .filter((endpoint): endpoint is WebhookEndpoint => endpoint?.accountId === accountId)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    });
  }

  async update(endpoint: WebhookEndpoint): Promise<boolean> {
    return guarded(async () => {
      const stored = await this.get(endpoint.id);
      if (stored === null) return false;
      const next = { ...stored, status: endpoint.status, failingSince: endpoint.failingSince };
      return (await this.client.set(this.keys.webhook(endpoint.id), encodeRecord(next), "XX")) === "OK";
    });
  }

  async delete(id: string): Promise<boolean> {
    return guarded(async () => {
      const stored = await this.get(id);
      if (stored === null || (await this.client.del(this.keys.webhook(id))) === 0) return false;
      await this.client.srem(this.keys.accountWebhooks(stored.accountId), id);
      return true;
    });
  }
}
