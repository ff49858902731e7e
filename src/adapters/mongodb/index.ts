// hexlink/mongodb: every store in one MongoDB database (mongoStores), or each adapter over your collections.
export type { ClickDayDocument } from "./click-day-document.js";
export { ensureIndexes } from "./ensure-indexes.js";
export { COLLECTIONS } from "./index-specs.js";
export type { LinkDocument } from "./link-document.js";
export { type ApiKeyDocument, MongoApiKeyRepository } from "./mongo-api-key-repository.js";
export { MongoClickStore } from "./mongo-click-store.js";
export { type DeliveryDocument, MongoDeliveryLog } from "./mongo-delivery-log.js";
export {
  type DomainDocument,
  type DomainTombstoneDocument,
  MongoDomainRepository,
} from "./mongo-domain-repository.js";
export { type DeadLetterDocument, MongoEventOutbox, type OutboxDocument } from "./mongo-event-outbox.js";
export { type IdempotencyKeyDocument, MongoIdempotencyStore } from "./mongo-idempotency-store.js";
export { MongoLinkRepository } from "./mongo-link-repository.js";
export { type MongoStoresOptions, mongoStores, SERVER_SELECTION_TIMEOUT_MS } from "./mongo-stores.js";
export { MongoWebhookEndpoints, type WebhookEndpointDocument } from "./mongo-webhook-endpoints.js";
