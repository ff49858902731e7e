import { execFile } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { promisify } from "node:util";
import { startRedisServer } from "../test/support/redis-server.js";
import { type BenchChild, startChild, stopChild } from "./children.js";
import { HAVE_WRK } from "./load.js";
import { pairedRows } from "./paired.js";
import { CONNECTIONS, clickCheck, compare, createRow, SETTINGS } from "./redirects.js";
import { startupRows } from "./startup.js";
import { tagListingRows } from "./tag-listing.js";
import { webhookRows } from "./webhooks.js";
import { workersRows } from "./workers.js";

// Every figure of docs/benchmarks.md. BENCH_ONLY=redirect,rules,create,flood,heap,bulk,startup,tags,workers,paired picks
// sections (all by default); BENCH_DURATION and BENCH_ROUNDS size the HTTP rounds, BENCH_LINKS the heap run,
// BENCH_BUILD=0 skips the build before the start-up run. BENCH_ONLY=qr runs the QR floods alone;
// BENCH_QR_INLINE=1 draws QR codes on the server's event loop, as before the worker, for comparison.
// BENCH_ONLY=webhooks compares redirects with and without a clicks.recorded webhook to a local receiver, and
// reports the items delivered per second.
const INLINE_QR = process.env.BENCH_QR_INLINE === "1";
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "redirect,rules,create,flood,heap,bulk,startup,tags,workers,paired").split(","),
);
const run = promisify(execFile);

interface Target {
  readonly label: string;
  readonly store: "memory" | "redis";
  readonly clicks: "on" | "off";
}

const TARGETS: readonly Target[] = [
  { label: "hexlink redirect, memory, clicks off", store: "memory", clicks: "off" },
  { label: "hexlink redirect, memory, clicks on", store: "memory", clicks: "on" },
  { label: "hexlink redirect, redis, clicks on", store: "redis", clicks: "on" },
];

async function main(): Promise<void> {
  if (!HAVE_WRK) throw new Error("the benchmark needs wrk (apt-get install wrk)");
  const children: BenchChild[] = [];
  const redis = await startRedisServer();
  const rows: string[] = [];
  const checks: string[] = [];
  const loads: string[] = [loadNow()];
  const tagRows: string[] = [];
  try {
    if (ONLY.has("tags")) tagRows.push(...(await tagListingRows(redis.url)));
    const bare = await startChild("bench/servers/bare.ts");
    children.push(bare);
    if (ONLY.has("workers")) {
      const workers = await workersRows(redis.url, bare, (child) => children.push(child));
      rows.push(...workers.rows);
      checks.push(...workers.notes);
    }
    if (ONLY.has("webhooks")) {
      const webhooks = await webhookRows(bare);
      rows.push(...webhooks.rows);
      checks.push(...webhooks.checks);
    }
    // The redirect targets' servers only for the sections that load them.
    const ownOnly = !["redirect", "rules", "create", "flood", "qr"].some((name) => ONLY.has(name));
    for (const target of ownOnly ? [] : TARGETS) {
      const env = { BENCH_STORE: target.store, BENCH_CLICKS: target.clicks, BENCH_REDIS_URL: redis.url };
      const server = await startChild("bench/servers/hexlink.ts", env);
      children.push(server);
      if (ONLY.has("redirect")) {
        rows.push(await compare(target.label, bare, server));
        if (target.clicks === "on") checks.push(await clickCheck(`${target.store}`, server.port));
      }
      if (ONLY.has("rules") && target.store === "memory" && target.clicks === "on") {
        // The same visit on a link with 10 redirect rules that it fails one by one (query, language, country,
        // IP, device, OS, browser, dates): the worst case of the rules, then the link's own URL.
        const label = `${target.label}, link with 10 rules (none matching)`;
        rows.push(await compare(label, bare, server, undefined, "/bench-rules"));
      }
      if ((ONLY.has("flood") || ONLY.has("qr")) && target.store === "memory" && target.clicks === "on") {
        const qr = { path: "/bench/qr?format=png&size=512", connections: 4 };
        const label = `${target.label}${INLINE_QR ? " (QR drawn on the event loop, as before)" : ""}`;
        rows.push(await compare(`${label}, under a QR flood (4 connections)`, bare, server, qr));
        const qrMisses = { path: "/", connections: 4, script: "bench/qr-flood.lua" };
        const missLabel = `${label}, under a QR flood missing the cache (4 connections, 1000 PNGs)`;
        rows.push(await compare(missLabel, bare, server, qrMisses));
      }
      if (ONLY.has("flood") && target.store === "memory" && target.clicks === "on") {
        const creates = { path: "/v1/links", connections: 4, script: "bench/post-link.lua" };
        rows.push(
          await compare(`${target.label}, under a create flood (4 connections)`, bare, server, creates),
        );
      }
      if (ONLY.has("create") && target.clicks === "on")
        rows.push(await createRow(`v1 create link, ${target.store}`, server.port));
      loads.push(loadNow());
      await stopChild(server.child);
    }
  } finally {
    for (const { child } of children) await stopChild(child);
    await redis.stop();
  }
  const other: string[] = [...tagRows];
  if (ONLY.has("heap")) {
    const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", "bench/heap.ts"]);
    const [name, figure] = stdout.trim().split(": ");
    other.push(`| ${name} | ${figure} |`);
  }
  if (ONLY.has("bulk")) {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "bench/bulk.ts"], {
      maxBuffer: 1 << 20,
    });
    other.push(...stdout.trim().split("\n"));
    const rss = await run(process.execPath, ["--import", "tsx", "bench/export-rss.ts"], {
      maxBuffer: 1 << 20,
    });
    other.push(rss.stdout.trim());
  }
  // Its own server, after the others stopped: paired A/Bs of metrics and of rules (bench/paired.ts).
  if (ONLY.has("paired")) other.push(...(await pairedRows()));
  if (ONLY.has("startup"))
    other.push(...(await startupRows().catch((error) => [`| start-up: ${error} | |`])));
  loads.push(loadNow());
  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(`load average (1 min) during the run: ${loads.join(", ")}`);
  console.log(`load: wrk -t1, ${CONNECTIONS} connections, ${SETTINGS}\n`);
  if (rows.length > 0) {
    console.log(
      "| target | req/s | p99 ms | bare node:http req/s | bare p99 ms | ratio to bare | CPU ratio (bare µs/req ÷ target's) |",
    );
    console.log("|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
    console.log("");
  }
  for (const check of checks) console.log(check);
  if (other.length > 0) {
    console.log("\n| measurement | figure |\n|---|---|");
    for (const row of other) console.log(row);
  }
}

function loadNow(): string {
  return (loadavg()[0] ?? 0).toFixed(1);
}

await main();
