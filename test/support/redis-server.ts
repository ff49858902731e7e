import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";

/** What a skipped Redis suite prints; CI looks for it and fails the run when it appears. */
export const REDIS_SKIP_MESSAGE =
  "SKIPPED: redis-server not found on PATH, so the Redis contract suites did not run (apt-get install redis-server).";

/** True when a `redis-server` binary can be started. */
export function redisAvailable(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** A throwaway redis-server on a loopback port, with no persistence. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  stop(): Promise<void>;
}

/** A three-master Redis Cluster of throwaway servers. */
export interface RedisCluster {
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port (never 6379) and waits until it answers PING. */
export async function startRedisServer(
  extraArgs: (dir: string) => string[] = () => [],
): Promise<RedisServer> {
  const { port, dir, child } = await launchOnFreePort(extraArgs);
  return { port, url: `redis://127.0.0.1:${port}`, dir, stop: () => stopServer(child, dir) };
}

/**
 * Whether a Redis suite can run. Without `redis-server` it prints {@link REDIS_SKIP_MESSAGE} after `title`
 * and answers false, unless `HEXLINK_REQUIRE_SUITES=1`, where a missing redis-server is an error, not a skip.
 */
export function redisSuiteAvailable(title: string): boolean {
  if (redisAvailable()) return true;
  if (process.env.HEXLINK_REQUIRE_SUITES === "1") {
    throw new Error(`redis-server not found and HEXLINK_REQUIRE_SUITES=1: ${title} must run`);
  }
  console.warn(`${title}: ${REDIS_SKIP_MESSAGE}`);
  return false;
}

/** A redis-server that a test can take down, freeze and bring back on the same port and directory. */
export interface RestartableRedisServer extends RedisServer {
  /** Stops the process (SIGTERM) but keeps its port and directory: an outage. */
  kill(): Promise<void>;
  /** Starts redis-server again on the same port and directory, with its data, and waits for PING. */
  restart(): Promise<void>;
  /** Suspends the process (SIGSTOP): connections stay open and commands get no answer. */
  freeze(): void;
  /** Resumes a frozen process (SIGCONT). */
  thaw(): void;
}

/**
 * Starts `redis-server` like {@link startRedisServer}, but persisting every write to an append-only file in
 * its directory (fsync always), so that it can be killed and restarted with its data.
 */
export async function startRestartableRedisServer(): Promise<RestartableRedisServer> {
  const persistence = ["--appendonly", "yes", "--appendfsync", "always"];
  const launched = await launchOnFreePort(() => persistence);
  const { port, dir } = launched;
  let child = launched.child;
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    kill: () => {
      signal("SIGCONT");
      return stopServer(child, null);
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) throw new Error("redis-server is running.");
      child = await launch(port, dir, persistence);
    },
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
    stop: () => {
      signal("SIGCONT");
      return stopServer(child, dir);
    },
  };
}

/** Starts `redis-server` on a free port in a new temporary directory, trying another port if one is taken. */
async function launchOnFreePort(
  extraArgs: (dir: string) => string[],
): Promise<{ port: number; dir: string; child: ChildProcess }> {
  const dir = await mkdtemp(join(tmpdir(), "hexlink-redis-"));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { port, dir, child: await launch(port, dir, extraArgs(dir)) };
    } catch (error) {
      // The port may have been taken between finding it and binding it: try another.
      if (attempt === 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
}

/** Starts `redis-server` on `port` with no persistence unless `extraArgs` asks for it; waits for PING. */
async function launch(port: number, dir: string, extraArgs: readonly string[]): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", [...args, "--dir", dir, ...extraArgs], { stdio: "ignore" });
  try {
    await waitFor(() => ping(port), child);
    return child;
  } catch (error) {
    await stopServer(child, null);
    throw error;
  }
}

/** Starts three cluster-enabled servers, joins them with `redis-cli --cluster create` and waits for ok. */
export async function startRedisCluster(): Promise<RedisCluster> {
  const servers = await Promise.all(
    [0, 1, 2].map(() =>
      startRedisServer((dir) => [
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        join(dir, "nodes.conf"),
      ]),
    ),
  );
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  try {
    const addresses = servers.map((server) => `127.0.0.1:${server.port}`);
    await promisify(execFile)("redis-cli", [
      "--cluster",
      "create",
      ...addresses,
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ]);
    await Promise.all(servers.map((server) => waitFor(() => clusterOk(server.port))));
    return { nodes: servers.map((server) => ({ host: "127.0.0.1", port: server.port })), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
      });
    });
    if (port !== 0 && port !== 6379) return port;
  }
}

async function withClient<T>(port: number, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ host: "127.0.0.1", port, lazyConnect: true, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return await work(client);
  } finally {
    client.disconnect();
  }
}

async function ping(port: number): Promise<boolean> {
  return (await withClient(port, (client) => client.ping())) === "PONG";
}

async function clusterOk(port: number): Promise<boolean> {
  return (await withClient(port, (client) => client.cluster("INFO"))).includes("cluster_state:ok");
}

/** Polls `check` until it is true, failing after 15 s or as soon as `child` exits. */
async function waitFor(check: () => Promise<boolean>, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child !== undefined && child.exitCode !== null) throw new Error("redis-server exited at start-up.");
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error("redis-server did not become ready in 15 s.");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function stopServer(child: ChildProcess, dir: string | null): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  if (dir !== null) await rm(dir, { recursive: true, force: true });
}
