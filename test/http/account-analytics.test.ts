/** `GET /v1/analytics`: clicks of the whole account, or of a tag or domain, with top links; accounts apart. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { accountAnalyticsJson } from "../../src/adapters/express/v1/analytics-json.js";
import { mongoStores } from "../../src/adapters/mongodb/mongo-stores.js";
import { FixedClock } from "../support/fixed-clock.js";
import {
  ApiClient,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
  type V1Link,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { realMongoUrl } from "../support/mongo-server.js";
import { memoryAndRedisStores, type StoreVariant } from "../support/store-variants.js";

type AccountAnalytics = ReturnType<typeof accountAnalyticsJson>;

const KEY = "hxk_account_analytics_key_01";
const RIVAL_KEY = "hxk_account_analytics_rival_1";
const TODAY = "2026-03-15";
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
// The analytics fields of a link's (§3, with §8's targets) but link_id, and top_links (§7).
const FIELDS =
  "start end total_clicks unique_clicks bot_clicks timeseries devices os browsers countries referrers targets top_links".split(
    " ",
  );

const STORES: readonly StoreVariant[] = [
  ...memoryAndRedisStores("account-analytics"),
  // A real MongoDB only: the stand-in cannot store clicks (see STANDIN_GAPS).
  {
    name: "MongoDB (MONGODB_URL)",
    stores: async () =>
      mongoStores({ url: realMongoUrl() ?? "", dbName: `hexlink_account_${randomBytes(6).toString("hex")}` }),
    skip: realMongoUrl() === undefined,
  },
];

describe.each(STORES)("GET /v1/analytics ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let clock: FixedClock;
  let api: ApiClient;
  let rival: ApiClient;
  let links: Record<"alpha" | "beta" | "gamma" | "theirs", V1Link>;

  async function follow(link: V1Link, times: number): Promise<void> {
    for (let index = 0; index < times; index += 1) {
      const response = await httpRequest(`${server.url}/${link.slug}`, { headers: { "user-agent": CHROME } });
      expect(response.status).toBe(302);
    }
  }

  async function analytics(client: ApiClient, query = ""): Promise<AccountAnalytics> {
    const response = await client.get<{ success: boolean; analytics: AccountAnalytics }>(
      `/v1/analytics?start=2026-03-01&end=${TODAY}${query}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.success).toBe(true);
    return response.body.analytics;
  }

  const top = (result: AccountAnalytics) => result.top_links.map((entry) => [entry.id, entry.clicks]);
  /** Most clicks first, ties by id: the order top_links follows. */
  const ranked = (entries: [string, number][]) =>
    [...entries].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));

  beforeAll(async () => {
    if (skip) return;
    clock = new FixedClock(`${TODAY}T12:00:00.000Z`);
    const bundle = await stores();
    server = await startServer({
      apiKeys: [
        { accountId: "acme", key: KEY },
        { accountId: "rival", key: RIVAL_KEY },
      ],
      settings: { rateLimits: RELAXED_LIMITS },
      ports: { clock },
      ...(bundle === undefined ? {} : { stores: bundle }),
    });
    api = new ApiClient(server.url, KEY);
    rival = new ApiClient(server.url, RIVAL_KEY);
    links = {
      alpha: await api.createLink({ url: "https://example.com/a", tags: ["red"] }),
      beta: await api.createLink({ url: "https://example.com/b", tags: ["red", "blue"] }),
      gamma: await api.createLink({ url: "https://example.com/c" }),
      theirs: await rival.createLink({ url: "https://example.com/r", tags: ["red"] }),
    };
    clock.set("2026-03-14T10:00:00.000Z");
    await follow(links.alpha, 2);
    clock.set(`${TODAY}T12:00:00.000Z`);
    await follow(links.alpha, 1);
    await follow(links.beta, 2);
    await follow(links.gamma, 1);
    await follow(links.theirs, 4);
    await server.hexlink.flushClicks();
  });

  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(skip)(
    "answers the analytics body without link_id, plus top_links, for all the account's links",
    async () => {
      const result = await analytics(api);
      expect(Object.keys(result).sort()).toEqual([...FIELDS].sort());
      expect(result).toMatchObject({
        start: "2026-03-01",
        end: TODAY,
        total_clicks: 6,
        bot_clicks: 0,
        devices: [{ name: "Desktop", clicks: 6 }],
        browsers: [{ name: "Chrome", clicks: 6 }],
        referrers: [{ name: "Direct", clicks: 6 }],
        // Across links, targets count by name only.
        targets: [{ name: "default", url: null, clicks: 6 }],
      });
      expect(result.timeseries).toHaveLength(15);
      expect(result.timeseries.slice(-2)).toEqual([
        { date: "2026-03-14", clicks: 2 },
        { date: TODAY, clicks: 4 },
      ]);
      // One client, salted per day: a visitor on each of two days.
      expect(result.unique_clicks).toBe(2);
      expect(result.top_links).toEqual([
        { id: links.alpha.id, short_url: links.alpha.short_url, clicks: 3 },
        { id: links.beta.id, short_url: links.beta.short_url, clicks: 2 },
        { id: links.gamma.id, short_url: links.gamma.short_url, clicks: 1 },
      ]);
    },
  );

  it.skipIf(skip)("narrows to one tag or one domain, and never shows another account's clicks", async () => {
    const red = await analytics(api, "&tag=RED");
    expect(red.total_clicks).toBe(5);
    expect(top(red)).toEqual([
      [links.alpha.id, 3],
      [links.beta.id, 2],
    ]);
    expect((await analytics(api, "&tag=blue")).total_clicks).toBe(2);
    expect((await analytics(api, "&tag=unused")).total_clicks).toBe(0);
    const domain = await analytics(api, `&domain=${encodeURIComponent(links.alpha.domain.toUpperCase())}`);
    expect(domain.total_clicks).toBe(6);
    expect((await analytics(api, "&domain=elsewhere.test")).top_links).toEqual([]);

    const theirs = await analytics(rival, "&tag=red");
    expect(theirs.total_clicks).toBe(4);
    expect(top(theirs)).toEqual([[links.theirs.id, 4]]);
  });

  it.skipIf(skip)(
    "a tag moved onto a link counts its clicks from then on; deleted links leave top_links only",
    async () => {
      const patched = await api.patch(`/v1/links/${links.gamma.id}`, { tags: ["red"] });
      expect(patched.status).toBe(200);
      await follow(links.gamma, 2);
      await server.hexlink.flushClicks();
      const red = await analytics(api, "&tag=red");
      expect(red.total_clicks).toBe(7);
      expect(top(red)).toEqual(
        ranked([
          [links.alpha.id, 3],
          [links.beta.id, 2],
          [links.gamma.id, 2],
        ]),
      );
      expect((await api.delete(`/v1/links/${links.beta.id}`)).status).toBe(200);
      const all = await analytics(api);
      expect(all.total_clicks).toBe(8);
      expect(top(all)).toEqual(
        ranked([
          [links.alpha.id, 3],
          [links.gamma.id, 3],
        ]),
      );
    },
  );

  it.skipIf(skip)("refuses a bad tag, tag with domain, or a bad range, with their codes", async () => {
    expectV1Error(await api.get("/v1/analytics?tag=no%20spaces"), "invalid_request");
    expectV1Error(await api.get("/v1/analytics?tag=red&domain=sho.rt"), "invalid_request");
    expectV1Error(await api.get("/v1/analytics?start=2026-03-10&end=2026-03-01"), "invalid_date_range");
    expectV1Error(await api.get("/v1/analytics?link=x"), "invalid_request");
    expectV1Error(await new ApiClient(server.url, "hxk_nobody").get("/v1/analytics"), "unauthorized");
  });

  it.skipIf(skip)("needs analytics:read; a domain-limited key reads one of its domains only", async () => {
    const made = await api.post<{ secret: string }>("/v1/keys", {
      name: "links only",
      scopes: ["links:read"],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expectV1Error(await new ApiClient(server.url, made.body.secret).get("/v1/analytics"), "forbidden");
    const host = new URL(server.url).hostname;
    const limited = await api.post<{ secret: string }>("/v1/keys", {
      name: "one domain",
      scopes: ["analytics:read", "links:read"],
      domains: [host],
    });
    expect(limited.status, JSON.stringify(limited.body)).toBe(201);
    const client = new ApiClient(server.url, limited.body.secret);
    expectV1Error(await client.get("/v1/analytics"), "forbidden");
    expectV1Error(await client.get("/v1/tags"), "forbidden");
    const domain = encodeURIComponent(links.alpha.domain);
    const response = await client.get<{ analytics: AccountAnalytics }>(
      `/v1/analytics?start=2026-03-01&domain=${domain}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.analytics.total_clicks).toBe((await analytics(api)).total_clicks);
  });
});
