import { afterEach, describe, expect, it, vi } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import type {
  GeoLocator,
  UserAgentParser,
  VisitorHasher,
} from "../../../../src/application/ports/click-classification.js";
import type { RedirectHit } from "../../../../src/application/ports/click-sink.js";
import type { ClickStore } from "../../../../src/application/ports/click-store.js";
import type { Clock } from "../../../../src/application/ports/technical.js";
import {
  ClickRecorder,
  type ClickRecorderOptions,
} from "../../../../src/application/services/click-recorder.js";
import type { ClickIncrement } from "../../../../src/domain/click/click.js";
import type { DayRange } from "../../../../src/domain/time/day.js";
import { FixedClock } from "../../../support/fixed-clock.js";

const TODAY: DayRange = { start: "2026-03-15", end: "2026-03-15" };

const userAgents: UserAgentParser = {
  parse: (ua) =>
    ua.includes("bot")
      ? { device: "Other", os: "Unknown", browser: "Unknown", bot: true }
      : { device: ua.includes("iPhone") ? "Mobile" : "Desktop", os: "iOS", browser: "Safari", bot: false },
};
const geo: GeoLocator = { locate: (ip) => ({ code: ip.startsWith("81.") ? "GB" : "US" }) };
const visitors: VisitorHasher = { hash: (day, ip, ua) => `${day}/${ip}/${ua.length}` };

/** A test double for the store: fails its first `failures` adds, then delegates. */
class FlakyStore implements ClickStore {
  attempts = 0;
  constructor(
    readonly inner: ClickStore,
    private failures: number,
  ) {}
  async add(increments: readonly ClickIncrement[]): Promise<void> {
    this.attempts += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("store unavailable");
    }
    await this.inner.add(increments);
  }
  query(linkId: string, range: DayRange) {
    return this.inner.query(linkId, range);
  }
  deleteLink(linkId: string) {
    return this.inner.deleteLink(linkId);
  }
}

function hit(index: number, overrides: Partial<RedirectHit> = {}): RedirectHit {
  return {
    linkId: `lnk_${index % 3}`,
    at: new Date("2026-03-15T12:00:00Z"),
    ip: `81.2.69.${index % 50}`,
    userAgent: index % 2 === 0 ? "Mozilla/5.0 (iPhone)" : "Mozilla/5.0 (Macintosh)",
    referrer: "https://m.facebook.com/story",
    headers: {},
    ...overrides,
  };
}

const recorders: ClickRecorder[] = [];
function recorder(store: ClickStore, options: ClickRecorderOptions = {}, clock: Clock = new FixedClock()) {
  const made = new ClickRecorder(
    { store, userAgents, geo, visitors, clock },
    { flushIntervalMs: 3_600_000, ...options },
  );
  recorders.push(made);
  return made;
}

async function totals(store: ClickStore, links = ["lnk_0", "lnk_1", "lnk_2"]) {
  let clicks = 0;
  let botClicks = 0;
  for (const link of links) {
    for (const day of (await store.query(link, TODAY)).days.values()) {
      clicks += day.clicks;
      botClicks += day.botClicks;
    }
  }
  return { clicks, botClicks };
}

afterEach(async () => {
  vi.useRealTimers();
  for (const made of recorders.splice(0)) await made.stop();
});

