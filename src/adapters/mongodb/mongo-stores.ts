import { MongoClient, type MongoClientOptions } from "mongodb";
import type { StoreBundle } from "../../application/ports/store-bundle.js";
import type { ClickDayDocument } from "./click-day-document.js";
import { ensureIndexes } from "./ensure-indexes.js";
import { COLLECTIONS } from "./index-specs.js";
import type { LinkDocument } from "./link-document.js";
import type { ApiKeyDocument } from "./mongo-api-key-repository.js";
import { MongoApiKeyRepository } from "./mongo-api-key-repository.js";
import { mongoCall } from "./mongo-call.js";
import { MongoClickStore } from "./mongo-click-store.js";
import { type DeliveryDocument, MongoDeliveryLog } from "./mongo-delivery-log.js";
import {
  type DomainDocument,
  type DomainTombstoneDocument,
  MongoDomainRepository,
} from "./mongo-domain-repository.js";
import { type DeadLetterDocument, MongoEventOutbox, type OutboxDocument } from "./mongo-event-outbox.js";
import { type IdempotencyKeyDocument, MongoIdempotencyStore } from "./mongo-idempotency-store.js";
import { MongoLinkRepository } from "./mongo-link-repository.js";
import { MongoSessionStore, type SessionDocument } from "./mongo-session-store.js";
import { followMongoStatus } from "./mongo-status.js";
import { MongoWebhookEndpoints, type WebhookEndpointDocument } from "./mongo-webhook-endpoints.js";
import type { TagCountDocument } from "./tag-counts.js";

/** A connection string (hexlink owns and closes the client) or the caller's own client. */
export type MongoStoresOptions = ({ readonly url: string } | { readonly client: MongoClient }) & {
  /** The database; by default the one named in the URL, else `hexlink`. */
  readonly dbName?: string;
};

/** How long an operation waits for a reachable server before it fails as `unavailable`. */
export const SERVER_SELECTION_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Every storage port in one MongoDB database, its collections and indexes created first (idempotent).
 * One client serves the whole process; the driver reconnects by itself after a lost connection.
 * @throws DomainError unavailable when the server cannot be reached at start-up
 */
export async function mongoStores(options: MongoStoresOptions): Promise<StoreBundle> {
  const owned = "url" in options;
  const client = "url" in options ? new MongoClient(options.url, clientOptions(options.url)) : options.client;
  const db = client.db(options.dbName ?? ("url" in options ? databaseOf(options.url) : undefined));
  const status = followMongoStatus(client);
  try {
    await mongoCall(() => ensureIndexes(db));
  } catch (error) {
    if (owned) await client.close();
    throw error;
  }
  const clickDays = db.collection<ClickDayDocument>(COLLECTIONS.clickDays);
  const links = db.collection<LinkDocument>(COLLECTIONS.links);
  return {
    kind: "mongodb",
    links: new MongoLinkRepository(links, clickDays, db.collection<TagCountDocument>(COLLECTIONS.tagCounts)),
    domains: new MongoDomainRepository(
      db.collection<DomainDocument>(COLLECTIONS.domains),
      db.collection<DomainTombstoneDocument>(COLLECTIONS.domainTombstones),
    ),
    apiKeys: new MongoApiKeyRepository(db.collection<ApiKeyDocument>(COLLECTIONS.apiKeys)),
    clicks: new MongoClickStore(clickDays, links),
    sessions: new MongoSessionStore(db.collection<SessionDocument>(COLLECTIONS.sessions)),
    webhooks: {
      endpoints: new MongoWebhookEndpoints(
        db.collection<WebhookEndpointDocument>(COLLECTIONS.webhookEndpoints),
      ),
      outbox: new MongoEventOutbox(
        db.collection<OutboxDocument>(COLLECTIONS.webhookOutbox),
        db.collection<DeadLetterDocument>(COLLECTIONS.webhookDeadLetters),
      ),
      deliveries: new MongoDeliveryLog(db.collection<DeliveryDocument>(COLLECTIONS.webhookDeliveries)),
    },
    idempotency: new MongoIdempotencyStore(
      db.collection<IdempotencyKeyDocument>(COLLECTIONS.idempotencyKeys),
    ),
    watchStatus: (listener) => status.watch(listener),
    ping: async () => {
      // The signal bounds a ping on a connection that went silent, which server selection cannot see.
      const signal = AbortSignal.timeout(SERVER_SELECTION_TIMEOUT_MS);
      await mongoCall(() => db.command({ ping: 1 }, { signal }));
    },
    close: async () => {
      if (owned) await client.close();
    },
  };
}

/**
 * Client options for a URL, each unless the URL sets its own: short timeouts, so a lost server shows fast;
 * `w: "majority"`, so an acknowledged write (a create, a click batch) survives a failover (4.4 defaults to
 * w: 1, whose writes a new primary can roll back); and `appName` hexlink.
 */
export function clientOptions(url: string): MongoClientOptions {
  const options: MongoClientOptions = {};
  if (!inUrl(url, "appName")) options.appName = "hexlink";
  if (!inUrl(url, "w")) options.writeConcern = { w: "majority" };
  if (!inUrl(url, "serverSelectionTimeoutMS")) options.serverSelectionTimeoutMS = SERVER_SELECTION_TIMEOUT_MS;
  // Also bounds each heartbeat: a server that stops answering is declared lost within heartbeat + this.
  if (!inUrl(url, "connectTimeoutMS")) options.connectTimeoutMS = CONNECT_TIMEOUT_MS;
  return options;
}

function inUrl(url: string, option: string): boolean {
  return new RegExp(`[?&]${option}=`, "i").test(url);
}

/** The database a connection string names (`mongodb://host/db?…` → `db`), or `hexlink`. */
export function databaseOf(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url)?.[1] ?? "";
  return path === "" ? "hexlink" : decodeURIComponent(path);
}
