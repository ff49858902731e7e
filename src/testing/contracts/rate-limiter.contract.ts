import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RateLimiter } from "../../application/ports/rate-limiter.js";
import type { RateWindow } from "../../domain/rate-limit/rate-window.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How a RateLimiter adapter takes part in the contract: `make` gives an empty one each time. */
export type RateLimiterHarness = PortHarness<RateLimiter>;

const WINDOW_IDS = ["s1", "h1", "m1"] as const;

function window(id: string, limit: number, resetAt = new Date(Date.now() + 3_600_000)): RateWindow {
  return { name: "second", id, limit, resetAt };
}

/** The shared RateLimiter suite, written against the in-memory adapter's semantics. */
export function rateLimiterContract(name: string, harness: RateLimiterHarness): void {
  describe(`RateLimiter contract: ${name}`, () => {
    closeAfterAll(harness);

    it("counts each window and refuses without counting once one would go over", async () => {
      const limiter = await harness.make();
      const windows = [window("s1", 2), window("h1", 10)];
      expect(await limiter.consume("key:a", windows)).toEqual([1, 1]);
      expect(await limiter.consume("key:a", windows)).toEqual([2, 2]);
      expect(await limiter.consume("key:a", windows)).toEqual([3, 3]);
      expect(await limiter.consume("key:a", windows)).toEqual([3, 3]);
      expect(await limiter.consume("key:a", [window("h1", 10)])).toEqual([3]);
      expect(await limiter.consume("key:b", windows)).toEqual([1, 1]);
    });

    it("refuses everything under a zero limit and answers nothing for no window", async () => {
      const limiter = await harness.make();
      expect(await limiter.consume("key:a", [window("s1", 0), window("h1", 5)])).toEqual([1, 1]);
      expect(await limiter.consume("key:a", [window("h1", 5)])).toEqual([1]);
      expect(await limiter.consume("key:a", [])).toEqual([]);
    });

    it("allows exactly the limit among concurrent requests", async () => {
      const limiter = await harness.make();
      const windows = [window("s1", 5), window("h1", 100)];
      const counts = await Promise.all(Array.from({ length: 20 }, () => limiter.consume("key:a", windows)));
      expect(counts.filter(([second]) => (second ?? 0) <= 5)).toHaveLength(5);
      expect(await limiter.consume("key:a", [window("h1", 100)])).toEqual([6]);
    });

    it("starts over in the next window: a new window id counts from zero", async () => {
      const limiter = await harness.make();
      const first = [window("s1", 1, new Date(Date.now() + 200))];
      expect(await limiter.consume("key:a", first)).toEqual([1]);
      expect(await limiter.consume("key:a", first)).toEqual([2]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await limiter.consume("key:a", [window("s2", 1, new Date(Date.now() + 1000))])).toEqual([1]);
    });

    it("still counts a window whose reset is about now or already past (a late request, a clock ahead)", async () => {
      const limiter = await harness.make();
      for (const resetAt of [new Date(Date.now()), new Date(Date.now() - 5_000)]) {
        const windows = [window(`s${resetAt.getTime()}`, 3, resetAt)];
        const counts: number[][] = [];
        for (let i = 0; i < 4; i++) counts.push(await limiter.consume("key:late", windows));
        expect(counts).toEqual([[1], [2], [3], [4]]);
      }
    });

    it("answers like a counter per subject and window for any sequence of requests", async () => {
      const request = fc.record({
        subject: fc.constantFrom("key:a", "key:b"),
        windows: fc.subarray([...WINDOW_IDS], { minLength: 1 }),
        limits: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(request, { maxLength: 25 }), async (requests) => {
          const limiter = await harness.make();
          const model = new Map<string, number>();
          for (const { subject, windows: ids, limits } of requests) {
            const windows = ids.map((id, index) => window(id, limits[index] ?? 0));
            const keys = ids.map((id) => `${subject}|${id}`);
            const expected = keys.map((key) => (model.get(key) ?? 0) + 1);
            if (expected.every((count, index) => count <= (windows[index]?.limit ?? 0))) {
              for (const [index, key] of keys.entries()) model.set(key, expected[index] ?? 0);
            }
            expect(await limiter.consume(subject, windows)).toEqual(expected);
          }
        }),
        { numRuns: harness.numRuns ?? 40 },
      );
    });
  });
}
