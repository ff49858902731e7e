import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { exportChunks } from "../src/adapters/csv/link-export-format.js";
import { EXPORT_COLUMNS, exportRecords } from "../src/adapters/express/v1/link-export-json.js";
import { redisStores } from "../src/adapters/redis/index.js";
import { createHexlink } from "../src/bootstrap/create-hexlink.js";
import type { Link } from "../src/domain/link/link.js";
import { startRedisServer } from "../test/support/redis-server.js";

// Peak RSS of one process exporting BENCH_EXPORT_LINKS links (1,000,000) from Redis as CSV (spec §9: in
// constant memory). The links are written straight through the repository's createMany, 1,000 at a time;
// the process's peak RSS is read once they are stored and again after the export.
const LINKS = Number(process.env.BENCH_EXPORT_LINKS ?? 1_000_000);

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  // A throwaway redis-server unless BENCH_REDIS_URL names one.
  const own = process.env.BENCH_REDIS_URL === undefined ? await startRedisServer() : undefined;
  const url = process.env.BENCH_REDIS_URL ?? own?.url ?? "";
  try {
    await exportFrom(url);
  } finally {
    await own?.stop();
  }
}

async function exportFrom(url: string): Promise<void> {
  // A long command timeout: on a loaded machine a pipeline of 1,000 scripts may take seconds to seed.
  const stores = redisStores({ url, prefix: "bench-export:", commandTimeoutMs: 60_000 });
  const hexlink = await createHexlink({ stores, clickSink: { record: () => {} } });
  try {
    // One millisecond apart, as links made over time are (a tie group is read whole by the listing).
    const first = Date.now() - LINKS;
    for (let start = 0; start < LINKS; start += 1000) {
      const batch: Link[] = [];
      for (let n = start; n < Math.min(start + 1000, LINKS); n++) {
        batch.push({
          id: `lnk_${String(n).padStart(21, "0")}`,
          accountId: "bench",
          domain: "sho.rt",
          slug: `x${n}`,
          destination: `https://example.com/export/${n}`,
          status: "active",
          passwordHash: null,
          expiresAt: null,
          maxClicks: null,
          title: null,
          tags: [],
          rules: [],
          variants: [],
          clickCount: 0,
          createdAt: new Date(first + n),
          updatedAt: new Date(first + n),
        });
      }
      await stores.links.createMany(batch);
    }
    const before = peakMiB();
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const started = performance.now();
    const links = hexlink.exportLinks.execute({ accountId: "bench" });
    await pipeline(Readable.from(exportChunks(exportRecords(links), "csv", EXPORT_COLUMNS)), sink);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `| GET /v1/links/export's stream, ${LINKS.toLocaleString("en")} links from Redis, CSV, in its own process | ${seconds.toFixed(0)} s, ${(bytes / 2 ** 20).toFixed(0)} MiB written; peak RSS ${before.toFixed(0)} MiB before the export, ${peakMiB().toFixed(0)} MiB after |`,
    );
  } finally {
    await hexlink.close();
  }
}

await main();
