import { describe, expect, it } from "vitest";
import type { HexlinkEvents } from "../../../../src/application/hexlink-events.js";
import { HexlinkEmitter } from "../../../../src/application/services/hexlink-emitter.js";

const FLUSHED: HexlinkEvents["clicks:flushed"] = { batchId: "b1", clicks: 3 };

describe("HexlinkEmitter", () => {
  it("calls each listener of an event with its payload, in order, until it unsubscribes", () => {
    const emitter = new HexlinkEmitter();
    const heard: string[] = [];
    const stopFirst = emitter.on("clicks:flushed", ({ batchId, clicks }) =>
      heard.push(`1:${batchId}:${clicks}`),
    );
    emitter.on("clicks:flushed", ({ batchId }) => heard.push(`2:${batchId}`));
    emitter.on("store:up", ({ kind }) => heard.push(`up:${kind}`));
    emitter.emit("clicks:flushed", FLUSHED);
    stopFirst();
    emitter.emit("clicks:flushed", { batchId: "b2", clicks: 1 });
    expect(heard).toEqual(["1:b1:3", "2:b1", "2:b2"]);
  });

  it("reports a listener that throws as an error event, and still calls the others", () => {
    const emitter = new HexlinkEmitter();
    const errors: HexlinkEvents["error"][] = [];
    const heard: number[] = [];
    emitter.on("error", (payload) => errors.push(payload));
    emitter.on("clicks:flushed", () => {
      throw new Error("listener bug");
    });
    emitter.on("clicks:flushed", ({ clicks }) => heard.push(clicks));
    expect(() => emitter.emit("clicks:flushed", FLUSHED)).not.toThrow();
    expect(heard).toEqual([3]);
    expect(errors).toEqual([{ error: new Error("listener bug"), source: "listener" }]);
  });

  it("survives an error listener that throws, without reporting it again (no loop)", () => {
    const emitter = new HexlinkEmitter();
    let calls = 0;
    const later: string[] = [];
    emitter.on("error", () => {
      calls += 1;
      throw new Error("error listener bug");
    });
    emitter.on("error", ({ error }) => later.push(error.message));
    emitter.on("store:down", () => {
      throw "not an Error";
    });
    expect(() =>
      emitter.emit("store:down", { role: "stores", kind: "redis", reason: "ECONNREFUSED" }),
    ).not.toThrow();
    expect(calls).toBe(1);
    expect(later).toEqual(["not an Error"]);
  });

  it("tells whether an event has listeners", () => {
    const emitter = new HexlinkEmitter();
    expect(emitter.listens("error")).toBe(false);
    const stop = emitter.on("error", () => {});
    expect(emitter.listens("error")).toBe(true);
    stop();
    expect(emitter.listens("error")).toBe(false);
  });

  it("tells a store:down listener added later of the stores still down, and only those", () => {
    const emitter = new HexlinkEmitter();
    emitter.emit("store:down", { role: "stores", kind: "redis", reason: "ECONNREFUSED" });
    emitter.emit("store:down", { role: "shared", kind: "redis", reason: "ECONNREFUSED" });
    emitter.emit("store:up", { role: "shared", kind: "redis" });
    const heard: string[] = [];
    emitter.on("store:down", ({ role, kind }) => heard.push(`${role}:${kind}`));
    expect(heard).toEqual(["stores:redis"]);
    emitter.emit("store:up", { role: "stores", kind: "redis" });
    const later: string[] = [];
    emitter.on("store:down", ({ role }) => later.push(role));
    expect(later).toEqual([]);
  });
});
