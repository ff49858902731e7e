export { clickBulkOps } from "./click-bulk-ops.js";
export { type ClickDayDocument, countsFromDayDocuments } from "./click-day-document.js";
export { decodeDimensionKey, encodeDimensionKey } from "./dimension-key.js";
export { ensureIndexes } from "./ensure-indexes.js";
export { COLLECTIONS, DOMAIN_SLUG_INDEX, INDEX_SPECS, KEY_HASH_INDEX, LISTING_SORTS } from "./index-specs.js";
export { fromLinkDocument, type LinkDocument, toLinkDocument } from "./link-document.js";
export { type ApiKeyDocument, MongoApiKeyRepository } from "./mongo-api-key-repository.js";
export { mongoCall, type OnDuplicateKey } from "./mongo-call.js";
export { MongoClickStore } from "./mongo-click-store.js";
export { type DomainDocument, MongoDomainRepository } from "./mongo-domain-repository.js";
export {
  FAILOVER_CODES,
  ID_INDEX,
  isDuplicateKey,
  isDuplicateKeyOn,
  isFailover,
  isUnreachable,
  type UniqueIndex,
} from "./mongo-errors.js";
export { MongoLinkRepository } from "./mongo-link-repository.js";
export { type MongoStoresOptions, mongoStores, SERVER_SELECTION_TIMEOUT_MS } from "./mongo-stores.js";
export { estimateVisitors, VISITOR_CAP, visitorRegisters } from "./unique-visitors.js";
