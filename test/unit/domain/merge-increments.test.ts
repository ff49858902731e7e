import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClickIncrement, foldClicks, mergeIncrements } from "../../../src/domain/click/click.js";
import { arbClicks } from "../../support/arbitraries.js";

/** Increments as plain data, in a stable order, for comparison. */
function plain(increments: readonly ClickIncrement[]) {
  return increments
    .map((increment) => ({
      ...increment,
      dimensions: [...increment.dimensions]
        .map(([dimension, values]) => [dimension, [...values].sort(([a], [b]) => (a < b ? -1 : 1))] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
      visitors: [...increment.visitors].sort(),
    }))
    .sort((a, b) => (`${a.linkId} ${a.day}` < `${b.linkId} ${b.day}` ? -1 : 1));
}

describe("mergeIncrements", () => {
  it("merges the folds of any split of clicks into the fold of them all", () => {
    fc.assert(
      fc.property(arbClicks(), arbClicks(), (first, second) => {
        const merged = mergeIncrements([...foldClicks(first), ...foldClicks(second)]);
        expect(plain(merged)).toEqual(plain(foldClicks([...first, ...second])));
      }),
    );
  });

  it("keeps a lone increment as it is and never changes the ones given", () => {
    const increment = (linkId: string, clicks: number, visitor: string): ClickIncrement => ({
      linkId,
      day: "2026-03-15",
      clicks,
      botClicks: 0,
      dimensions: new Map([["device", new Map([["Mobile", clicks]])]]),
      visitors: new Set([visitor]),
    });
    const given = [increment("lnk_a", 1, "v1"), increment("lnk_b", 5, "v9"), increment("lnk_a", 2, "v2")];
    const before = structuredClone(given);
    const merged = mergeIncrements(given);
    expect(given).toEqual(before);
    expect(merged).toHaveLength(2);
    expect(merged[1]).toBe(given[1]);
    expect(merged[0]).toEqual({
      ...increment("lnk_a", 3, "v1"),
      visitors: new Set(["v1", "v2"]),
    });
  });
});
