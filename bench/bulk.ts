import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { redisStores } from "../src/adapters/redis/index.js";
import { cliMain } from "../src/bootstrap/cli-main.js";
import { ApiClient } from "../test/support/http-client.js";
import { startServer } from "../test/support/http-server.js";
import { startRedisServer } from "../test/support/redis-server.js";
import { median } from "./children.js";

// Bulk figures of docs/benchmarks.md (spec §9): one POST /v1/links/bulk of 1,000 links on Redis (median of
// BENCH_BULK_ROUNDS calls, goal < 250 ms), `hexlink import` of BENCH_IMPORT_ROWS plain-CSV rows into Redis
// (goal < 30 s), and `hexlink export` of those links to /dev/null with the process's peak RSS before and after.
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 7);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const KEY = "hxk_bench_bulk_key_000000001";

async function bulkCreate(redisUrl: string): Promise<string> {
  const server = await startServer({
    stores: redisStores({ url: redisUrl, prefix: "bench-bulk:" }),
    apiKeys: [{ accountId: "bench", key: KEY }],
    settings: { rateLimits: { perSecond: 1000, perHour: 100_000, perMonth: 1_000_000 } },
  });
  try {
    const api = new ApiClient(server.url, KEY);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      const links = Array.from({ length: 1000 }, (_, index) => ({
        url: `https://example.com/${round}/${index}`,
      }));
      const started = performance.now();
      const answer = await api.post<{ results: { ok: boolean }[] }>("/v1/links/bulk", { links });
      const took = performance.now() - started;
      if (answer.status !== 200 || answer.body.results.some((result) => !result.ok)) {
        throw new Error(`bulk create failed: ${answer.status}`);
      }
      if (round > 0) times.push(took); // the first call warms the code paths and scripts
    }
    return `| POST /v1/links/bulk, 1,000 links, Redis (median of ${ROUNDS}; goal < 250 ms) | ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) |`;
  } finally {
    await server.close();
  }
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

async function importAndExport(redisUrl: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "hexlink-bench-"));
  try {
    const file = path.join(dir, "rows.csv");
    const rows = Array.from(
      { length: IMPORT_ROWS },
      (_, index) => `https://example.com/import/${index},imp-${index}`,
    );
    writeFileSync(file, `url,slug\n${rows.join("\n")}\n`);
    const env = { HEXLINK_STORE: "redis", REDIS_URL: `${redisUrl}/3`, HEXLINK_BASE_URL: "https://sho.rt" };
    const quiet = { write: () => true };
    const io = { env, stdout: quiet, stderr: quiet };
    const started = performance.now();
    const code = await cliMain(["import", file, "--from", "csv", "--account", "bench"], io);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`import exited ${code}`);
    const again = performance.now();
    await cliMain(["import", file, "--from", "csv", "--account", "bench"], io);
    const secondRun = (performance.now() - again) / 1000;
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    const exportStarted = performance.now();
    const out = sink();
    const exported = await cliMain(["export", "--account", "bench"], { env, stdout: out, stderr: quiet });
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    if (exported !== 0) throw new Error(`export exited ${exported}`);
    const rssAfter = process.resourceUsage().maxRSS / 1024;
    const rows100k = IMPORT_ROWS.toLocaleString("en");
    return [
      `| hexlink import, ${rows100k} plain-CSV rows into Redis (goal < 30 s) | ${seconds.toFixed(1)} s (${Math.round(IMPORT_ROWS / seconds).toLocaleString("en")} rows/s) |`,
      `| the same import again (every row skipped) | ${secondRun.toFixed(1)} s |`,
      `| hexlink export, ${rows100k} links from Redis, CSV | ${exportSeconds.toFixed(1)} s; peak RSS ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB after |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  try {
    const rows = [await bulkCreate(redis.url), ...(await importAndExport(redis.url))];
    for (const row of rows) console.log(row);
  } finally {
    await redis.stop();
  }
}

await main();
