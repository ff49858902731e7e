import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../../../src/adapters/memory/in-memory-click-store.js";
import type { HexlinkEvents } from "../../../../src/application/hexlink-events.js";
import { HexlinkEmitter } from "../../../../src/application/services/hexlink-emitter.js";
import { FlakyStore, hit, recorder } from "./recorder-fixtures.js";

type Heard = { [E in keyof HexlinkEvents]: { event: E; payload: HexlinkEvents[E] } }[keyof HexlinkEvents];

/** An emitter that keeps every click and error event it carries. */
function listening(): { events: HexlinkEmitter; heard: Heard[] } {
  const events = new HexlinkEmitter();
  const heard: Heard[] = [];
  events.on("clicks:flushed", (payload) => heard.push({ event: "clicks:flushed", payload }));
  events.on("clicks:dropped", (payload) => heard.push({ event: "clicks:dropped", payload }));
  events.on("error", (payload) => heard.push({ event: "error", payload }));
  return { events, heard };
}

describe("ClickRecorder events", () => {
  it("reports each batch the store took, with its id and clicks", async () => {
    const { events, heard } = listening();
    const store = new FlakyStore(new InMemoryClickStore(), 0);
    const clicks = recorder(store, { events });
    for (let i = 0; i < 5; i++) clicks.record(hit(i));
    await clicks.flush();
    expect(heard).toEqual([
      { event: "clicks:flushed", payload: { batchId: store.calls[0]?.batchId, clicks: 5 } },
    ]);
  });

  it("reports a failing run once as an error, and the batch given up as dropped with why", async () => {
    const { events, heard } = listening();
    const store = new FlakyStore(new InMemoryClickStore(), 10);
    const clicks = recorder(store, { events, maxBatchAttempts: 2, retryBaseMs: 0 });
    clicks.record(hit(0));
    clicks.record(hit(1));
    await clicks.flush();
    await clicks.flush();
    expect(heard).toEqual([
      { event: "error", payload: { error: new Error("store unavailable"), source: "clicks" } },
      {
        event: "clicks:dropped",
        payload: {
          clicks: 2,
          reason: "store_refused",
          batchId: store.calls[0]?.batchId,
          error: "store unavailable",
        },
      },
    ]);
  });

  it("reports clicks dropped past the bucket bound", async () => {
    const { events, heard } = listening();
    const clicks = recorder(new InMemoryClickStore(), { events, maxPendingBuckets: 1 });
    clicks.record(hit(0));
    clicks.record(hit(1));
    clicks.record(hit(2));
    await clicks.flush();
    expect(heard.filter(({ event }) => event === "clicks:dropped")).toEqual([
      { event: "clicks:dropped", payload: { clicks: 2, reason: "pending_full" } },
    ]);
  });

  it("reports the clicks a stop could not deliver as dropped at shutdown", async () => {
    const { events, heard } = listening();
    const clicks = recorder(new FlakyStore(new InMemoryClickStore(), 100), { events, stopAttempts: 1 });
    clicks.record(hit(0));
    await clicks.stop();
    expect(heard.at(-1)).toEqual({
      event: "clicks:dropped",
      payload: { clicks: 1, reason: "shutdown", error: "store unavailable" },
    });
  });

  it("goes on recording when its event sink throws", async () => {
    const store = new InMemoryClickStore();
    const clicks = recorder(store, {
      events: {
        emit: () => {
          throw new Error("sink bug");
        },
      },
    });
    clicks.record(hit(0));
    await clicks.flush();
    expect(clicks.health().lastFlushError).toBeNull();
    expect((await store.query("lnk_0", { start: "2026-03-15", end: "2026-03-15" })).days.size).toBe(1);
  });
});
