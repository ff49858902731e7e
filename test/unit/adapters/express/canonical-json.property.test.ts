import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../../src/adapters/express/v1/idempotent-answer.js";

/** The same object with its keys in another order, at every depth. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reordered(item)]),
    );
  }
  return value;
}

describe("canonicalJson (the Idempotency-Key fingerprint's body)", () => {
  it("is the same for any key order, and reads back as the same value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = canonicalJson(value);
        expect(canonicalJson(reordered(value))).toBe(json);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("tells different bodies apart", () => {
    expect(canonicalJson({ url: "https://a.test/" })).not.toBe(canonicalJson({ url: "https://b.test/" }));
    expect(canonicalJson({ links: [1, 2] })).not.toBe(canonicalJson({ links: [2, 1] }));
  });
});
