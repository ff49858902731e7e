import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { InMemoryClickStore } from "../../src/adapters/memory/in-memory-click-store.js";
import { yearOfClicks } from "../support/year-of-clicks.js";
import { clickStoreContract } from "./click-store.contract.js";

clickStoreContract("InMemoryClickStore", { make: async () => new InMemoryClickStore() });

describe("InMemoryClickStore at scale", () => {
  it("answers a 365-day query over a million clicks in under 10 ms", async () => {
    const store = new InMemoryClickStore();
    const { increments, range } = yearOfClicks("lnk_big", 1_000_000);
    await store.add(increments);
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const counts = await store.query("lnk_big", range);
      times.push(performance.now() - start);
      expect(counts.days.size).toBe(365);
      expect(counts.uniqueClicks).toBe(
        increments.reduce((sum, increment) => sum + increment.visitors.size, 0),
      );
    }
    expect(Math.min(...times)).toBeLessThan(10);
  });
});