describe("ClickRecorder", () => {
  it("lands exactly N clicks after a flush, classified", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store);
    for (let index = 0; index < 999; index += 1) clicks.record(hit(index));
    expect(clicks.health().pendingBuckets).toBe(3);
    await clicks.flush();
    expect(await totals(store)).toEqual({ clicks: 999, botClicks: 0 });
    const counts = await store.query("lnk_0", TODAY);
    expect(counts.dimensions.get("referrer")).toEqual(new Map([["m.facebook.com", 333]]));
    expect(counts.dimensions.get("country")).toEqual(new Map([["GB", 333]]));
    expect(counts.uniqueClicks).toBe(50);
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
  });

  it("counts bots apart and nowhere else", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store);
    clicks.record(hit(0));
    clicks.record(hit(0, { userAgent: "Googlebot/2.1" }));
    clicks.record(hit(0, { userAgent: "Twitterbot/1.0", ip: "8.8.8.8" }));
    await clicks.flush();
    const counts = await store.query("lnk_0", TODAY);
    expect([...counts.days.values()]).toEqual([{ clicks: 1, botClicks: 2 }]);
    expect(counts.dimensions.get("device")).toEqual(new Map([["Mobile", 1]]));
    expect(counts.uniqueClicks).toBe(1);
  });

  it("keeps the counts of a failed flush and lands them once, with what came meanwhile", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), 3);
    const logged: string[] = [];
    const clicks = recorder(store, { logger: (level, message) => logged.push(`${level}: ${message}`) });
    for (let round = 0; round < 5; round += 1) {
      for (let index = 0; index < 100; index += 1) clicks.record(hit(index));
      await clicks.flush();
    }
    expect(store.attempts).toBe(5);
    expect(await totals(store)).toEqual({ clicks: 500, botClicks: 0 });
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
    expect(logged).toEqual(Array(3).fill("warn: Click flush failed; counts kept for a retry"));
  });

  it("retries on its own timer with a growing, capped backoff", async () => {
    vi.useFakeTimers();
    const store = new FlakyStore(new InMemoryClickStore(), 6);
    const clicks = recorder(
      store,
      { flushIntervalMs: 100, retryBaseMs: 1000, retryMaxMs: 4000 },
      { now: () => new Date() },
    );
    for (let index = 0; index < 10; index += 1) clicks.record(hit(index));
    await vi.advanceTimersByTimeAsync(150);
    expect(store.attempts).toBe(1);
    expect(clicks.health().lastFlushError).toBe("store unavailable");
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.attempts).toBe(2);
    // Then 2 s, 4 s, 4 s (capped), 4 s before the seventh attempt lands.
    await vi.advanceTimersByTimeAsync(2000 + 4000 + 4000 + 4000 + 4000);
    expect(store.attempts).toBe(7);
    expect(await totals(store)).toEqual({ clicks: 10, botClicks: 0 });
    expect(clicks.health().lastFlushError).toBeNull();
  });

  it("drops and counts clicks past the bound of pending buckets, and reports them", async () => {
    const store = new InMemoryClickStore();
    const logged: string[] = [];
    const clicks = recorder(store, { maxPendingBuckets: 2, logger: (_, message) => logged.push(message) });
    for (let index = 0; index < 30; index += 1) clicks.record(hit(index));
    expect(clicks.health()).toMatchObject({ pendingBuckets: 2, droppedClicks: 10 });
    await clicks.flush();
    expect(await totals(store)).toEqual({ clicks: 20, botClicks: 0 });
    expect(logged).toEqual(["Clicks dropped: too many pending link-day buckets"]);
  });

  it("flushes early once the pending buckets reach the threshold", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store, { flushThreshold: 3 });
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await totals(store)).toEqual({ clicks: 3, botClicks: 0 });
  });

  it("flushes everything on stop(), and counts what it cannot deliver", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store);
    for (let index = 0; index < 7; index += 1) clicks.record(hit(index));
    await clicks.stop();
    expect(await totals(store)).toEqual({ clicks: 7, botClicks: 0 });

    const down = new FlakyStore(new InMemoryClickStore(), Number.POSITIVE_INFINITY);
    const stuck = recorder(down, { stopAttempts: 2, retryBaseMs: 1 });
    for (let index = 0; index < 7; index += 1) stuck.record(hit(index));
    await stuck.stop();
    expect(down.attempts).toBe(2);
    expect(stuck.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 7 });
  });

  it("never throws on the redirect path", async () => {
    const clicks = recorder(new InMemoryClickStore());
    expect(() => clicks.record(hit(0, { at: new Date(Number.NaN) }))).not.toThrow();
    expect(clicks.health().droppedClicks).toBe(1);
  });
});
