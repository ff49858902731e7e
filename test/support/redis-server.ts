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
  const dir = await mkdtemp(join(tmpdir(), "hexlink-redis-"));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const child = spawn("redis-server", [...args, "--dir", dir, ...extraArgs(dir)], { stdio: "ignore" });
    try {
      await waitFor(() => ping(port), child);
      return { port, url: `redis://127.0.0.1:${port}`, dir, stop: () => stopServer(child, dir) };
    } catch (error) {
      await stopServer(child, null);
      // The port may have been taken between finding it and binding it: try another.
      if (attempt === 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
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
    await new Promise((resolve) => setTimeout(resolve, 50));
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
