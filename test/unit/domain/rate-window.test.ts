import { describe, expect, it } from "vitest";
import {
  apiKeyWindows,
  decide,
  minuteWindow,
  type RateWindow,
} from "../../../src/domain/rate-limit/rate-window.js";

const LIMITS = { perSecond: 10, perHour: 1000, perMonth: 100_000 };
const windowsAt = (iso: string) => apiKeyWindows(new Date(iso), LIMITS);
const byName = (windows: readonly RateWindow[], name: RateWindow["name"]): RateWindow => {
  const found = windows.find((window) => window.name === name);
  if (found === undefined) throw new Error(`no ${name} window`);
  return found;
};
const resetOf = (iso: string, name: RateWindow["name"]) => byName(windowsAt(iso), name).resetAt.toISOString();
const idOf = (iso: string, name: RateWindow["name"]) => byName(windowsAt(iso), name).id;

describe("apiKeyWindows", () => {
  it("gives a second, an hour and a calendar month window with the key's limits", () => {
    const windows = windowsAt("2026-03-15T12:34:56.789Z");
    expect(windows.map((w) => [w.name, w.limit])).toEqual([
      ["second", 10],
      ["hour", 1000],
      ["month", 100_000],
    ]);
  });

  it("each window ends at the next UTC boundary of its period", () => {
    expect(resetOf("2026-03-15T12:34:56.789Z", "second")).toBe("2026-03-15T12:34:57.000Z");
    expect(resetOf("2026-03-15T12:34:56.789Z", "hour")).toBe("2026-03-15T13:00:00.000Z");
    expect(resetOf("2026-03-15T12:34:56.789Z", "month")).toBe("2026-04-01T00:00:00.000Z");
    expect(resetOf("2026-12-31T23:59:59.999Z", "month")).toBe("2027-01-01T00:00:00.000Z");
    expect(resetOf("2028-02-29T10:00:00.000Z", "month")).toBe("2028-03-01T00:00:00.000Z");
  });

  it("the first instant of a period opens a new window; the last instant belongs to the old one", () => {
    for (const name of ["second", "hour", "month"] as const) {
      expect(idOf("2026-03-31T23:59:59.999Z", name)).not.toBe(idOf("2026-04-01T00:00:00.000Z", name));
      expect(resetOf("2026-03-31T23:59:59.999Z", name)).toBe("2026-04-01T00:00:00.000Z");
    }
  });

  it("instants in the same period share the window id", () => {
    expect(idOf("2026-03-15T12:34:56.000Z", "second")).toBe(idOf("2026-03-15T12:34:56.999Z", "second"));
    expect(idOf("2026-03-15T12:00:00.000Z", "hour")).toBe(idOf("2026-03-15T12:59:59.999Z", "hour"));
    expect(idOf("2026-03-01T00:00:00.000Z", "month")).toBe(idOf("2026-03-31T23:59:59.999Z", "month"));
  });

  it("a month is a calendar month in UTC, not in local time or 30 days", () => {
    expect(idOf("2026-02-28T23:30:00-02:00", "month")).toBe(idOf("2026-03-01T00:00:00.000Z", "month"));
    expect(idOf("2026-01-31T00:00:00.000Z", "month")).not.toBe(idOf("2026-02-01T00:00:00.000Z", "month"));
  });
});

describe("minuteWindow", () => {
  it("is the UTC minute of the instant", () => {
    const window = minuteWindow(new Date("2026-03-15T12:34:56.789Z"), 5);
    expect(window).toMatchObject({ name: "minute", limit: 5 });
    expect(window.resetAt.toISOString()).toBe("2026-03-15T12:35:00.000Z");
  });
});

describe("decide", () => {
  const now = new Date("2026-03-15T12:34:56.500Z");
  const windows = apiKeyWindows(now, { perSecond: 10, perHour: 100, perMonth: 1000 });

  it("allows a request within every window and reports the tightest window in the headers", () => {
    // remaining: second 10-2=8, hour 100-95=5, month 1000-500=500 → the hour window is tightest.
    expect(decide(windows, [2, 95, 500], now)).toEqual({
      allowed: true,
      limit: 100,
      remaining: 5,
      resetSeconds: 1504,
      exceeded: null,
    });
  });

  it("reports the second window when it is the tightest", () => {
    expect(decide(windows, [9, 10, 10], now)).toMatchObject({ allowed: true, limit: 10, remaining: 1 });
  });

  it("allows the request that reaches a limit exactly, with nothing remaining", () => {
    expect(decide(windows, [10, 10, 10], now)).toMatchObject({ allowed: true, limit: 10, remaining: 0 });
  });

  it("refuses when one window is over its limit and names it", () => {
    expect(decide(windows, [11, 20, 20], now)).toEqual({
      allowed: false,
      limit: 10,
      remaining: 0,
      resetSeconds: 1,
      exceeded: "second",
    });
  });

  it("on refusal by several windows, reports the one that frees last", () => {
    expect(decide(windows, [11, 101, 20], now)).toMatchObject({
      allowed: false,
      exceeded: "hour",
      limit: 100,
      resetSeconds: 1504,
    });
    const monthSeconds = Math.ceil((Date.parse("2026-04-01T00:00:00Z") - now.getTime()) / 1000);
    expect(decide(windows, [11, 101, 1001], now)).toMatchObject({
      allowed: false,
      exceeded: "month",
      limit: 1000,
      resetSeconds: monthSeconds,
    });
  });

  it("a month over its limit is exceeded 'month' even when the shorter windows have room", () => {
    expect(decide(windows, [1, 1, 1001], now)).toMatchObject({
      allowed: false,
      exceeded: "month",
      remaining: 0,
    });
  });

  it("never reports less than one second until reset", () => {
    const atBoundary = new Date("2026-03-15T12:34:56.999Z");
    const decision = decide(apiKeyWindows(atBoundary, LIMITS), [11, 1, 1], atBoundary);
    expect(decision.resetSeconds).toBe(1);
  });
});
