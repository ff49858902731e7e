import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hasEveryTag,
  matchesSearch,
  parseSearch,
  parseTag,
  parseTags,
  parseTitle,
} from "../../../src/domain/link/link-metadata.js";
import { aDomainError, aLink } from "../../support/builders.js";

const TAG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-";

describe("parseTitle", () => {
  it("keeps up to 200 characters, trimmed; blank or null is no title", () => {
    expect(parseTitle("  Summer sale ")).toBe("Summer sale");
    expect(parseTitle("é".repeat(200))).toBe("é".repeat(200));
    expect(parseTitle("🦄".repeat(200))).toBe("🦄".repeat(200));
    expect(parseTitle("   ")).toBeNull();
    expect(parseTitle(null)).toBeNull();
  });

  it("refuses a longer title or control characters with invalid_request", () => {
    expect(() => parseTitle("a".repeat(201))).toThrow(aDomainError("invalid_request"));
    expect(() => parseTitle("a\u0000b")).toThrow(/control characters/);
    expect(() => parseTitle("line\nbreak")).toThrow(aDomainError("invalid_request"));
  });
});

describe("parseTag and parseTags", () => {
  it("accepts 1–50 of [a-z0-9_-] in any letter case, stored lower-case", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TAG_CHARS), minLength: 1, maxLength: 50 }), (tag) => {
        expect(parseTag(tag.toUpperCase())).toBe(tag);
      }),
    );
  });

  it("refuses anything else with invalid_request", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        fc.pre(!/^[a-z0-9_-]{1,50}$/.test(value.toLowerCase()));
        expect(() => parseTag(value)).toThrow(aDomainError("invalid_request"));
      }),
    );
  });

  it("keeps each tag once, in its first place, and at most 20 distinct", () => {
    expect(parseTags(["Red", "blue", "RED", "red"])).toEqual(["red", "blue"]);
    const twenty = Array.from({ length: 20 }, (_, index) => `t${index}`);
    expect(parseTags([...twenty, "T0"])).toEqual(twenty);
    expect(() => parseTags([...twenty, "t20"])).toThrow(/at most 20 distinct tags/);
  });
});

describe("search and tag filters", () => {
  const link = aLink().withSlug("Promo-2026").to("https://example.com/Landing").titled("Été Sale").build();

  it("finds text in the slug, destination or title, ignoring case", () => {
    for (const text of ["promo", "LANDING", "été sale", "example.com", "-20"]) {
      expect(matchesSearch(link, text)).toBe(true);
    }
    expect(matchesSearch(link, "winter")).toBe(false);
    expect(matchesSearch({ ...link, title: null }, "sale")).toBe(false);
  });

  it("bounds the search text", () => {
    expect(parseSearch("x".repeat(200))).toHaveLength(200);
    expect(() => parseSearch("x".repeat(201))).toThrow(aDomainError("invalid_request"));
  });

  it("a link has every tag asked for, or it does not match", () => {
    const tagged = aLink().taggedWith("red", "blue").build();
    expect(hasEveryTag(tagged, ["red"])).toBe(true);
    expect(hasEveryTag(tagged, ["blue", "red"])).toBe(true);
    expect(hasEveryTag(tagged, ["red", "green"])).toBe(false);
    expect(hasEveryTag(tagged, [])).toBe(true);
  });
});
