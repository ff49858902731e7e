import { performance } from "node:perf_hooks";
import { redisStores } from "../src/adapters/redis/redis-stores.js";
import { createHexlink } from "../src/bootstrap/create-hexlink.js";
import type { Link } from "../src/domain/link/link.js";

// A page of one tag out of an account's 100,000 links on Redis, through the ListLinks use case (what
// GET /v1/links?tag= runs): 1 link in 100 has the tag, so the page is read from the tag's sorted set alone.
const LINKS = Number(process.env.BENCH_TAG_LINKS ?? 100_000);
const RARE_EVERY = 100;
const SAMPLES = 200;
const ACCOUNT = "bench-tags";

function linkAt(index: number, created: number): Link {
  const id = `lnk_${index.toString(36).padStart(21, "0")}`;
  return {
    id,
    accountId: ACCOUNT,
    domain: "sho.rt",
    slug: `t${index.toString(36)}`,
    destination: `https://example.com/page/${index}`,
    status: "active",
    passwordHash: null,
    expiresAt: null,
    maxClicks: null,
    title: index % 7 === 0 ? `Campaign ${index}` : null,
    tags: index % RARE_EVERY === 0 ? ["rare", "common"] : ["common"],
    rules: [],
    variants: [],
    clickCount: 0,
    createdAt: new Date(created + index),
    updatedAt: new Date(created + index),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Median and p99 (ms) of `SAMPLES` runs of `list`. */
async function timed(list: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await list();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await list();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `median ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms`;
}

/** The rows of docs/benchmarks.md for tag listing, on the Redis at `url`. */
export async function tagListingRows(url: string): Promise<string[]> {
  const stores = redisStores({ url, prefix: `bench-tags-${Date.now()}:` });
  const hexlink = await createHexlink({ stores, clickSink: { record: () => {} } });
  try {
    const created = Date.UTC(2026, 0, 1);
    for (let from = 0; from < LINKS; from += 500) {
      const batch = Array.from({ length: Math.min(500, LINKS - from) }, (_, i) => linkAt(from + i, created));
      await Promise.all(batch.map((link) => stores.links.create(link)));
    }
    const firstPage = await hexlink.listLinks.execute({ accountId: ACCOUNT, tags: ["rare"] });
    if (firstPage.links.length !== 20) throw new Error(`expected a full page, got ${firstPage.links.length}`);
    const cursor = firstPage.nextCursor ?? undefined;
    const count = LINKS.toLocaleString("en");
    return [
      `| GET /v1/links?tag= page of 20, 1 link in ${RARE_EVERY} tagged, ${count} links, Redis (use case) | ${await timed(() => hexlink.listLinks.execute({ accountId: ACCOUNT, tags: ["rare"] }))} |`,
      `| the same, second page (cursor) | ${await timed(() => hexlink.listLinks.execute({ accountId: ACCOUNT, tags: ["rare"], ...(cursor === undefined ? {} : { cursor }) }))} |`,
      `| the same, two tags (rare and common) | ${await timed(() => hexlink.listLinks.execute({ accountId: ACCOUNT, tags: ["common", "rare"] }))} |`,
      `| GET /v1/links?q= (1 link in 7 titled; bounded window of 500 per request) | ${await timed(() => hexlink.listLinks.execute({ accountId: ACCOUNT, search: "campaign 7" }))} |`,
      `| GET /v1/tags, same account | ${await timed(() => hexlink.listTags.execute({ accountId: ACCOUNT }))} |`,
    ];
  } finally {
    await hexlink.close();
  }
}
