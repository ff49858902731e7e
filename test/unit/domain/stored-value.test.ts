import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OVERFLOW_VALUE } from "../../../src/domain/click/click.js";
import { LISTED_VALUES_PER_DIMENSION, listedCounts } from "../../../src/domain/click/click-counts.js";
import {
  addStoredValue,
  STORED_VALUES_PER_DIMENSION,
  storedValue,
} from "../../../src/domain/click/stored-value.js";

const CAP = STORED_VALUES_PER_DIMENSION;
const sum = (values: Iterable<number>) => [...values].reduce((all, count) => all + count, 0);

describe("the cap on stored values of a link-day's dimension", () => {
  it("keeps a value held or with room, and sends a new one past the cap to Other", () => {
    expect(storedValue("t.co", false, CAP - 1)).toBe("t.co");
    expect(storedValue("t.co", true, CAP)).toBe("t.co");
    expect(storedValue("t.co", false, CAP)).toBe(OVERFLOW_VALUE);
    expect(storedValue(OVERFLOW_VALUE, false, CAP + 5)).toBe(OVERFLOW_VALUE);
  });

  it("never holds more than the cap of named values, first come first kept, sums exact (property)", () => {
    const arbAdds = fc.array(fc.tuple(fc.integer({ min: 0, max: CAP * 2 }), fc.integer({ min: 1, max: 5 })), {
      maxLength: CAP * 3,
    });
    fc.assert(
      fc.property(arbAdds, (adds) => {
        const values = new Map<string, number>();
        const firstSeen: string[] = [];
        for (const [index, count] of adds) {
          const value = index === 0 ? OVERFLOW_VALUE : `v${index}`;
          if (value !== OVERFLOW_VALUE && !firstSeen.includes(value)) firstSeen.push(value);
          addStoredValue(values, value, count);
        }
        const named = [...values.keys()].filter((value) => value !== OVERFLOW_VALUE);
        expect(named).toEqual(firstSeen.slice(0, CAP));
        expect(sum(values.values())).toBe(sum(adds.map(([, count]) => count)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("the bound on listed values", () => {
  it("lists a short breakdown whole", () => {
    const values = new Map(Array.from({ length: LISTED_VALUES_PER_DIMENSION }, (_, i) => [`v${i}`, i + 1]));
    expect(listedCounts(values)).toHaveLength(LISTED_VALUES_PER_DIMENSION);
  });

  it("lists the top values and Other holding the rest, sums exact", () => {
    const values = new Map<string, number>(Array.from({ length: 1000 }, (_, i) => [`v${i}`, i + 1]));
    values.set(OVERFLOW_VALUE, 7);
    const listed = listedCounts(values);
    expect(listed).toHaveLength(LISTED_VALUES_PER_DIMENSION);
    expect(sum(listed.map((entry) => entry.clicks))).toBe(sum(values.values()));
    expect(listed[0]).toEqual({
      name: OVERFLOW_VALUE,
      clicks: sum(values.values()) - sum(listed.slice(1).map((e) => e.clicks)),
    });
    expect(listed[1]).toEqual({ name: "v999", clicks: 1000 });
    expect(listed.filter((entry) => entry.name === OVERFLOW_VALUE)).toHaveLength(1);
  });

  it("keeps any breakdown within the bound with exact sums (property)", () => {
    const arbValues = fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 50 })), {
      maxLength: 400,
    });
    fc.assert(
      fc.property(arbValues, (entries) => {
        const values = new Map(entries);
        const listed = listedCounts(values);
        expect(listed.length).toBeLessThanOrEqual(LISTED_VALUES_PER_DIMENSION);
        expect(sum(listed.map((entry) => entry.clicks))).toBe(sum(values.values()));
        expect(new Set(listed.map((entry) => entry.name)).size).toBe(listed.length);
      }),
    );
  });
});
