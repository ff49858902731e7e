import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../src/adapters/memory/in-memory-click-store.js";
import { yearOfClicks } from "../support/year-of-clicks.js";

/** The in-memory click store's own cases, beyond the ClickStore contract. */
export function inMemoryClickStoreCases(): void {
  // Its speed is measured by `npm run bench` (bench/fold.ts), never asserted here.
  describe("InMemoryClickStore at scale", () => {
    it("answers a 365-day query over a million clicks with every day and every visitor counted", async () => {
      const store = new InMemoryClickStore();
      const { increments, range } = yearOfClicks("lnk_big", 1_000_000);
      await store.add(increments, "year");
      const counts = await store.query("lnk_big", range);
      expect(counts.days.size).toBe(365);
      const total = [...counts.days.values()].reduce((sum, day) => sum + day.clicks, 0);
      expect(total).toBe(increments.reduce((sum, increment) => sum + increment.clicks, 0));
      expect(counts.uniqueClicks).toBe(
        increments.reduce((sum, increment) => sum + increment.visitors.size, 0),
      );
    });
  });
}
