import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { HexlinkEmitter } from "../../../src/application/services/hexlink-emitter.js";
import { logHexlinkEvents } from "../../../src/bootstrap/log-hexlink-events.js";

describe("logHexlinkEvents", () => {
  it("logs store changes at warn and info, flushes at debug, and a failing listener at error", () => {
    const lines: { level: number; msg: string; reason?: string; store?: string }[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const events = new HexlinkEmitter();
    const stop = logHexlinkEvents(events, logger);
    events.emit("store:down", { role: "stores", kind: "redis", reason: "connect ECONNREFUSED" });
    events.emit("store:up", { role: "stores", kind: "redis" });
    events.emit("clicks:flushed", { batchId: "b1", clicks: 4 });
    events.emit("error", { error: new Error("flush failed"), source: "clicks" });
    events.emit("error", { error: new Error("listener bug"), source: "listener" });
    events.emit("error", { error: new Error("outbox down"), source: "webhooks" });
    stop();
    events.emit("store:down", { role: "shared", kind: "redis", reason: "again" });
    expect(lines.map(({ level, msg, reason, store }) => ({ level, msg, reason, store }))).toEqual([
      { level: 40, msg: "store connection lost", reason: "connect ECONNREFUSED", store: "redis" },
      { level: 30, msg: "store connection back", reason: undefined, store: "redis" },
      { level: 20, msg: "clicks flushed", reason: undefined, store: undefined },
      { level: 50, msg: "hexlink event listener failed", reason: undefined, store: undefined },
      { level: 50, msg: "webhook messages could not be queued", reason: undefined, store: undefined },
    ]);
  });
});
