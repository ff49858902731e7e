import { spawn } from "node:child_process";
import { type BenchChild, startChild, stopChild } from "./children.js";
import { BROWSER_UA, load } from "./load.js";
import { CONNECTIONS, compareFigures } from "./redirects.js";

// BENCH_ONLY=workers: redirects of `hexlink serve --workers 2` on Redis (clicks on) against a bare node:http
// cluster of 2 workers, and one hexlink process against the same cluster and against one bare process, all in
// this run; then how much each gains from its second worker. The load generator (wrk, one thread) shares the
// machine's cores with the workers: on 2 cores, 2 workers and wrk compete for them.

const KEY = "hxk_bench_key_0123456789";
const HIGH = "1000000000";
/** Seconds of load a fresh server gets before it is measured. */
const WARM_UP_S = 5;

/**
 * Starts the real server (src/bootstrap/server.ts, as `hexlink serve`) with `workers` workers on Redis, waits
 * until every worker serves, and creates the benchmark's link `/bench` through the API.
 */
export async function startHexlinkServer(workers: number, redisUrl: string): Promise<BenchChild> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/bootstrap/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      HEXLINK_STORE: "redis",
      REDIS_URL: redisUrl,
      HEXLINK_WORKERS: String(workers),
      HEXLINK_API_KEYS: `bench:${KEY}`,
      HEXLINK_RATE_LIMIT_PER_SECOND: HIGH,
      HEXLINK_RATE_LIMIT_PER_HOUR: HIGH,
      HEXLINK_RATE_LIMIT_PER_MONTH: HIGH,
      HEXLINK_LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready =
    workers === 1
      ? /listening on http:\/\/127\.0\.0\.1:(\d+)/
      : /workers ready on http:\/\/127\.0\.0\.1:(\d+)/;
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`hexlink (${workers} workers) exited with ${code}:\n${output}`)),
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
  });
  child.stdout?.resume();
  const created = await fetch(`http://127.0.0.1:${port}/v1/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json", "user-agent": BROWSER_UA },
    body: JSON.stringify({ url: "https://example.com/landing", custom_slug: "bench" }),
  });
  if (created.status !== 201)
    throw new Error(`creating /bench answered ${created.status}: ${await created.text()}`);
  // A fresh server's first seconds are slow (JIT, each worker's link cache cold): compare's 1 s warm-up is not
  // enough, and the first row measured on the server would pay for it.
  await load(`http://127.0.0.1:${port}/bench`, WARM_UP_S, CONNECTIONS);
  return { port, child };
}

/** The workers section's rows, and the lines of what the second worker gained. */
export async function workersRows(
  redisUrl: string,
  bare: BenchChild,
  track: (child: BenchChild) => void,
): Promise<{ rows: string[]; notes: string[] }> {
  const bareCluster = await startChild("bench/servers/bare-cluster.ts", { BENCH_WORKERS: "2" });
  track(bareCluster);
  const two = await startHexlinkServer(2, redisUrl);
  track(two);
  const pair = await compareFigures(
    "hexlink --workers 2, redis, clicks on (vs bare cluster of 2)",
    bareCluster,
    two,
  );
  await stopChild(two.child);
  const one = await startHexlinkServer(1, redisUrl);
  track(one);
  const oneVsCluster = await compareFigures(
    "hexlink 1 process, redis, clicks on (vs bare cluster of 2)",
    bareCluster,
    one,
  );
  const oneVsBare = await compareFigures(
    "hexlink 1 process, redis, clicks on (vs bare 1 process)",
    bare,
    one,
  );
  await stopChild(one.child);
  await stopChild(bareCluster.child);
  const gain = (a: number, b: number) => (a / b).toFixed(2);
  return {
    rows: [pair.row, oneVsCluster.row, oneVsBare.row],
    notes: [
      `workers: hexlink --workers 2 ÷ hexlink 1 process: ${gain(pair.rps, oneVsCluster.rps)}× req/s; bare cluster of 2 ÷ bare 1 process: ${gain(pair.bareRps, oneVsBare.bareRps)}× req/s`,
    ],
  };
}
