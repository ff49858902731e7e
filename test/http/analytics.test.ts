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

type Analytics = ReturnType<typeof analyticsJson>;

const KEY = "hxk_analytics_contract_key_01";
const OTHER_KEY = "hxk_analytics_contract_other_01";
const TODAY = "2026-03-15";
const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const CONTRACT_FIELDS = [
  "link_id",
  "start",
  "end",
  "total_clicks",
  "unique_clicks",
  "bot_clicks",
  "timeseries",
  "devices",
  "os",
  "browsers",
  "countries",
  "referrers",
  "targets",
];

let server: RunningServer;
let clock: FixedClock;
let api: ApiClient;
let other: ApiClient;
/** A link followed once on 03-10, three times on 03-12 and twice on 03-15 (today). */
let clicked: V1Link;

/** `days` consecutive UTC days from `start`, each with its clicks (0 unless listed). */
function series(start: string, days: number, clicks: Record<string, number> = {}) {
  return Array.from({ length: days }, (_, index) => {
    const date = new Date(Date.parse(`${start}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
    return { date, clicks: clicks[date] ?? 0 };
  });
}

async function analyticsOf(client: ApiClient, id: string, query = ""): Promise<Analytics> {
  const response = await client.get<{ success: boolean; analytics: Analytics }>(
    `/v1/links/${id}/analytics${query}`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.success).toBe(true);
  return response.body.analytics;
}

async function follow(slug: string, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) {
    const response = await httpRequest(`${server.url}/${slug}`, {
      headers: { "user-agent": CHROME_ON_LINUX },
    });
    expect(response.status).toBe(302);
  }
}

beforeAll(async () => {
  clock = new FixedClock(`${TODAY}T12:00:00.000Z`);
  server = await startServer({
    apiKeys: [
      { accountId: "acme", key: KEY },
      { accountId: "rival", key: OTHER_KEY },
    ],
    settings: { rateLimits: RELAXED_LIMITS },
    ports: { clock },
  });
  api = new ApiClient(server.url, KEY);
  other = new ApiClient(server.url, OTHER_KEY);
  clicked = await api.createLink({ url: "https://example.com/analytics", custom_slug: "clicked" });
  for (const [at, times] of [
    ["2026-03-10T23:59:59.999Z", 1],
    ["2026-03-12T00:00:00.000Z", 3],
    [`${TODAY}T12:00:00.000Z`, 2],
  ] as const) {
    clock.set(at);
    await follow("clicked", times);
  }
  await server.hexlink.flushClicks();
});

afterAll(async () => {
  await server.close();
});

describe("GET /v1/links/:id/analytics: the body", () => {
  it("has exactly the contract's fields, and the right counts for the last 30 UTC days by default", async () => {
    const response = await api.get<{ success: boolean; analytics: Analytics }>(
      `/v1/links/${clicked.id}/analytics`,
    );
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["analytics", "success"]);
    expect(Object.keys(response.body.analytics).sort()).toEqual([...CONTRACT_FIELDS].sort());
    expect(response.body).toEqual({
      success: true,
      analytics: {
        link_id: clicked.id,
        start: "2026-02-14",
        end: TODAY,
        total_clicks: 6,
        // The visitor hash is salted per UTC day: one client on three days counts as three daily visitors.
        unique_clicks: 3,
        bot_clicks: 0,
        timeseries: series("2026-02-14", 30, { "2026-03-10": 1, "2026-03-12": 3, [TODAY]: 2 }),
        devices: [{ name: "Desktop", clicks: 6 }],
        os: [{ name: "Linux", clicks: 6 }],
        browsers: [{ name: "Chrome", clicks: 6 }],
        countries: [{ name: "Unknown", code: "ZZ", clicks: 6 }],
        referrers: [{ name: "Direct", clicks: 6 }],
        targets: [{ name: "default", url: "https://example.com/analytics", clicks: 6 }],
      },
    });
  });

  it("answers zeros for every day of a link never followed, with empty lists", async () => {
    const quiet = await api.createLink({ url: "https://example.com/quiet" });
    expect(await analyticsOf(api, quiet.id)).toEqual({
      link_id: quiet.id,
      start: "2026-02-14",
      end: TODAY,
      total_clicks: 0,
      unique_clicks: 0,
      bot_clicks: 0,
      timeseries: series("2026-02-14", 30),
      devices: [],
      os: [],
      browsers: [],
      countries: [],
      referrers: [],
      targets: [{ name: "default", url: "https://example.com/quiet", clicks: 0 }],
    });
  });

  it("moves the default range with the UTC day", async () => {
    clock.set("2026-04-01T00:00:00.000Z");
    try {
      const analytics = await analyticsOf(api, clicked.id);
      expect(analytics).toMatchObject({ start: "2026-03-03", end: "2026-04-01", total_clicks: 6 });
      expect(analytics.timeseries).toEqual(
        series("2026-03-03", 30, { "2026-03-10": 1, "2026-03-12": 3, [TODAY]: 2 }),
      );
      clock.set("2026-04-10T23:59:59.999Z");
      expect(await analyticsOf(api, clicked.id)).toMatchObject({
        start: "2026-03-12",
        end: "2026-04-10",
        total_clicks: 5,
      });
    } finally {
      clock.set(`${TODAY}T12:00:00.000Z`);
    }
  });
});

describe("GET /v1/links/:id/analytics: explicit start and end", () => {
  it.each([
    ["?start=2026-03-12&end=2026-03-15", "2026-03-12", 4, 5, { "2026-03-12": 3, [TODAY]: 2 }],
    ["?start=2026-03-10&end=2026-03-12", "2026-03-10", 3, 4, { "2026-03-10": 1, "2026-03-12": 3 }],
    ["?start=2026-03-10&end=2026-03-10", "2026-03-10", 1, 1, { "2026-03-10": 1 }],
    ["?start=2026-03-11&end=2026-03-11", "2026-03-11", 1, 0, {}],
    ["?start=2026-03-13&end=2026-03-14", "2026-03-13", 2, 0, {}],
    ["?start=2026-03-16&end=2026-04-30", "2026-03-16", 46, 0, {}],
  ])("%s includes both ends: %s on, %i days, %i clicks", async (query, start, days, total, clicks) => {
    const analytics = await analyticsOf(api, clicked.id, query);
    const timeseries = series(start, days, clicks);
    expect(analytics).toMatchObject({
      start,
      end: timeseries.at(-1)?.date,
      total_clicks: total,
      bot_clicks: 0,
      timeseries,
    });
    const inRange = total === 0 ? [] : [{ name: "Desktop", clicks: total }];
    expect(analytics.devices).toEqual(inRange);
  });

  it("with only start, ends today; with only end, starts 29 days before it", async () => {
    expect(await analyticsOf(api, clicked.id, "?start=2026-03-11")).toMatchObject({
      start: "2026-03-11",
      end: TODAY,
      total_clicks: 5,
      timeseries: series("2026-03-11", 5, { "2026-03-12": 3, [TODAY]: 2 }),
    });
    expect(await analyticsOf(api, clicked.id, "?end=2026-03-11")).toMatchObject({
      start: "2026-02-10",
      end: "2026-03-11",
      total_clicks: 1,
      timeseries: series("2026-02-10", 30, { "2026-03-10": 1 }),
    });
  });

  it("accepts 366 days, 29 February of a leap year, and a day in another year", async () => {
    const longest = await analyticsOf(api, clicked.id, "?start=2025-03-15&end=2026-03-15");
    expect(longest.timeseries).toHaveLength(366);
    expect(longest).toMatchObject({ start: "2025-03-15", end: TODAY, total_clicks: 6 });
    expect(longest.timeseries.map((day) => day.date)).toEqual(series("2025-03-15", 366).map((d) => d.date));
    const leap = await analyticsOf(api, clicked.id, "?start=2028-02-29&end=2028-03-01");
    expect(leap.timeseries).toEqual(series("2028-02-29", 2));
  });
});

describe("GET /v1/links/:id/analytics: errors", () => {
  it.each([
    ["an inverted range", "?start=2026-03-15&end=2026-03-14"],
    ["367 days", "?start=2025-03-14&end=2026-03-15"],
    ["only a start more than 366 days ago", "?start=2025-03-14"],
    ["2026-02-31", "?start=2026-02-31&end=2026-03-15"],
    ["29 February of a common year", "?end=2026-02-29"],
    ["month 13", "?start=2026-13-01"],
    ["day 00", "?end=2026-03-00"],
    ["garbage", "?start=last-week"],
    ["an empty start", "?start=&end=2026-03-15"],
    ["a day without padding", "?start=2026-3-1"],
    ["a timestamp instead of a day", "?end=2026-03-15T00:00:00Z"],
    ["a day with spaces", "?start=%202026-03-01"],
  ])("answers 400 invalid_date_range for %s", async (_, query) => {
    expectV1Error(await api.get(`/v1/links/${clicked.id}/analytics${query}`), "invalid_date_range");
  });

  it("answers for another account's link exactly as for a link that does not exist", async () => {
    const unknown = await other.get("/v1/links/lnk_000000000000000000000/analytics");
    expectV1Error(unknown, "link_not_found");
    const foreign = await other.get(`/v1/links/${clicked.id}/analytics`);
    expectV1Error(foreign, "link_not_found");
    expect(foreign.body).toEqual(unknown.body);
    // Even with a bad range: the link is not found before its range is read.
    expectV1Error(await other.get(`/v1/links/${clicked.id}/analytics?start=bad`), "link_not_found");
  });

  it("answers link_not_found once the link is deleted", async () => {
    const doomed = await api.createLink({ url: "https://example.com/doomed" });
    expect((await api.delete(`/v1/links/${doomed.id}`)).status).toBe(200);
    expectV1Error(await api.get(`/v1/links/${doomed.id}/analytics`), "link_not_found");
  });
});
