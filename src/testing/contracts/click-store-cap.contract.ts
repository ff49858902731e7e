import fc from "fast-check";
import { expect, it } from "vitest";
import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, DIMENSIONS, type Dimension, OVERFLOW_VALUE } from "../../domain/click/click.js";
import { type ClickCounts, countsFromIncrements } from "../../domain/click/click-counts.js";
import { STORED_VALUES_PER_DIMENSION } from "../../domain/click/stored-value.js";
import type { DayRange } from "../../domain/time/day.js";

const CAP = STORED_VALUES_PER_DIMENSION;
const LINK = "lnk_capped";
const DAY = "2026-01-01";
const NEXT_DAY = "2026-01-02";
const RANGE: DayRange = { start: DAY, end: NEXT_DAY };

/** An increment of one link-day: per value of `referrers` (in order) its count, and all of them as `os` too. */
function increment(referrers: ReadonlyMap<string, number>, day = DAY, linkId = LINK): ClickIncrement {
  const clicks = [...referrers.values()].reduce((sum, count) => sum + count, 0);
  const dimensions = new Map<Dimension, ReadonlyMap<string, number>>([
    ["referrer", referrers],
    ["os", new Map(referrers)],
    ["device", new Map([["Mobile", clicks]])],
  ]);
  return { linkId, day, clicks, botClicks: 0, dimensions, visitors: new Set() };
}

/** `count` distinct referrers named from `from` on, each with `clicks` clicks. */
function referrers(from: number, count: number, clicks = 1): Map<string, number> {
  return new Map(Array.from({ length: count }, (_, index) => [`ref-${from + index}.example`, clicks]));
}

function sorted(values: ReadonlyMap<string, number> | undefined): [string, number][] {
  return [...(values ?? [])]
    .filter(([, count]) => count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function expectOracle(actual: ClickCounts, increments: readonly ClickIncrement[], range = RANGE): void {
  const expected = countsFromIncrements(increments, LINK, range);
  for (const dimension of DIMENSIONS) {
    expect(sorted(actual.dimensions.get(dimension))).toEqual(sorted(expected.dimensions.get(dimension)));
  }
  const total = [...actual.days.values()].reduce((sum, day) => sum + day.clicks, 0);
  for (const dimension of ["referrer", "os", "device"] as const) {
    const values = [...(actual.dimensions.get(dimension) ?? new Map<string, number>()).values()];
    expect(values.reduce((sum, count) => sum + count, 0)).toBe(total);
  }
}

/**
 * The cap on stored values, for every ClickStore: a dimension of one link-day keeps at most
 * {@link STORED_VALUES_PER_DIMENSION} named values, first come first kept; new values past that count under
 * `Other`, and every sum stays exact. Runs inside the store's contract suite.
 */
export function clickStoreCapCases(make: () => Promise<ClickStore>, freshBatch: () => string): void {
  it("keeps at most the cap of values per dimension of a link-day, the rest under Other", async () => {
    const store = await make();
    const batch = [increment(referrers(0, CAP + 50, 2))];
    await store.add(batch, freshBatch());
    const counts = await store.query(LINK, RANGE);
    const stored = counts.dimensions.get("referrer");
    expect(stored?.size).toBe(CAP + 1);
    expect(stored?.get(OVERFLOW_VALUE)).toBe(100);
    expect(stored?.get("ref-0.example")).toBe(2);
    expect(stored?.get(`ref-${CAP - 1}.example`)).toBe(2);
    expect(stored?.has(`ref-${CAP}.example`)).toBe(false);
    expectOracle(counts, batch);
  });

  it("keeps the slots of earlier batches: known values still count by name, new ones under Other", async () => {
    const store = await make();
    const first = increment(referrers(0, CAP - 10));
    const second = increment(new Map([...referrers(CAP - 10, 30, 3), ...referrers(0, 5, 7)]));
    await store.add([first], freshBatch());
    await store.add([second], freshBatch());
    const counts = await store.query(LINK, RANGE);
    const stored = counts.dimensions.get("referrer");
    expect(stored?.size).toBe(CAP + 1);
    expect(stored?.get("ref-0.example")).toBe(8);
    expect(stored?.get(`ref-${CAP - 1}.example`)).toBe(3);
    expect(stored?.get(OVERFLOW_VALUE)).toBe(20 * 3);
    expectOracle(counts, [first, second]);
  });

  it("caps each link-day apart, and Other takes no slot", async () => {
    const store = await make();
    const withOther = new Map([[OVERFLOW_VALUE, 4], ...referrers(0, CAP)]);
    const batch = [
      increment(withOther),
      increment(referrers(CAP, CAP + 1), NEXT_DAY),
      increment(referrers(5000, CAP + 3), DAY, "lnk_other"),
    ];
    await store.add(batch, freshBatch());
    const day = await store.query(LINK, { start: DAY, end: DAY });
    expect(day.dimensions.get("referrer")?.size).toBe(CAP + 1);
    expect(day.dimensions.get("referrer")?.get(OVERFLOW_VALUE)).toBe(4);
    const both = await store.query(LINK, RANGE);
    expect(both.dimensions.get("referrer")?.size).toBe(2 * CAP + 1);
    expect(both.dimensions.get("referrer")?.get(OVERFLOW_VALUE)).toBe(4 + 1);
    expectOracle(both, batch);
    expectOracle(day, batch, { start: DAY, end: DAY });
  });

  it("answers what the capped fold says for batches around the cap (property)", async () => {
    const arbBatch = fc
      .tuple(fc.integer({ min: 0, max: CAP + 40 }), fc.integer({ min: 0, max: 40 }), fc.boolean())
      .map(([from, count, nextDay]) =>
        increment(referrers(from, count, 1 + (from % 3)), nextDay ? NEXT_DAY : DAY),
      );
    // A first batch fills a day nearly to the cap; the next ones bring known and new values.
    const arbBatches = fc
      .tuple(fc.integer({ min: CAP - 30, max: CAP }), fc.array(arbBatch, { minLength: 1, maxLength: 10 }))
      .map(([fill, rest]) => [increment(referrers(0, fill)), ...rest]);
    await fc.assert(
      fc.asyncProperty(arbBatches, async (batches) => {
        const store = await make();
        for (const batch of batches) await store.add([batch], freshBatch());
        expectOracle(await store.query(LINK, RANGE), batches);
      }),
      { numRuns: 15 },
    );
  });
}
