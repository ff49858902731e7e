import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BOTS_FIELD,
  CLICKS_FIELD,
  dimensionField,
  parseDimensionField,
} from "../../../../src/adapters/redis/click-fields.js";
import { DIMENSIONS } from "../../../../src/domain/click/click.js";
import { TRICKY_VALUES } from "../../../support/arbitraries.js";

describe("click hash fields", () => {
  it("round-trips every dimension and any string, lone surrogates included", () => {
    const value = fc.oneof(fc.constantFrom(...TRICKY_VALUES, ":", ""), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(fc.constantFrom(...DIMENSIONS), value, (dimension, raw) => {
        expect(parseDimensionField(dimensionField(dimension, raw))).toEqual({ dimension, value: raw });
      }),
    );
  });

  it("gives distinct fields to distinct pairs", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIMENSIONS), fc.string(), fc.string(), (dimension, a, b) => {
        expect(dimensionField(dimension, a) === dimensionField(dimension, b)).toBe(a === b);
      }),
    );
  });

  it("reads totals and unknown fields as no dimension", () => {
    for (const field of [CLICKS_FIELD, BOTS_FIELD, 'planet:"Mars"', "device:not-json", "device:42"]) {
      expect(parseDimensionField(field)).toBeNull();
    }
  });
});
