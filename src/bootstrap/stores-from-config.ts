import { memorySharedState, memoryStores } from "../adapters/memory/memory-stores.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";
import { ConfigError, type HexlinkConfig } from "./config.js";

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
      const { redisStores } = await loadAdapter(
        () => import("../adapters/redis/index.js"),
        "ioredis",
        "redis",
      );
      return redisStores({ url: requireValue(config.REDIS_URL, "REDIS_URL") });
    }
    case "mongodb": {
      const { mongoStores } = await loadAdapter(
        () => import("../adapters/mongodb/index.js"),
        "mongodb",
        "mongodb",
      );
      return mongoStores({ url: requireValue(config.MONGODB_URL, "MONGODB_URL") });
    }
  }
}

// With REDIS_URL set, rate limits and cache invalidation are shared across instances whatever the store.
async function sharedState(config: HexlinkConfig): Promise<SharedState> {
  if (config.REDIS_URL === undefined) return memorySharedState();
  const { redisSharedState } = await loadAdapter(
    () => import("../adapters/redis/index.js"),
    "ioredis",
    "REDIS_URL",
  );
  return redisSharedState({ url: config.REDIS_URL });
}

function requireValue(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}

/**
 * Loads an adapter whose driver is an optional peer dependency; without the driver installed, stops with one
 * line naming the package to install instead of Node's module-resolution stack.
 */
async function loadAdapter<T>(load: () => Promise<T>, driver: string, chosenBy: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingModule(error, driver)) {
      const reason = chosenBy === "REDIS_URL" ? "REDIS_URL is set" : `HEXLINK_STORE=${chosenBy}`;
      throw new ConfigError(
        `${reason} needs the ${driver} package: install it with \`npm install ${driver}\`.`,
      );
    }
    throw error;
  }
}

function isMissingModule(error: unknown, name: string): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    error.code === "ERR_MODULE_NOT_FOUND" &&
    error.message.includes(`'${name}'`)
  );
}
