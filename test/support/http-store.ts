import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import {
  MONGO_SKIP_MESSAGE,
  type MongoServer,
  mongoSuiteAvailable,
  realMongoUrl,
  startMongoServer,
} from "./mongo-server.js";
import { skipStandInGaps } from "./standin-gaps.js";

let mongo: MongoServer | undefined;
let mongoFile = false;

/** True in a file that called {@link useMongoStore}: its default stores are MongoDB's, not memory. */
export function onMongoStore(): boolean {
  return mongoFile;
}

/**
 * The stores a test server gets when its test gives none: in memory (undefined), or, in a file that called
 * {@link useMongoStore}, a fresh database on that file's MongoDB server.
 */
export async function defaultTestStores(): Promise<StoreBundle | undefined> {
  if (mongo === undefined) return undefined;
  // Imported here, so that the many files on the memory store never load the driver.
  const { mongoStores } = await import("../../src/adapters/mongodb/mongo-stores.js");
  return mongoStores({ url: mongo.url, dbName: `hexlink_http_${randomUUID().replaceAll("-", "")}` });
}

/**
 * Runs the calling file's HTTP tests on the MongoDB store: every server `startServer` makes without stores of
 * its own gets a fresh database on MONGODB_URL's server, else on a stand-in started for the file. Call it, then
 * `await import()` the HTTP test file to run. Returns false (after saying so) when no MongoDB can run here.
 */
export function useMongoStore(path: string): boolean {
  const title = `${path} (HTTP on the MongoDB store)`;
  if (!mongoSuiteAvailable(title)) {
    describe.skip(title, () => it.skip(MONGO_SKIP_MESSAGE, () => {}));
    return false;
  }
  mongoFile = true;
  beforeAll(async () => {
    mongo = await startMongoServer();
  });
  afterAll(async () => {
    await mongo?.stop();
    mongo = undefined;
  });
  skipStandInGaps(path, () => realMongoUrl() === undefined);
  return true;
}
