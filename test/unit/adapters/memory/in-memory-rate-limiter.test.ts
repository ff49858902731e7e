import { describe, expect, it } from "vitest";
import {
  InMemoryRateLimiter,
  RATE_COUNTER_GRACE_MS,
} from "../../../../src/adapters/memory/in-memory-rate-limiter.js";
import { minuteWindow } from "../../../../src/domain/rate-limit/rate-window.js";
import { ManualClock } from "../../../../src/testing/manual-clock.js";

describe("InMemoryRateLimiter", () => {
  it("keeps counting windows from a clock far behind its own (a test's fake clock beside real time)", async () => {
    const own = new ManualClock("2026-12-01T10:00:00Z");
    const limiter = new InMemoryRateLimiter(own);
    const window = minuteWindow(new Date("2026-03-15T12:00:00Z"), 3);
    expect(await limiter.consume("pw:a", [window])).toEqual([1]);
    // Past the sweep's one-second pace: a sweep by its own clock used to drop the counter here.
    own.advance(5_000);
    expect(await limiter.consume("pw:a", [window])).toEqual([2]);
    own.advance(5_000);
    expect(await limiter.consume("pw:a", [window])).toEqual([3]);
    expect(await limiter.consume("pw:a", [window])).toEqual([4]);
  });

  it("collects a counter once the grace after its last count is over", async () => {
    const own = new ManualClock("2026-12-01T10:00:00Z");
    const limiter = new InMemoryRateLimiter(own);
    const window = minuteWindow(new Date("2026-03-15T12:00:00Z"), 3);
    expect(await limiter.consume("pw:a", [window])).toEqual([1]);
    own.advance(RATE_COUNTER_GRACE_MS + 1);
    expect(await limiter.consume("pw:a", [window])).toEqual([1]);
  });

  it("keeps a window's counter until its reset on the same clock, then lets the next window start over", async () => {
    const clock = new ManualClock("2026-03-15T12:00:10Z");
    const limiter = new InMemoryRateLimiter(clock);
    expect(await limiter.consume("pw:a", [minuteWindow(clock.now(), 1)])).toEqual([1]);
    clock.advance(30_000);
    expect(await limiter.consume("pw:a", [minuteWindow(clock.now(), 1)])).toEqual([2]);
    clock.advance(30_000);
    expect(await limiter.consume("pw:a", [minuteWindow(clock.now(), 1)])).toEqual([1]);
  });
});
