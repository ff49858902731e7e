import fc from "fast-check";
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import { decodeDimensionKey, encodeDimensionKey } from "../../../../src/adapters/mongodb/dimension-key.js";
import { arbAnyString } from "../../../support/arbitraries.js";

describe("dimension keys", () => {
  it.each([
    ["m.facebook.com", "m%2Efacebook%2Ecom"],
    ["$x", "%24x"],
    ["a.b", "a%2Eb"],
    ["100%", "100%25"],
    ["%2E", "%252E"],
    ["", "%"],
    ["a\u0000b", "a%00b"],
    ["Samsung Internet", "Samsung Internet"],
    ["日本", "日本"],
  ])("stores %j as the field name %j", (value, key) => {
    expect(encodeDimensionKey(value)).toBe(key);
    expect(decodeDimensionKey(key)).toBe(value);
  });

  it("gives every string a field name allowed in an update path, that decodes back to it", () => {
    fc.assert(
      fc.property(arbAnyString, (value) => {
        const key = encodeDimensionKey(value);
        expect(key).not.toBe("");
        expect([".", "$", "\u0000"].some((char) => key.includes(char))).toBe(false);
        expect(decodeDimensionKey(key)).toBe(value);
      }),
    );
  });

  it("keeps distinct values apart", () => {
    fc.assert(
      fc.property(arbAnyString, arbAnyString, (a, b) => {
        fc.pre(a !== b);
        expect(encodeDimensionKey(a)).not.toBe(encodeDimensionKey(b));
      }),
    );
  });

  it("round-trips through BSON as a field name", () => {
    fc.assert(
      fc.property(arbAnyString, (value) => {
        const stored = BSON.deserialize(BSON.serialize({ counts: { [encodeDimensionKey(value)]: 1 } }));
        expect(Object.keys(stored.counts).map(decodeDimensionKey)).toEqual([value]);
      }),
    );
  });
});
