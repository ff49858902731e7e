import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import { ManualScheduler } from "../../../support/manual-scheduler.js";
import { FlakyStore, hit, recorder, TODAY, totals } from "./recorder-fixtures.js";

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
    // Three failures of the first batch, its fourth try, then the clicks of rounds 2 to 4, then round 5.
    expect(store.attempts).toBe(6);
    expect(await totals(store)).toEqual({ clicks: 500, botClicks: 0 });
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
    expect(logged).toEqual(Array(3).fill("warn: Click flush failed; counts kept for a retry"));
  });

  it("retries on its own timer with a growing, capped backoff", async () => {
    const time = new ManualScheduler();
    const store = new FlakyStore(new InMemoryClickStore(), 6);
    const clicks = recorder(store, { flushIntervalMs: 100, retryBaseMs: 1000, retryMaxMs: 4000 }, time, time);
    for (let index = 0; index < 10; index += 1) clicks.record(hit(index));
    await time.advance(150);
    expect(store.attempts).toBe(1);
    expect(clicks.health().lastFlushError).toBe("store unavailable");
    await time.advance(1000);
    expect(store.attempts).toBe(2);
    // Then 2 s, 4 s, 4 s (capped), 4 s before the seventh attempt lands.
    await time.advance(2000 + 4000 + 4000 + 4000 + 4000);
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

  it("stops keeping visitor ids past maxPendingVisitors, retained batch included, and keeps totals exact", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), 1);
    const logged: string[] = [];
    const clicks = recorder(store, { maxPendingVisitors: 5, logger: (_, message) => logged.push(message) });
    // Ten distinct visitors of one link; the first five are kept, then the bound is reached.
    for (let index = 0; index < 10; index += 1) clicks.record(hit(index, { linkId: "lnk_0" }));
    // A visitor already kept still counts as itself.
    clicks.record(hit(0, { linkId: "lnk_0" }));
    expect(clicks.health().uncountedVisitors).toBe(5);
    await clicks.flush();
    expect(clicks.health().lastFlushError).toBe("store unavailable");
    // The batch kept for its retry still holds five visitor ids: no room for a new one.
    clicks.record(hit(20, { linkId: "lnk_1" }));
    expect(clicks.health().uncountedVisitors).toBe(6);
    await clicks.flush();
    expect(await totals(store)).toEqual({ clicks: 12, botClicks: 0 });
    expect((await store.query("lnk_0", TODAY)).uniqueClicks).toBe(5);
    expect((await store.query("lnk_1", TODAY)).uniqueClicks).toBe(0);
    expect(logged).toContain("Visitors not counted: too many pending visitor ids (unique clicks undercount)");
    // Delivered, the ids are let go: room again.
    clicks.record(hit(21, { linkId: "lnk_1" }));
    await clicks.flush();
    expect((await store.query("lnk_1", TODAY)).uniqueClicks).toBe(1);
    expect(clicks.health()).toMatchObject({ uncountedVisitors: 6, droppedClicks: 0 });
  });

  it("counts a visitor once against maxPendingVisitors, whatever referrers it comes from", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store, { maxPendingVisitors: 2 });
    // One client, three referrers: three profiles of one visitor.
    for (const referrer of ["", "https://a.example/", "https://b.example/"])
      clicks.record(hit(0, { linkId: "lnk_0", referrer }));
    clicks.record(hit(1, { linkId: "lnk_0" }));
    expect(clicks.health().uncountedVisitors).toBe(0);
    await clicks.flush();
    const stats = await store.query("lnk_0", TODAY);
    expect(stats.uniqueClicks).toBe(2);
    expect([...stats.days.values()].reduce((sum, day) => sum + day.clicks, 0)).toBe(4);
  });

  it("flushes early once the pending buckets reach the threshold", async () => {
    const time = new ManualScheduler();
    const store = new InMemoryClickStore();
    const clicks = recorder(store, { flushThreshold: 3 }, time, time);
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    expect(await totals(store)).toEqual({ clicks: 0, botClicks: 0 });
    // At once: no time passes, the interval (an hour) is far off.
    await time.advance(0);
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
