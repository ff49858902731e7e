import { Cluster, Redis } from "ioredis";
import { afterAll, beforeAll, describe } from "vitest";
import type { RedisClient } from "../../src/adapters/redis/redis-connection.js";
import { REDIS_SKIP_MESSAGE, redisAvailable, startRedisCluster, startRedisServer } from "./redis-server.js";

/** A running Redis deployment and a client on it. */
export interface RedisBackend {
  readonly client: RedisClient;
  /** `redis://` URL of one node. */
  readonly url: string;
  stop(): Promise<void>;
}

/** A throwaway standalone redis-server with a client. */
export async function standaloneBackend(): Promise<RedisBackend> {
  const server = await startRedisServer();
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  return { client, url: server.url, stop: () => stopBoth(client, server) };
}

/** A throwaway three-master Redis Cluster with a Cluster client, ready. */
export async function clusterBackend(): Promise<RedisBackend> {
  const cluster = await startRedisCluster();
  const client = new Cluster([...cluster.nodes], { redisOptions: { maxRetriesPerRequest: 1 } });
  await new Promise((resolve, reject) => {
    client.once("ready", resolve);
    client.once("error", reject);
  });
  const [first] = cluster.nodes;
  return { client, url: `redis://127.0.0.1:${first?.port}`, stop: () => stopBoth(client, cluster) };
}

/**
 * A describe block with a Redis backend started before its tests and stopped after. Without redis-server it is
 * skipped, and says so with {@link REDIS_SKIP_MESSAGE}.
 */
export function describeWithRedis(
  title: string,
  start: () => Promise<RedisBackend>,
  body: (backend: () => RedisBackend) => void,
): void {
  const available = redisAvailable();
  if (!available) console.warn(`${title}: ${REDIS_SKIP_MESSAGE}`);
  describe.skipIf(!available)(title, () => {
    let backend: RedisBackend | undefined;
    beforeAll(async () => {
      backend = await start();
    });
    afterAll(async () => {
      await backend?.stop();
    });
    body(() => {
      if (backend === undefined) throw new Error("The Redis backend did not start.");
      return backend;
    });
  });
}

async function stopBoth(client: RedisClient, server: { stop(): Promise<void> }): Promise<void> {
  await client.quit();
  await server.stop();
}
