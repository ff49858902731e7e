import { memorySharedState, memoryStores } from "../adapters/memory/memory-stores.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import type { HexlinkConfig } from "./config.js";

/** The stores and shared state the configuration asks for; optional adapters load only when chosen. */
export async function storesFromConfig(
  config: HexlinkConfig,
): Promise<{ stores: StoreBundle; shared: SharedState }> {
  const stores = await storeBundle(config);
  const shared = await sharedState(config);
  return { stores, shared };
}

async function storeBundle(config: HexlinkConfig): Promise<StoreBundle> {
  switch (config.HEXLINK_STORE) {
    case "memory":
      return memoryStores();
    case "redis": {
      const { redisStores } = await import("../adapters/redis/index.js");
      return redisStores({ url: requireValue(config.REDIS_URL, "REDIS_URL") });
    }
    case "mongodb": {
      const { mongoStores } = await import("../adapters/mongodb/index.js");
      return mongoStores({ url: requireValue(config.MONGODB_URL, "MONGODB_URL") });
    }
  }
}

// With REDIS_URL set, rate limits and cache invalidation are shared across instances whatever the store.
async function sharedState(config: HexlinkConfig): Promise<SharedState> {
  if (config.REDIS_URL === undefined) return memorySharedState();
  const { redisSharedState } = await import("../adapters/redis/index.js");
  return redisSharedState({ url: config.REDIS_URL });
}

function requireValue(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}
