import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { analyticsJson } from "../../src/adapters/express/v1/analytics-json.js";
import { DEFAULT_NOW, FixedClock } from "../support/fixed-clock.js";
import { ApiClient, httpRequest, type RawResponse, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { corpusAgent as agent } from "../unit/adapters/classify/user-agent-corpus.js";

type Analytics = ReturnType<typeof analyticsJson>;
type RequestHeaders = Record<string, string>;

const KEY = "hxk_analytics_clicks_key_0001";
const TODAY = DEFAULT_NOW.slice(0, 10);
const DESTINATION = "https://example.com/landing";

const DESKTOP_CHROME = agent("Desktop", "Windows", "Chrome");
const IPHONE = agent("Mobile", "iOS", "Safari");
const IPAD = agent("Tablet", "iOS", "Chrome");
const ANDROID = agent("Mobile", "Android", "Chrome");
const TV = agent("Other", "Tizen", "Samsung Internet");
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const CURL = "curl/8.5.0";

/** One kind of visit: how many times, with which headers. */
interface Visit {
  readonly times: number;
  readonly headers: RequestHeaders;
}

// The same traffic goes to every server below; only what each server trusts differs.
const TRAFFIC: readonly Visit[] = [
  {
    times: 3,
    headers: { "user-agent": DESKTOP_CHROME, referer: "https://m.facebook.com/x", "cf-ipcountry": "CA" },
  },
  // 77.88.8.8 is in Russia: a trusted CDN's country header wins over the address.
  {
    times: 3,
    headers: {
      "user-agent": DESKTOP_CHROME,
      referer: "https://m.facebook.com/x",
      "cf-ipcountry": "CA",
      "x-forwarded-for": "77.88.8.8",
    },
  },
  { times: 5, headers: { "user-agent": IPHONE, referer: "https://t.co/abc", "x-forwarded-for": "8.8.8.8" } },
  {
    times: 4,
    headers: {
      "user-agent": IPAD,
      referer: "android-app://com.linkedin.android/",
      "x-forwarded-for": "81.2.69.160",
    },
  },
  { times: 2, headers: { "user-agent": ANDROID } },
  { times: 1, headers: { "user-agent": TV, "x-forwarded-for": "10.1.2.3" } },
];
const TRAFFIC_CLICKS = TRAFFIC.reduce((sum, visit) => sum + visit.times, 0);

// What the traffic shows whatever the proxy settings: the user agents and referrers.
const BY_AGENT_AND_REFERRER = {
  total_clicks: 18,
  bot_clicks: 0,
  devices: [
    { name: "Mobile", clicks: 7 },
    { name: "Desktop", clicks: 6 },
    { name: "Tablet", clicks: 4 },
    { name: "Other", clicks: 1 },
  ],
  os: [
    { name: "iOS", clicks: 9 },
    { name: "Windows", clicks: 6 },
    { name: "Android", clicks: 2 },
    { name: "Tizen", clicks: 1 },
  ],
  browsers: [
    { name: "Chrome", clicks: 12 },
    { name: "Safari", clicks: 5 },
    { name: "Samsung Internet", clicks: 1 },
  ],
  referrers: [
    { name: "m.facebook.com", clicks: 6 },
    { name: "t.co", clicks: 5 },
    { name: "com.linkedin.android", clicks: 4 },
    { name: "Direct", clicks: 3 },
  ],
};

const servers: RunningServer[] = [];

async function start(
  options: Parameters<typeof startServer>[0],
): Promise<{ server: RunningServer; api: ApiClient }> {
  const server = await startServer({
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS },
    ports: { clock: new FixedClock() },
    ...options,
  });
  servers.push(server);
  return { server, api: new ApiClient(server.url, KEY) };
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function redirect(server: RunningServer, slug: string, headers: RequestHeaders): Promise<RawResponse> {
  return httpRequest(`${server.url}/${slug}`, { headers });
}

/** Sends every visit of `traffic` at once, and checks each was redirected. */
async function visit(server: RunningServer, slug: string, traffic: readonly Visit[]): Promise<void> {
  const requests = traffic.flatMap(({ times, headers }) =>
    Array.from({ length: times }, () => redirect(server, slug, headers)),
  );
  for (const response of await Promise.all(requests)) {
    expect({ status: response.status, location: response.headers.location }).toEqual({
      status: 302,
      location: DESTINATION,
    });
  }
}

/** The link's analytics after every pending click reached the store. */
async function flushedAnalytics(server: RunningServer, api: ApiClient, id: string): Promise<Analytics> {
  await server.hexlink.flushClicks();
  const response = await api.get<{ analytics: Analytics }>(`/v1/links/${id}/analytics`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.analytics;
}

/** Clicks the timeseries shows on any day but today, the day of every redirect here. */
function clicksBeforeToday(analytics: Analytics): number {
  expect(analytics.end).toBe(TODAY);
  return analytics.timeseries.slice(0, -1).reduce((sum, day) => sum + day.clicks, 0);
}

describe("click analytics after real redirects", () => {
  it.each([
    {
      name: "trusting the proxy (http trustProxy loopback, clickRecording trustProxy)",
      options: { clickRecording: { trustProxy: true }, http: { trustProxy: "loopback" } },
      // Per distinct (client IP, user agent): two desktop clients, then one per other kind of visit.
      unique: 6,
      countries: [
        { name: "Canada", code: "CA", clicks: 6 },
        { name: "United States", code: "US", clicks: 5 },
        { name: "United Kingdom", code: "GB", clicks: 4 },
        // Loopback (the Android visits) and a private address (the TV) have no country.
        { name: "Unknown", code: "ZZ", clicks: 3 },
      ],
    },
    {
      name: "trusting no proxy: CF-IPCountry and X-Forwarded-For are ignored",
      options: {},
      // Every visit comes from 127.0.0.1: one visitor per user agent.
      unique: 5,
      countries: [{ name: "Unknown", code: "ZZ", clicks: 18 }],
    },
    {
      name: "trusting X-Forwarded-For but not the CDN country header",
      options: { http: { trustProxy: "loopback" } },
      unique: 6,
      countries: [
        { name: "Unknown", code: "ZZ", clicks: 6 },
        { name: "United States", code: "US", clicks: 5 },
        { name: "United Kingdom", code: "GB", clicks: 4 },
        { name: "Russia", code: "RU", clicks: 3 },
      ],
    },
  ])("$name: every count is exact and sorted by clicks", async ({ options, unique, countries }) => {
    const { server, api } = await start(options);
    const link = await api.createLink({ url: DESTINATION });
    await visit(server, link.slug, TRAFFIC);
    const analytics = await flushedAnalytics(server, api, link.id);
    expect(analytics).toMatchObject({ ...BY_AGENT_AND_REFERRER, unique_clicks: unique, countries });
    expect(analytics.total_clicks).toBe(TRAFFIC_CLICKS);
    expect(analytics.timeseries.at(-1)?.clicks).toBe(TRAFFIC_CLICKS);
    expect(clicksBeforeToday(analytics)).toBe(0);
  });
});

describe("clicks under load and from bots", () => {
  let server: RunningServer;
  let api: ApiClient;

  beforeAll(async () => {
    // A flush every 5 ms runs while the burst is still arriving.
    ({ server, api } = await start({
      clickRecording: { trustProxy: true, recorder: { flushIntervalMs: 5 } },
      http: { trustProxy: "loopback" },
    }));
  });

  it("200 concurrent redirects on one link are exactly 200 clicks, unique per (IP, user agent)", async () => {
    const n = 200;
    const agents = [DESKTOP_CHROME, IPHONE, ANDROID];
    const link = await api.createLink({ url: DESTINATION });
    const clients = Array.from({ length: n }, (_, index) => ({
      "user-agent": agents[index % agents.length] ?? DESKTOP_CHROME,
      "x-forwarded-for": `8.8.4.${index % 20}`,
    }));
    await visit(
      server,
      link.slug,
      clients.map((headers) => ({ times: 1, headers })),
    );
    const pairs = new Set(clients.map((headers) => `${headers["x-forwarded-for"]} ${headers["user-agent"]}`));
    expect(pairs.size).toBe(60);
    const analytics = await flushedAnalytics(server, api, link.id);
    expect(analytics).toMatchObject({ total_clicks: n, unique_clicks: pairs.size, bot_clicks: 0 });
    expect(analytics.timeseries.at(-1)?.clicks).toBe(n);
    expect(analytics.devices).toEqual([
      { name: "Mobile", clicks: 133 },
      { name: "Desktop", clicks: 67 },
    ]);
    expect(analytics.countries).toEqual([{ name: "United States", code: "US", clicks: n }]);
  });

  it("a bot is redirected as usual but counted only in bot_clicks", async () => {
    const link = await api.createLink({ url: DESTINATION });
    await visit(server, link.slug, [
      { times: 3, headers: { "user-agent": DESKTOP_CHROME, referer: "https://t.co/abc" } },
      { times: 2, headers: { "user-agent": GOOGLEBOT, referer: "https://m.facebook.com/x" } },
      { times: 1, headers: { "user-agent": CURL, "cf-ipcountry": "CA" } },
    ]);
    const analytics = await flushedAnalytics(server, api, link.id);
    expect(analytics).toMatchObject({
      total_clicks: 3,
      unique_clicks: 1,
      bot_clicks: 3,
      devices: [{ name: "Desktop", clicks: 3 }],
      os: [{ name: "Windows", clicks: 3 }],
      browsers: [{ name: "Chrome", clicks: 3 }],
      countries: [{ name: "Unknown", code: "ZZ", clicks: 3 }],
      referrers: [{ name: "t.co", clicks: 3 }],
    });
    expect(analytics.timeseries.at(-1)?.clicks).toBe(3);
  });

  it("only a redirect is a click: not the password form, a wrong password, a 404 or a 410", async () => {
    const headers = { "user-agent": DESKTOP_CHROME };
    const locked = await api.createLink({ url: DESTINATION, password: "open sesame" });
    const post = (password: string) =>
      httpRequest(`${server.url}/${locked.slug}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ password }).toString(),
      });
    expect((await redirect(server, locked.slug, headers)).status).toBe(200);
    expect((await post("wrong")).status).toBe(401);
    expect((await post("open sesame")).status).toBe(303);
    const disabled = await api.createLink({ url: DESTINATION });
    expect((await api.patch(`/v1/links/${disabled.id}`, { status: "disabled" })).status).toBe(200);
    expect((await redirect(server, disabled.slug, headers)).status).toBe(404);
    const spent = await api.createLink({ url: DESTINATION, max_clicks: 1 });
    expect((await redirect(server, spent.slug, headers)).status).toBe(302);
    expect((await redirect(server, spent.slug, headers)).status).toBe(410);

    expect((await flushedAnalytics(server, api, locked.id)).total_clicks).toBe(1);
    expect((await flushedAnalytics(server, api, disabled.id)).total_clicks).toBe(0);
    expect((await flushedAnalytics(server, api, spent.id)).total_clicks).toBe(1);
  });
});
