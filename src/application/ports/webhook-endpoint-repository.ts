import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";

/** Webhook endpoints per account. */
export interface WebhookEndpointRepository {
  /** Stores a new endpoint (its id is fresh). */
  create(endpoint: WebhookEndpoint): Promise<void>;
  /** The endpoint with this id, or null. */
  get(id: string): Promise<WebhookEndpoint | null>;
  /** The account's endpoints, oldest first. */
  listByAccount(accountId: string): Promise<WebhookEndpoint[]>;
  /** Replaces a stored endpoint's status and `failingSince`; false when it no longer exists. */
  update(endpoint: WebhookEndpoint): Promise<boolean>;
  /** Removes an endpoint; false when there was none. */
  delete(id: string): Promise<boolean>;
}
