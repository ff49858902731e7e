import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import type { ClickStore } from "../../../../src/application/ports/click-store.js";
import { sequentialBatchIds } from "../../../../src/application/services/sequential-batch-ids.js";
import { ManualScheduler } from "../../../support/manual-scheduler.js";
import { clicksOf, FlakyStore, hit, recorder, totals } from "./recorder-fixtures.js";

describe("ClickRecorder batches", () => {
  it("retries a batch the store applied before failing under its id, and counts it once", async () => {
    // Applied, then rejected: what a Redis timeout after the commands were sent looks like.
    const store = new FlakyStore(new InMemoryClickStore(), 2, true);
    const clicks = recorder(store);
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    await clicks.flush();
    expect(clicks.health()).toMatchObject({ pendingBuckets: 3, lastFlushError: "store unavailable" });

    for (let index = 0; index < 5; index += 1) clicks.record(hit(index));
    await clicks.flush();
    expect(clicks.health().pendingBuckets).toBe(6);
    await clicks.flush();

    const [first, second, third, newer] = store.calls;
    expect(store.calls).toHaveLength(4);
    // The retained batch went three times unchanged, the newer clicks waited for it.
    for (const retry of [second, third]) {
      expect(retry?.batchId).toBe(first?.batchId);
      expect(retry?.increments).toEqual(first?.increments);
    }
    expect(store.calls.map(clicksOf)).toEqual([3, 3, 3, 5]);
    expect(newer?.batchId).not.toBe(first?.batchId);
    expect(await totals(store)).toEqual({ clicks: 8, botClicks: 0 });
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
  });

  it("counts the retained batch against the bound of pending buckets", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), 1);
    const clicks = recorder(store, { maxPendingBuckets: 3 });
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    await clicks.flush();
    clicks.record(hit(0));
    expect(clicks.health()).toMatchObject({ pendingBuckets: 3, droppedClicks: 1 });
    await clicks.flush();
    clicks.record(hit(0));
    await clicks.flush();
    expect(await totals(store)).toEqual({ clicks: 4, botClicks: 0 });
  });

  it("on stop() sends the retained batch first, then the rest", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), 1);
    const clicks = recorder(store, { retryBaseMs: 1 });
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    await clicks.flush();
    for (let index = 0; index < 4; index += 1) clicks.record(hit(index));
    await clicks.stop();
    const ids = store.calls.map((call) => call.batchId);
    expect(ids[1]).toBe(ids[0]);
    expect(new Set(ids).size).toBe(2);
    expect(store.calls.map(clicksOf)).toEqual([3, 3, 4]);
    expect(await totals(store)).toEqual({ clicks: 7, botClicks: 0 });
  });

  it("counts the retained batch and the pending clicks as lost when stop() cannot deliver them", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), Number.POSITIVE_INFINITY);
    const clicks = recorder(store, { stopAttempts: 2, retryBaseMs: 1 });
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    await clicks.flush();
    for (let index = 0; index < 4; index += 1) clicks.record(hit(index, { userAgent: "Googlebot" }));
    await clicks.stop();
    expect(new Set(store.calls.map((call) => call.batchId)).size).toBe(1);
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 7 });
  });

  it("drops a batch the store refuses every time after maxBatchAttempts, counts and logs it, and goes on", async () => {
    const inner = new InMemoryClickStore();
    const logged: string[] = [];
    // Refuses any batch holding a click of lnk_poison, as MongoDB refuses a day document past 16 MB.
    const store: ClickStore = {
      add: async (increments, batchId) => {
        if (increments.some((increment) => increment.linkId === "lnk_poison")) throw new Error("too large");
        await inner.add(increments, batchId);
      },
      query: (linkId, range) => inner.query(linkId, range),
      deleteLink: (linkId) => inner.deleteLink(linkId),
    };
    const flaky = new FlakyStore(store, 0);
    const clicks = recorder(flaky, {
      maxBatchAttempts: 3,
      logger: (level, message) => logged.push(`${level}: ${message}`),
    });
    clicks.record(hit(0, { linkId: "lnk_poison" }));
    clicks.record(hit(1));
    for (let attempt = 0; attempt < 3; attempt += 1) await clicks.flush();
    expect(flaky.attempts).toBe(3);
    expect(new Set(flaky.calls.map((call) => call.batchId)).size).toBe(1);
    expect(clicks.health()).toMatchObject({
      pendingBuckets: 0,
      droppedClicks: 2,
      lastFlushError: "too large",
    });
    expect(logged).toEqual([
      "warn: Click flush failed; counts kept for a retry",
      "warn: Click flush failed; counts kept for a retry",
      "error: Click batch dropped: the click store refused it too many times",
    ]);

    for (let index = 0; index < 4; index += 1) clicks.record(hit(index));
    await clicks.flush();
    expect(await totals(inner)).toEqual({ clicks: 4, botClicks: 0 });
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 2, lastFlushError: null });
  });

  it("counts a flush that does not settle within flushTimeoutMs as failed, and retries it under its id", async () => {
    const inner = new InMemoryClickStore();
    const calls: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first add hangs until released, then lands anyway: a store that answers far too late.
    const store: ClickStore = {
      add: async (increments, batchId) => {
        calls.push(batchId);
        if (calls.length === 1) await released;
        await inner.add(increments, batchId);
      },
      query: (linkId, range) => inner.query(linkId, range),
      deleteLink: (linkId) => inner.deleteLink(linkId),
    };
    const time = new ManualScheduler();
    const clicks = recorder(store, { flushTimeoutMs: 20 }, time, time);
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    const flushing = clicks.flush();
    await time.advance(19);
    expect(clicks.health().lastFlushError).toBeNull();
    await time.advance(1);
    await flushing;
    expect(clicks.health()).toMatchObject({
      pendingBuckets: 3,
      lastFlushError: "The click store did not answer within 20 ms",
    });
    await clicks.flush();
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(calls[0]);
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
    release();
    await time.advance(0);
    expect(await totals(inner)).toEqual({ clicks: 3, botClicks: 0 });
  });

  it("names batches with the id source it is given, and tells them apart by default", async () => {
    const store = new FlakyStore(new InMemoryClickStore(), 0);
    const named = recorder(store, { batchIds: sequentialBatchIds("node-a") });
    const unnamed = recorder(store);
    for (const clicks of [named, named, unnamed, unnamed]) {
      clicks.record(hit(0));
      await clicks.flush();
    }
    const ids = store.calls.map((call) => call.batchId);
    expect(ids.slice(0, 2)).toEqual(["node-a.1", "node-a.2"]);
    expect(new Set(ids).size).toBe(4);
    expect(await totals(store)).toEqual({ clicks: 4, botClicks: 0 });
  });
});
