import fc from "fast-check";
import type { ClassifiedClick } from "../domain/click/click.js";
import type { Day, DayRange } from "../domain/time/day.js";

/** Strings that break stores keying by object properties, dotted paths or `$` operators, and non-ASCII. */
export const TRICKY_VALUES: readonly string[] = [
  "m.facebook.com",
  "t.co",
  "$x",
  "$ref",
  "a.b.c",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "Direct",
  "Unknown",
  "日本語",
  "Ünïcödé",
  "🦄",
  "with space",
  "a:b",
  "{}",
];

/** A few link ids, so that generated clicks share links. */
export const LINK_IDS: readonly string[] = ["lnk_alpha", "lnk_beta", "lnk_gamma"];

/** A few consecutive UTC days across a year boundary, so that day order is not plain string luck. */
export const DAYS: readonly Day[] = ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03"];

/** Any dimension value: common names, tricky strings, random ASCII and random unicode (never empty). */
export function arbValue(common: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...common, ...TRICKY_VALUES),
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
  );
}

/** A range of {@link DAYS}: start ≤ end. */
export function arbRange(): fc.Arbitrary<DayRange> {
  const index = fc.integer({ min: 0, max: DAYS.length - 1 });
  return fc.tuple(index, index).map(([a, b]) => ({
    start: DAYS[Math.min(a, b)] ?? "2025-12-30",
    end: DAYS[Math.max(a, b)] ?? "2025-12-30",
  }));
}

/** A classified click on one of {@link LINK_IDS} and {@link DAYS}; one in five is a bot. */
export function arbClassifiedClick(): fc.Arbitrary<ClassifiedClick> {
  return fc.record({
    linkId: fc.constantFrom(...LINK_IDS),
    day: fc.constantFrom(...DAYS),
    bot: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    device: fc.constantFrom("Desktop", "Mobile", "Tablet", "Other"),
    os: arbValue(["iOS", "Android", "Windows", "macOS"]),
    browser: arbValue(["Chrome", "Safari", "Samsung Internet"]),
    country: fc.constantFrom("US", "FR", "DE", "JP", "BR", "ZZ"),
    referrer: arbValue(["Direct", "m.facebook.com", "com.linkedin.android"]),
    // A small pool, so that the same visitor comes back on the same and on other days.
    visitor: fc.constantFrom("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "$v", "__proto__"),
  });
}

/** Up to 80 classified clicks. */
export function arbClicks(): fc.Arbitrary<ClassifiedClick[]> {
  return fc.array(arbClassifiedClick(), { maxLength: 80, size: "max" });
}

/** The 21 characters after an id's prefix (`lnk_`, `key_`), as the id generator makes them. */
export function arbIdSuffix(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Za-z0-9_-]{21}$/);
}
