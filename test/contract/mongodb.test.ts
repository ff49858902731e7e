import { ensureIndexes } from "../../src/adapters/mongodb/ensure-indexes.js";
import { COLLECTIONS } from "../../src/adapters/mongodb/index-specs.js";
import { MongoClickStore } from "../../src/adapters/mongodb/mongo-click-store.js";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import { apiKeyRepositoryContract } from "../../src/testing/contracts/api-key-repository.contract.js";
import { clickStoreContract } from "../../src/testing/contracts/click-store.contract.js";
import { deliveryLogContract } from "../../src/testing/contracts/delivery-log.contract.js";
import { domainRepositoryContract } from "../../src/testing/contracts/domain-repository.contract.js";
import { eventOutboxContract } from "../../src/testing/contracts/event-outbox.contract.js";
import { idempotencyStoreContract } from "../../src/testing/contracts/idempotency-store.contract.js";
import { linkRepositoryContract } from "../../src/testing/contracts/link-repository.contract.js";
import { sessionStoreContract } from "../../src/testing/contracts/session-store.contract.js";
import { webhookEndpointsContract } from "../../src/testing/contracts/webhook-endpoints.contract.js";
import { describeWithMongo } from "../support/mongo-backend.js";
import { mongoCases } from "./mongodb-cases.js";

// Every generated case builds a database with its indexes: fewer runs than in memory keep the suite quick.
const NUM_RUNS = 15;

describeWithMongo("test/contract/mongodb.test.ts", "MongoDB adapters", (backend) => {
  /** A contract harness for one port of a fresh bundle. */
  function harness<K extends "links" | "domains" | "apiKeys" | "sessions" | "idempotency">(port: K) {
    return {
      make: async (): Promise<StoreBundle[K]> => (await backend().freshStores())[port],
      numRuns: NUM_RUNS,
    };
  }

  // Add a new port's contract here, one line each.
  linkRepositoryContract("MongoLinkRepository", harness("links"));
  domainRepositoryContract("MongoDomainRepository", harness("domains"));
  apiKeyRepositoryContract("MongoApiKeyRepository", harness("apiKeys"));
  sessionStoreContract("MongoSessionStore", harness("sessions"));
  idempotencyStoreContract("MongoIdempotencyStore", harness("idempotency"));
  // Without the links collection, as the contract's clicks have no links (mongoStores passes it: see the cases).
  clickStoreContract("MongoClickStore", {
    make: async () => {
      const db = backend().client.db(backend().freshDbName());
      await ensureIndexes(db);
      return new MongoClickStore(db.collection(COLLECTIONS.clickDays));
    },
    numRuns: NUM_RUNS,
  });
  /** A contract harness for one webhook port of a fresh bundle. */
  function webhookHarness<K extends "endpoints" | "outbox" | "deliveries">(port: K) {
    return {
      make: async () => {
        const webhooks = (await backend().freshStores()).webhooks;
        if (webhooks === undefined) throw new Error("mongoStores has no webhook stores");
        return webhooks[port];
      },
      numRuns: NUM_RUNS,
    };
  }
  webhookEndpointsContract("MongoWebhookEndpoints", webhookHarness("endpoints"));
  eventOutboxContract("MongoEventOutbox", webhookHarness("outbox"));
  deliveryLogContract("MongoDeliveryLog", webhookHarness("deliveries"));
  mongoCases(backend);
});
