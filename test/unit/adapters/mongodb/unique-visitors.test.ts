import { describe, expect, it } from "vitest";
import {
  estimateVisitors,
  mergeRegisters,
  visitorRegisters,
} from "../../../../src/adapters/mongodb/unique-visitors.js";

const ids = (count: number, prefix = "v") => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe("unique visitor registers", () => {
  it("estimate nothing for no visitors", () => {
    expect(estimateVisitors(new Map())).toBe(0);
  });

  it("are bounded whatever the number of visitors", () => {
    expect(visitorRegisters(ids(50_000)).size).toBeLessThanOrEqual(2048);
  });

  it.each([1, 10, 100, 1_000, 10_000, 100_000])("estimate %i visitors within 3 standard errors", (count) => {
    const estimate = estimateVisitors(visitorRegisters(ids(count)));
    expect(Math.abs(estimate - count)).toBeLessThanOrEqual(Math.max(1, 0.07 * count));
  });

  it("merge by maximum, so a union of days counts a shared visitor once", () => {
    const merged = visitorRegisters(ids(500, "a"));
    mergeRegisters(merged, visitorRegisters([...ids(500, "a"), ...ids(500, "b")]));
    expect(merged).toEqual(visitorRegisters([...ids(500, "b"), ...ids(500, "a")]));
  });
});
