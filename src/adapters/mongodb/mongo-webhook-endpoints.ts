import type { Collection } from "mongodb";
import type { WebhookEndpointRepository } from "../../application/ports/webhook-endpoint-repository.js";
import type { SubscribableEvent, WebhookEndpoint, WebhookStatus } from "../../domain/webhook/webhook.js";
import { mongoCall } from "./mongo-call.js";

/** A webhook endpoint as stored in `webhook_endpoints`, its id as `_id`. */
export interface WebhookEndpointDocument {
  _id: string;
  accountId: string;
  url: string;
  events: SubscribableEvent[];
  secret: string;
  status: WebhookStatus;
  createdAt: Date;
  failingSince: Date | null;
}

/** Webhook endpoints in one collection, listed per account by the `account_created_id` index. */
export class MongoWebhookEndpoints implements WebhookEndpointRepository {
  constructor(private readonly endpoints: Collection<WebhookEndpointDocument>) {}

  async create(endpoint: WebhookEndpoint): Promise<void> {
    const { id, ...rest } = endpoint;
    await mongoCall(() => this.endpoints.insertOne({ _id: id, ...rest, events: [...rest.events] }));
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    const document = await mongoCall(() => this.endpoints.findOne({ _id: { $eq: id } }));
    return document === null ? null : fromDocument(document);
  }

  async listByAccount(accountId: string): Promise<WebhookEndpoint[]> {
    const documents = await mongoCall(() =>
      this.endpoints
        .find({ accountId: { $eq: accountId } })
        .sort({ createdAt: 1, _id: 1 })
        .toArray(),
    );
    return documents.map(fromDocument);
  }

  async update(endpoint: WebhookEndpoint): Promise<boolean> {
    const result = await mongoCall(() =>
      this.endpoints.updateOne(
        { _id: { $eq: endpoint.id } },
        { $set: { status: endpoint.status, failingSince: endpoint.failingSince } },
      ),
    );
    return result.matchedCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    const result = await mongoCall(() => this.endpoints.deleteOne({ _id: { $eq: id } }));
    return result.deletedCount === 1;
  }
}

function fromDocument(document: WebhookEndpointDocument): WebhookEndpoint {
  const { _id, accountId, url, events, secret, status, createdAt, failingSince } = document;
  return { id: _id, accountId, url, events, secret, status, createdAt, failingSince };
}
