import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { analyticsJson } from "../../src/adapters/express/v1/analytics-json.js";
import { FixedClock } from "../support/fixed-clock.js";
import {
  ApiClient,
  expectV1Error,
  httpRequest,
  RELAXED_LIMITS,
  type V1Link,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { onMongoStore } from "../support/http-store.js";
import { memoryAndRedisStores, type StoreVariant } from "../support/store-variants.js";
import { corpusAgent as agent } from "../unit/adapters/classify/user-agent-corpus.js";

type Analytics = ReturnType<typeof analyticsJson>;

const KEY = "hxk_redirect_rules_key_0001";

const DESKTOP_CHROME = agent("Desktop", "Windows", "Chrome");
const IPHONE_SAFARI = agent("Mobile", "iOS", "Safari");
const IPAD_CHROME = agent("Tablet", "iOS", "Chrome");
const ANDROID_CHROME = agent("Mobile", "Android", "Chrome");

// On MongoDB (the mongodb/ copy of this file) the default store is MongoDB; here memory and Redis.
const STORES: readonly StoreVariant[] = onMongoStore()
  ? [{ name: "MongoDB", stores: async () => undefined, skip: false }]
  : memoryAndRedisStores("rules");

/** One rule per condition type, in an order where each visit below meets exactly one of them first. */
const RULES = [
  { if: { query: { promo: "spring" } }, url: "https://query.example/" },
  { if: { ip: ["198.51.100.0/24", "2001:DB8::/32"] }, url: "https://ip.example/" },
  { if: { country: ["fr"] }, url: "https://fr.example/" },
  { if: { language: ["DE"] }, url: "https://de.example/" },
  { if: { device: ["tablet"] }, url: "https://tablet.example/" },
  { if: { os: ["android"] }, url: "https://android.example/" },
  { if: { browser: ["Safari"] }, url: "https://safari.example/" },
  { if: { before: "2026-01-01T00:00:00Z" }, url: "https://past.example/" },
  {
    if: { after: "2026-03-01T00:00:00+01:00", before: "2026-04-01T00:00:00Z" },
    url: "https://march.example/",
  },
];

/** A visitor: a desktop Chrome from a plain address, unless the case changes something. */
const BASE = { "user-agent": DESKTOP_CHROME, "x-forwarded-for": "203.0.113.9" };

const VISITS: readonly {
  name: string;
  query?: string;
  headers: Record<string, string>;
  to: string;
  target: string;
}[] = [
  {
    name: "query",
    query: "?promo=spring",
    headers: {},
    to: "https://query.example/?promo=spring",
    target: "rule:1",
  },
  {
    name: "ip (IPv4)",
    headers: { "x-forwarded-for": "198.51.100.7" },
    to: "https://ip.example/",
    target: "rule:2",
  },
  {
    name: "ip (IPv6)",
    headers: { "x-forwarded-for": "2001:db8::5" },
    to: "https://ip.example/",
    target: "rule:2",
  },
  { name: "country", headers: { "cf-ipcountry": "FR" }, to: "https://fr.example/", target: "rule:3" },
  {
    name: "language",
    headers: { "accept-language": "de-DE, en;q=0.8" },
    to: "https://de.example/",
    target: "rule:4",
  },
  { name: "device", headers: { "user-agent": IPAD_CHROME }, to: "https://tablet.example/", target: "rule:5" },
  { name: "os", headers: { "user-agent": ANDROID_CHROME }, to: "https://android.example/", target: "rule:6" },
  {
    name: "browser",
    headers: { "user-agent": IPHONE_SAFARI },
    to: "https://safari.example/",
    target: "rule:7",
  },
  { name: "after and before", headers: {}, to: "https://march.example/", target: "rule:9" },
];

async function follow(server: RunningServer, slug: string, headers: Record<string, string>, query = "") {
  return httpRequest(`${server.url}/${slug}${query}`, { headers: { ...BASE, ...headers } });
}

describe.each(STORES)("redirect rules and split tests ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let api: ApiClient;
  let ruled: V1Link;

  beforeAll(async () => {
    if (skip) return;
    server = await startServer({
      stores: await stores(),
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS },
      ports: { clock: new FixedClock() },
      clickRecording: { trustProxy: true },
      http: { trustProxy: "loopback" },
    });
    api = new ApiClient(server.url, KEY);
    ruled = await api.createLink({ url: "https://example.com/default", custom_slug: "ruled", rules: RULES });
  });

  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(skip)("shows the rules canonical in the link object, on create and on read", async () => {
    expect(ruled.rules).toEqual([
      { if: { query: { promo: "spring" } }, url: "https://query.example/" },
      { if: { ip: ["198.51.100.0/24", "2001:db8::/32"] }, url: "https://ip.example/" },
      { if: { country: ["FR"] }, url: "https://fr.example/" },
      { if: { language: ["de"] }, url: "https://de.example/" },
      { if: { device: ["Tablet"] }, url: "https://tablet.example/" },
      { if: { os: ["android"] }, url: "https://android.example/" },
      { if: { browser: ["Safari"] }, url: "https://safari.example/" },
      { if: { before: "2026-01-01T00:00:00.000Z" }, url: "https://past.example/" },
      {
        if: { after: "2026-02-28T23:00:00.000Z", before: "2026-04-01T00:00:00.000Z" },
        url: "https://march.example/",
      },
    ]);
    expect(ruled.variants).toEqual([]);
    const read = await api.get<{ link: V1Link }>(`/v1/links/${ruled.id}`);
    expect(read.body.link).toEqual(ruled);
  });

  it.skipIf(skip).each(VISITS)(
    "$name: a matching visit goes to its rule's URL, never cached",
    async (visit) => {
      const response = await follow(server, ruled.slug, visit.headers, visit.query);
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(visit.to);
      expect(response.headers["cache-control"]).toBe("private, no-cache");
    },
  );

  it.skipIf(skip)("a visit no rule matches goes to the link's URL", async () => {
    const later = await api.createLink({
      url: "https://example.com/later",
      rules: [{ if: { after: "2027-01-01T00:00:00Z" }, url: "https://2027.example/" }],
    });
    const response = await follow(server, later.slug, {});
    expect(response.headers.location).toBe("https://example.com/later");
  });

  it.skipIf(skip)(
    "counts the clicks of each rule and shows them in analytics and on the tracking page",
    async () => {
      const counted = await api.createLink({ url: "https://example.com/counted", rules: RULES });
      for (const visit of VISITS) await follow(server, counted.slug, visit.headers, visit.query);
      await server.hexlink.flushClicks();
      const response = await api.get<{ analytics: Analytics }>(`/v1/links/${counted.id}/analytics`);
      expect(response.status).toBe(200);
      const byName = Object.fromEntries(response.body.analytics.targets.map((t) => [t.name, t]));
      expect(byName["rule:2"]).toEqual({ name: "rule:2", url: "https://ip.example/", clicks: 2 });
      for (const name of ["rule:1", "rule:3", "rule:4", "rule:5", "rule:6", "rule:7", "rule:9"]) {
        expect(byName[name]?.clicks, name).toBe(1);
      }
      expect(byName["rule:8"]).toEqual({ name: "rule:8", url: "https://past.example/", clicks: 0 });
      expect(byName.default).toEqual({ name: "default", url: "https://example.com/counted", clicks: 0 });
      expect(response.body.analytics.targets[0]?.name).toBe("rule:2");
      const page = await httpRequest(`${server.url}/t/${counted.id}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain("Targets: rules, variants and default");
      expect(page.body).toMatch(
        /<td class="name">rule:2<\/td><td class="break"><a href="https:\/\/ip\.example\/"/,
      );
    },
  );

  it.skipIf(skip)("splits visitors by weight, each keeping one variant for the day", async () => {
    const split = await api.createLink({
      url: "https://example.com/split",
      variants: [
        { url: "https://a.example/", weight: 20 },
        { url: "https://b.example/", weight: 80 },
      ],
    });
    expect(split.variants).toEqual([
      { url: "https://a.example/", weight: 20 },
      { url: "https://b.example/", weight: 80 },
    ]);
    const visitors = 400;
    const first = new Map<number, string | undefined>();
    for (let from = 0; from < visitors; from += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          follow(server, split.slug, { "x-forwarded-for": `10.7.${(from + i) >> 8}.${(from + i) & 255}` }),
        ),
      );
      for (const [i, answer] of answers.entries()) first.set(from + i, answer.headers.location);
    }
    const toA = [...first.values()].filter((location) => location === "https://a.example/").length;
    const toB = [...first.values()].filter((location) => location === "https://b.example/").length;
    expect(toA + toB).toBe(visitors);
    // 20% of 400 is 80; four standard deviations (8 each) either side.
    expect(toA).toBeGreaterThan(48);
    expect(toA).toBeLessThan(112);
    for (let i = 0; i < 40; i++) {
      const again = await follow(server, split.slug, { "x-forwarded-for": `10.7.${i >> 8}.${i & 255}` });
      expect(again.headers.location).toBe(first.get(i));
    }
  });

  it.skipIf(skip)("counts the clicks of each variant in analytics", async () => {
    const split = await api.createLink({
      url: "https://example.com/split-counted",
      variants: [
        { url: "https://a.example/", weight: 50 },
        { url: "https://b.example/", weight: 50 },
      ],
    });
    const locations: (string | undefined)[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = await follow(server, split.slug, { "x-forwarded-for": `10.8.0.${i}` });
      locations.push(answer.headers.location);
    }
    const toA = locations.filter((location) => location === "https://a.example/").length;
    await server.hexlink.flushClicks();
    const response = await api.get<{ analytics: Analytics }>(`/v1/links/${split.id}/analytics`);
    expect(response.body.analytics.targets).toEqual(
      [
        { name: "variant:1", url: "https://a.example/", clicks: toA },
        { name: "variant:2", url: "https://b.example/", clicks: 30 - toA },
      ].sort((a, b) => b.clicks - a.clicks),
    );
  });

  it.skipIf(skip)("PATCH replaces rules and variants; null or [] removes them", async () => {
    const link = await api.createLink({ url: "https://example.com/patched", rules: RULES.slice(0, 2) });
    const replaced = await api.patch<{ link: V1Link }>(`/v1/links/${link.id}`, {
      rules: [{ if: { country: ["US"] }, url: "https://us.example/" }],
      variants: [
        { url: "https://a.example/", weight: 50 },
        { url: "https://b.example/", weight: 50 },
      ],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.link.rules).toEqual([{ if: { country: ["US"] }, url: "https://us.example/" }]);
    expect((await follow(server, link.slug, { "cf-ipcountry": "US" })).headers.location).toBe(
      "https://us.example/",
    );
    const removed = await api.patch<{ link: V1Link }>(`/v1/links/${link.id}`, { rules: null, variants: [] });
    expect(removed.body.link).toMatchObject({ rules: [], variants: [] });
    const plain = await follow(server, link.slug, { "cf-ipcountry": "US" });
    expect(plain.headers.location).toBe("https://example.com/patched");
  });

  it.skipIf(skip).each([
    [
      "an unknown condition",
      { rules: [{ if: { city: ["Paris"] }, url: "https://a.example/" }] },
      "invalid_request",
    ],
    ["a rule without conditions", { rules: [{ if: {}, url: "https://a.example/" }] }, "invalid_request"],
    [
      "a bad CIDR",
      { rules: [{ if: { ip: ["10.0.0.0/99"] }, url: "https://a.example/" }] },
      "invalid_request",
    ],
    ["a bad date", { rules: [{ if: { after: "yesterday" }, url: "https://a.example/" }] }, "invalid_request"],
    [
      "26 rules",
      { rules: Array.from({ length: 26 }, () => ({ if: { country: ["US"] }, url: "https://a.example/" })) },
      "invalid_request",
    ],
    [
      "weights summing to 90",
      {
        variants: [
          { url: "https://a.example/", weight: 40 },
          { url: "https://b.example/", weight: 50 },
        ],
      },
      "invalid_request",
    ],
    ["one variant", { variants: [{ url: "https://a.example/", weight: 100 }] }, "invalid_request"],
    [
      "a rule URL that loops",
      { rules: [{ if: { country: ["US"] }, url: "URL_OF_SERVER" }] },
      "invalid_destination",
    ],
    [
      "a variant URL that is not http(s)",
      {
        variants: [
          { url: "javascript:alert(1)", weight: 50 },
          { url: "https://b.example/", weight: 50 },
        ],
      },
      "invalid_destination",
    ],
  ] as const)("refuses %s with %s, on create and on update", async (_, fields, code) => {
    const body = JSON.parse(JSON.stringify(fields).replace("URL_OF_SERVER", `${server.url}/x`)) as object;
    expectV1Error(await api.post("/v1/links", { url: "https://example.com/", ...body }), code);
    expectV1Error(await api.patch(`/v1/links/${ruled.id}`, body), code);
    expect((await api.get<{ link: V1Link }>(`/v1/links/${ruled.id}`)).body.link.rules).toHaveLength(
      RULES.length,
    );
  });

  it.skipIf(skip)("the client API ignores rules: its answers keep their fields", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/client/api${path}`, {
        method: "POST",
        headers: { authorization: KEY, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(
        async (response) => (await response.json()) as { success: boolean; body: Record<string, unknown> },
      );
    const plain = await api.createLink({ url: "https://example.com/plain" });
    const ofRuled = await post("/url/get", { short_url: ruled.short_url });
    const ofPlain = await post("/url/get", { short_url: plain.short_url });
    expect(ofRuled.success).toBe(true);
    expect(Object.keys(ofRuled.body).sort()).toEqual(Object.keys(ofPlain.body).sort());
    expect(ofRuled.body.long_url).toBe("https://example.com/default");
  });
});
