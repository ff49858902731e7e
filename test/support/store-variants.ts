import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { redisStores } from "../../src/adapters/redis/index.js";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import { type RedisServer, redisAvailable, startRedisServer } from "./redis-server.js";

/** A store an HTTP test runs its cases on: `stores()` gives fresh stores (undefined: the default, memory). */
export interface StoreVariant {
  readonly name: string;
  readonly stores: () => Promise<StoreBundle | undefined>;
  /** True when this machine cannot run it (no redis-server). */
  readonly skip: boolean;
}

/**
 * The memory store and a Redis store, each call of the latter on fresh keys of one redis-server that the
 * calling file starts on first use and stops after its tests.
 */
export function memoryAndRedisStores(prefix: string): StoreVariant[] {
  let redis: RedisServer | undefined;
  afterAll(async () => {
    await redis?.stop();
  });
  return [
    { name: "memory", stores: async () => undefined, skip: false },
    {
      name: "Redis",
      stores: async () => {
        redis ??= await startRedisServer();
        return redisStores({ url: redis.url, prefix: `${prefix}-${randomBytes(4).toString("hex")}:` });
      },
      skip: !redisAvailable(),
    },
  ];
}
