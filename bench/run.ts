import { type ChildProcess, spawn } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { startRedisServer } from "../test/support/redis-server.js";
import { type Figures, HAVE_WRK, load } from "./load.js";

// Each target is measured in alternation with the bare node:http baseline, in the same run,
// so the machine's noise hits both; the figure that matters is the ratio.
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 50;

async function startChild(
  script: string,
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
  });
  return { port, child };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function compare(label: string, bareUrl: string, targetUrl: string): Promise<string> {
  const ratios: number[] = [];
  const base: Figures[] = [];
  const target: Figures[] = [];
  await load(targetUrl, 1, CONNECTIONS); // warm-up: JIT and caches
  await load(bareUrl, 1, CONNECTIONS);
  for (let round = 0; round < ROUNDS; round++) {
    const b = await load(bareUrl, DURATION_S, CONNECTIONS);
    const t = await load(targetUrl, DURATION_S, CONNECTIONS);
    base.push(b);
    target.push(t);
    ratios.push(t.rps / b.rps);
  }
  const rps = median(target.map((f) => f.rps));
  const bareRps = median(base.map((f) => f.rps));
  return `| ${label} | ${Math.round(rps)} | ${median(target.map((f) => f.p99))} | ${Math.round(bareRps)} | ${median(ratios).toFixed(2)} |`;
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const redis = await startRedisServer();
  try {
    const bare = await startChild("bench/servers/bare.ts");
    children.push(bare.child);
    const bareUrl = `http://127.0.0.1:${bare.port}/bench`;
    const rows: string[] = [];
    const targets: [string, Record<string, string>][] = [
      ["hexlink redirect, memory, clicks off", { BENCH_STORE: "memory", BENCH_CLICKS: "off" }],
      ["hexlink redirect, memory, clicks on", { BENCH_STORE: "memory", BENCH_CLICKS: "on" }],
      [
        "hexlink redirect, redis, clicks on",
        { BENCH_STORE: "redis", BENCH_CLICKS: "on", BENCH_REDIS_URL: redis.url },
      ],
    ];
    for (const [label, env] of targets) {
      const server = await startChild("bench/servers/hexlink.ts", env);
      children.push(server.child);
      rows.push(await compare(label, bareUrl, `http://127.0.0.1:${server.port}/bench`));
      if (env.BENCH_STORE === "redis") rows.push(await createThroughput(server.port));
      server.child.kill("SIGTERM");
    }
    console.log(
      `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    );
    console.log(
      `load: ${HAVE_WRK ? "wrk -t1" : "autocannon"}, ${CONNECTIONS} connections, ${DURATION_S} s × ${ROUNDS} rounds each, alternating with the baseline\n`,
    );
    console.log("| target | req/s | p99 ms | bare node:http req/s | ratio to bare |");
    console.log("|---|---|---|---|---|");
    for (const row of rows) console.log(row);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await redis.stop();
  }
}

// Link creation through the v1 API on Redis, with rate limits lifted far above the load.
async function createThroughput(port: number): Promise<string> {
  const url = `http://127.0.0.1:${port}/v1/links`;
  if (!HAVE_WRK) return "| v1 create link, redis | (needs wrk) | | | |";
  const result = await load(url, DURATION_S, 10, "bench/post-link.lua");
  return `| v1 create link, redis (non-2xx: ${result.errors}) | ${Math.round(result.rps)} | ${result.p99} | – | – |`;
}

await main();
