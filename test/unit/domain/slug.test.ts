import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isReservedSlug, isValidSlug, parseSlug } from "../../../src/domain/link/slug.js";
import { aDomainError } from "../../support/builders.js";

const ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
// The reserved words that would otherwise be well-formed slugs, written out again on purpose.
const RESERVED = "client docs healthz readyz api admin static assets metrics login logout".split(" ");

/** The rule restated without regular expressions: 3–64 characters of the alphabet, not reserved. */
function oracle(value: string): boolean {
  const wellFormed = value.length >= 3 && value.length <= 64 && [...value].every((c) => ALLOWED.includes(c));
  return wellFormed && !RESERVED.includes(value.toLowerCase());
}

function accepts(value: string): boolean {
  try {
    return parseSlug(value) === value;
  } catch (error) {
    expect(error).toEqual(aDomainError("invalid_slug"));
    return false;
  }
}

const mixedCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));

describe("parseSlug", () => {
  it("accepts 3 and 64 characters and refuses 2 and 65", () => {
    expect(parseSlug("abc")).toBe("abc");
    expect(parseSlug("a".repeat(64))).toBe("a".repeat(64));
    expect(() => parseSlug("ab")).toThrow(aDomainError("invalid_slug"));
    expect(() => parseSlug("a".repeat(65))).toThrow(aDomainError("invalid_slug"));
  });

  it("accepts letters, digits, '_' and '-' in any position", () => {
    for (const slug of ["-_-", "My_Promo-2026", "0123456789", "__init__"]) expect(parseSlug(slug)).toBe(slug);
  });

  it.each(["my slug", "a/b", "a.b", "a?b", "a#b", "café", "emoji🙂", "tab\tx", "abc\n", "a%20b", ""])(
    "refuses %j",
    (slug) => {
      expect(() => parseSlug(slug)).toThrow(aDomainError("invalid_slug"));
    },
  );

  it("is case-sensitive: it keeps the case and treats Promo and promo as different slugs", () => {
    expect(parseSlug("Promo")).toBe("Promo");
    expect(parseSlug("promo")).toBe("promo");
    expect(parseSlug("Promo")).not.toBe(parseSlug("promo"));
  });

  it.each([
    "admin",
    "ADMIN",
    "Admin",
    "api",
    "API",
    "Docs",
    "healthz",
    "READYZ",
    "Static",
    "assets",
    "metrics",
  ])("refuses the reserved word %j whatever its case", (slug) => {
    expect(() => parseSlug(slug)).toThrow(aDomainError("invalid_slug", `The slug '${slug}' is reserved.`));
    expect(isReservedSlug(slug)).toBe(true);
    expect(isValidSlug(slug)).toBe(false);
  });

  it("accepts a word that only contains a reserved word", () => {
    expect(parseSlug("admins")).toBe("admins");
    expect(parseSlug("my-api")).toBe("my-api");
  });
});

describe("slug validation (property)", () => {
  const fromAlphabet = fc.string({ unit: fc.constantFrom(...ALLOWED), minLength: 0, maxLength: 70 });
  const reserved = fc.constantFrom(...RESERVED).chain(mixedCase);
  const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 70 }), fc.string({ unit: "grapheme" }));

  it("accepts exactly the strings of 3–64 allowed characters that are not reserved", () => {
    fc.assert(
      fc.property(fc.oneof(fromAlphabet, reserved, anyText), (value) => {
        expect(accepts(value)).toBe(oracle(value));
        expect(isValidSlug(value)).toBe(oracle(value));
      }),
      { numRuns: 200 },
    );
  });

  it("accepts every string of the alphabet within the length bounds that is no reserved word", () => {
    const wellFormed = fc.string({ unit: fc.constantFrom(...ALLOWED), minLength: 3, maxLength: 64 });
    fc.assert(
      fc.property(wellFormed, (value) => {
        fc.pre(!RESERVED.includes(value.toLowerCase()));
        expect(parseSlug(value)).toBe(value);
      }),
      { numRuns: 200 },
    );
  });
});
