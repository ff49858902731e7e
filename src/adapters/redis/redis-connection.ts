import { Cluster, Redis } from "ioredis";
import { StoreStatusTracker } from "../../application/services/store-status-tracker.js";
import { RedisKeys } from "./redis-keys.js";

const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
const DEFAULT_RECONNECT_MAX_MS = 1000;

/** A standalone client or a Cluster: every adapter works with either. */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /**
   * `redis://` or `rediss://` URL: a fail-fast client is created, and closed by `close()`. With the query
   * `?cluster=true` the URL names one node of a Redis Cluster, and a Cluster client discovers the rest.
   */
  readonly url?: string;
  /** An existing client or Cluster, which stays the caller's: `close()` leaves it open. */
  readonly client?: RedisClient;
  /** Prepended to every key and channel so deployments can share a server; default `hexlink:`. */
  readonly prefix?: string;
  /** For a client made from `url`: a command that gets no answer in this many ms fails. Default 2000. */
  readonly commandTimeoutMs?: number;
  /** For a client made from `url`: connecting fails after this many ms; default `commandTimeoutMs`. */
  readonly connectTimeoutMs?: number;
  /**
   * For a client made from `url`: the longest wait (ms) between two reconnection tries, which start 100 ms
   * apart and grow by 100 ms each. Default 1000.
   */
  readonly reconnectMaxMs?: number;
}

/** A client, the keys to use on it, whether closing it is ours to do, and its connection's changes. */
export interface RedisConnection {
  readonly client: RedisClient;
  readonly keys: RedisKeys;
  readonly owned: boolean;
  readonly status: StoreStatusTracker;
}

/** Opens (or adopts) a client. @throws TypeError when neither `url` nor `client` is given */
export function connectRedis(options: RedisConnectionOptions): RedisConnection {
  const keys = new RedisKeys(options.prefix);
  if (options.client !== undefined)
    return { client: options.client, keys, owned: false, status: watch(options.client) };
  if (options.url === undefined) throw new TypeError("Redis needs either a url or a client.");
  const timeout = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const reconnectMaxMs = options.reconnectMaxMs ?? DEFAULT_RECONNECT_MAX_MS;
  const retryStrategy = (times: number) => Math.min(100 * times, reconnectMaxMs);
  const failFast = {
    // A request fails within about `timeout` while Redis is down instead of waiting for it to return.
    maxRetriesPerRequest: 1,
    commandTimeout: timeout,
    connectTimeout: options.connectTimeoutMs ?? timeout,
    retryStrategy,
  };
  const url = new URL(options.url);
  const cluster = url.searchParams.get("cluster") === "true";
  url.searchParams.delete("cluster");
  const client: RedisClient = cluster
    ? new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
        redisOptions: {
          ...failFast,
          ...(url.username === "" ? {} : { username: decodeURIComponent(url.username) }),
          ...(url.password === "" ? {} : { password: decodeURIComponent(url.password) }),
          ...(url.protocol === "rediss:" ? { tls: {} } : {}),
        },
        clusterRetryStrategy: retryStrategy,
      })
    : new Redis(url.toString(), failFast);
  return { client, keys, owned: true, status: watch(client) };
}

/**
 * Follows a client's connection: the first error or close of an outage is a loss (ioredis repeats them on every
 * retry), "ready" after it a return. Errors also reach callers through rejected commands; this listener also
 * keeps ioredis from printing each one.
 */
function watch(client: RedisClient): StoreStatusTracker {
  const status = new StoreStatusTracker();
  client.on("error", (error: unknown) => status.lost(error instanceof Error ? error.message : String(error)));
  client.on("close", () => status.lost("connection closed"));
  client.on("ready", () => status.back());
  return status;
}

/** Closes a client politely, or at once when it cannot answer. */
export async function closeClient(client: RedisClient): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
