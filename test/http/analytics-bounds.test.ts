import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { analyticsJson } from "../../src/adapters/express/v1/analytics-json.js";
import { mongoStores } from "../../src/adapters/mongodb/mongo-stores.js";
import { OVERFLOW_VALUE } from "../../src/domain/click/click.js";
import { LISTED_VALUES_PER_DIMENSION } from "../../src/domain/click/click-counts.js";
import { STORED_VALUES_PER_DIMENSION } from "../../src/domain/click/stored-value.js";
import { DEFAULT_NOW, FixedClock } from "../support/fixed-clock.js";
import { ApiClient, httpRequest, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { realMongoUrl } from "../support/mongo-server.js";
import { memoryAndRedisStores, type StoreVariant } from "../support/store-variants.js";

type Analytics = ReturnType<typeof analyticsJson>;

const KEY = "hxk_analytics_bounds_key_0001";
const TODAY = DEFAULT_NOW.slice(0, 10);
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
/** Unique Referer headers an anonymous client sends, one redirect each. */
const SPAM = 1000;
/** Clicks from one real referrer, sent first: it keeps its slot and tops the list. */
const NEWS = 20;
const TOTAL = NEWS + SPAM;

const STORES: readonly StoreVariant[] = [
  ...memoryAndRedisStores("bounds"),
  // A real MongoDB only: the stand-in cannot store clicks (see STANDIN_GAPS).
  {
    name: "MongoDB (MONGODB_URL)",
    stores: async () =>
      mongoStores({ url: realMongoUrl() ?? "", dbName: `hexlink_bounds_${randomBytes(6).toString("hex")}` }),
    skip: realMongoUrl() === undefined,
  },
];

async function follow(server: RunningServer, slug: string, referer: string): Promise<void> {
  const response = await httpRequest(`${server.url}/${slug}`, { headers: { "user-agent": CHROME, referer } });
  expect(response.status).toBe(302);
}

const sum = (entries: readonly { clicks: number }[]) => entries.reduce((all, entry) => all + entry.clicks, 0);

describe.each(STORES)("analytics values stay bounded under unique referrers ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let link: V1Link;
  let analytics: Analytics;

  beforeAll(async () => {
    if (skip) return;
    server = await startServer({
      stores: await stores(),
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS },
      ports: { clock: new FixedClock() },
    });
    const api = new ApiClient(server.url, KEY);
    link = await api.createLink({ url: "https://example.com/bounded", custom_slug: "bounded" });
    for (let index = 0; index < NEWS; index += 1) await follow(server, link.slug, "https://news.example/a");
    // Flushed apart, so that the real referrer is stored before the flood.
    await server.hexlink.flushClicks();
    for (let from = 0; from < SPAM; from += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          follow(server, link.slug, `https://r${from + index}.spam.example/?q=${from + index}`),
        ),
      );
    }
    await server.hexlink.flushClicks();
    const response = await api.get<{ analytics: Analytics }>(`/v1/links/${link.id}/analytics`);
    expect(response.status).toBe(200);
    analytics = response.body.analytics;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(skip)("stores at most the cap of referrers for the day, the rest under Other", async () => {
    const counts = await server.hexlink.stores.clicks.query(link.id, { start: TODAY, end: TODAY });
    const referrers = counts.dimensions.get("referrer") ?? new Map<string, number>();
    expect(referrers.size).toBe(STORED_VALUES_PER_DIMENSION + 1);
    expect(referrers.get("news.example")).toBe(NEWS);
    expect(referrers.get(OVERFLOW_VALUE)).toBe(TOTAL - STORED_VALUES_PER_DIMENSION - (NEWS - 1));
    expect([...referrers.values()].reduce((all, count) => all + count, 0)).toBe(TOTAL);
  });

  it.skipIf(skip)("lists at most the bound of referrers in the analytics response, sums exact", () => {
    expect(analytics.total_clicks).toBe(TOTAL);
    expect(analytics.referrers).toHaveLength(LISTED_VALUES_PER_DIMENSION);
    expect(analytics.referrers[0]).toEqual({ name: OVERFLOW_VALUE, clicks: TOTAL - NEWS - 98 });
    expect(analytics.referrers[1]).toEqual({ name: "news.example", clicks: NEWS });
    for (const list of [analytics.referrers, analytics.devices, analytics.os, analytics.browsers]) {
      expect(sum(list)).toBe(TOTAL);
    }
    expect(JSON.stringify(analytics).length).toBeLessThan(10_000);
  });

  it.skipIf(skip)("shows at most the bound of referrers on the public tracking page", async () => {
    const page = await httpRequest(`${server.url}/t/${link.id}`);
    expect(page.status).toBe(200);
    // Each breakdown's table lists its entries once; the chart above it repeats a few of them.
    const spamRows = page.body.match(/<td class="name">r\d+\.spam\.example<\/td>/g) ?? [];
    expect(spamRows.length).toBe(LISTED_VALUES_PER_DIMENSION - 2);
    expect(page.body).toContain('<td class="name">news.example</td>');
    expect(page.body).toContain(`<td class="name">${OVERFLOW_VALUE}</td>`);
    expect(page.body.length).toBeLessThan(100_000);
  });
});
