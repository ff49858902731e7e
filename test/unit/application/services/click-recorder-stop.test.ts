import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import type { ClickStore } from "../../../../src/application/ports/click-store.js";
import { ManualScheduler } from "../../../support/manual-scheduler.js";
import { FlakyStore, hit, recorder, totals } from "./recorder-fixtures.js";

/** A store whose adds wait until released, then land (or fail, when released with an error). */
class HangingStore implements ClickStore {
  readonly inner = new InMemoryClickStore();
  attempts = 0;
  private readonly waiting: ((error?: Error) => void)[] = [];

  async add(...args: Parameters<ClickStore["add"]>): Promise<void> {
    this.attempts += 1;
    await new Promise<void>((resolve, reject) => {
      this.waiting.push((error) => (error === undefined ? resolve() : reject(error)));
    });
    await this.inner.add(...args);
  }

  /** Lets every waiting add go on, or fail with `error`. */
  release(error?: Error): void {
    for (const answer of this.waiting.splice(0)) answer(error);
  }

  query(...args: Parameters<ClickStore["query"]>) {
    return this.inner.query(...args);
  }

  deleteLink(linkId: string) {
    return this.inner.deleteLink(linkId);
  }
}

/** Log lines as `level: message lostClicks=n` (lostClicks only when the line has it). */
function logInto(lines: string[]) {
  return (level: string, message: string, fields: Readonly<Record<string, string | number>>) => {
    lines.push(
      `${level}: ${message}${fields.lostClicks === undefined ? "" : ` lostClicks=${fields.lostClicks}`}`,
    );
  };
}

const LOST = "error: Clicks lost at shutdown: the click store did not confirm them in time";

describe("ClickRecorder.stop() and its deadline", () => {
  it("ends by the deadline while a flush hangs on the store, counting every click not confirmed", async () => {
    const time = new ManualScheduler();
    const store = new HangingStore();
    const logged: string[] = [];
    const clicks = recorder(store, { flushIntervalMs: 1000, logger: logInto(logged) }, time, time);
    for (let index = 0; index < 7; index += 1) clicks.record(hit(index));
    // The interval's flush takes these seven into a batch, and the store does not answer.
    await time.advance(1000);
    expect(store.attempts).toBe(1);
    for (let index = 0; index < 4; index += 1) clicks.record(hit(index, { userAgent: "Googlebot" }));
    const started = time.now().getTime();
    await time.runUntil(clicks.stop(new Date(started + 3000)));
    expect(time.now().getTime() - started).toBe(3000);
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 11 });
    expect(logged).toEqual([`${LOST} lostClicks=11`]);
    expect(await totals(store.inner)).toEqual({ clicks: 0, botClicks: 0 });
  });

  it("does not wait for a backoff that ends past the deadline", async () => {
    const time = new ManualScheduler();
    const store = new FlakyStore(new InMemoryClickStore(), Number.POSITIVE_INFINITY);
    const logged: string[] = [];
    const options = { retryBaseMs: 16_000, retryMaxMs: 30_000, logger: logInto(logged) };
    const clicks = recorder(store, options, time, time);
    for (let index = 0; index < 5; index += 1) clicks.record(hit(index));
    await clicks.flush();
    const started = time.now().getTime();
    await time.runUntil(clicks.stop(new Date(started + 10_000)));
    // One last attempt, refused at once; the next would come 32 s later, past the deadline.
    expect(store.attempts).toBe(2);
    expect(time.now().getTime()).toBe(started);
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 5 });
    expect(logged.at(-1)).toBe(`${LOST} lostClicks=5`);
  });

  it("retries within the deadline, and lands everything when the store comes back in time", async () => {
    const time = new ManualScheduler();
    const store = new FlakyStore(new InMemoryClickStore(), 2);
    const clicks = recorder(store, { retryBaseMs: 1000, stopAttempts: 5 }, time, time);
    for (let index = 0; index < 6; index += 1) clicks.record(hit(index));
    const started = time.now().getTime();
    await time.runUntil(clicks.stop(new Date(started + 10_000)));
    // Refused, 1 s, refused, 2 s, accepted.
    expect(store.attempts).toBe(3);
    expect(time.now().getTime() - started).toBe(3000);
    expect(await totals(store)).toEqual({ clicks: 6, botClicks: 0 });
    expect(clicks.health()).toMatchObject({ pendingBuckets: 0, droppedClicks: 0, lastFlushError: null });
  });

  it("is bounded by stopTimeoutMs when given no deadline", async () => {
    const time = new ManualScheduler();
    const store = new HangingStore();
    const clicks = recorder(store, { stopTimeoutMs: 500 }, time, time);
    for (let index = 0; index < 3; index += 1) clicks.record(hit(index));
    const started = time.now().getTime();
    await time.runUntil(clicks.stop());
    expect(time.now().getTime() - started).toBe(500);
    expect(clicks.health().droppedClicks).toBe(3);
  });

  it("counts a batch abandoned at the deadline once, whatever its late answer", async () => {
    const time = new ManualScheduler();
    const store = new HangingStore();
    const logged: string[] = [];
    const options = { flushIntervalMs: 100, maxBatchAttempts: 1, logger: logInto(logged) };
    const clicks = recorder(store, options, time, time);
    for (let index = 0; index < 4; index += 1) clicks.record(hit(index));
    await time.advance(100);
    await time.runUntil(clicks.stop(new Date(time.now().getTime() + 1000)));
    expect(clicks.health().droppedClicks).toBe(4);
    // The abandoned attempt then fails: with maxBatchAttempts 1 it would be given up, were it still held.
    store.release(new Error("too late"));
    await time.advance(20_000);
    expect(clicks.health().droppedClicks).toBe(4);
    expect(logged).toEqual([`${LOST} lostClicks=4`]);
  });

  it("answers the first stop's promise to later calls, and stops the interval", async () => {
    const time = new ManualScheduler();
    const store = new FlakyStore(new InMemoryClickStore(), 0);
    const clicks = recorder(store, { flushIntervalMs: 100 }, time, time);
    clicks.record(hit(0));
    const first = clicks.stop();
    expect(clicks.stop(new Date(0))).toBe(first);
    await time.runUntil(first);
    expect(await totals(store)).toEqual({ clicks: 1, botClicks: 0 });
    await time.advance(1000);
    expect(store.attempts).toBe(1);
    expect(time.waiting).toBe(0);
  });
});
