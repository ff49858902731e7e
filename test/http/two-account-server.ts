import { afterAll, beforeAll } from "vitest";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import { ApiClient, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { memoryAndRedisStores, type StoreVariant } from "../support/store-variants.js";

/**
 * The default store (memory; MongoDB when run from test/http/mongodb/) and Redis: a suite's variants named so
 * that a test's name says which store ran it in both places.
 */
export function defaultAndRedisStores(prefix: string): StoreVariant[] {
  return memoryAndRedisStores(prefix).map((variant) =>
    variant.name === "memory" ? { ...variant, name: "default store" } : variant,
  );
}

/** A server of the calling describe block, with a client of `acme` and one of `globex`. */
export interface TwoAccounts {
  readonly server: RunningServer;
  readonly api: ApiClient;
  readonly other: ApiClient;
}

/**
 * Starts a server on the variant's stores before the block's tests (unless `skip`) with relaxed limits and
 * keys of two accounts, and closes it after them. Read the answer's fields inside tests only.
 */
export function useTwoAccountServer(
  keys: readonly [string, string],
  stores: () => Promise<StoreBundle | undefined>,
  skip: boolean,
): TwoAccounts {
  const state: { server?: RunningServer; api?: ApiClient; other?: ApiClient } = {};
  beforeAll(async () => {
    if (skip) return;
    const server = await startServer({
      stores: await stores(),
      apiKeys: [
        { accountId: "acme", key: keys[0] },
        { accountId: "globex", key: keys[1] },
      ],
      settings: { rateLimits: RELAXED_LIMITS },
    });
    state.server = server;
    state.api = new ApiClient(server.url, keys[0]);
    state.other = new ApiClient(server.url, keys[1]);
  });
  afterAll(async () => {
    await state.server?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The server has not started.");
    return value;
  };
  return {
    get server() {
      return need(state.server);
    },
    get api() {
      return need(state.api);
    },
    get other() {
      return need(state.other);
    },
  };
}
