import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referrerName } from "../../../src/domain/click/referrer.js";

describe("referrerName", () => {
  it.each([
    ["https://m.facebook.com/story.php?id=1", "m.facebook.com"],
    ["https://t.co/AbC123", "t.co"],
    ["HTTPS://WWW.Google.COM:443/search?q=hexlink", "www.google.com"],
    ["http://user:secret@example.com/path", "example.com"],
    ["https://example.com?utm_source=x", "example.com"],
    ["https://example.com#top", "example.com"],
    ["https://example.com.", "example.com"],
    ["https://bücher.de/", "bücher.de"],
    ["http://[2001:db8::1]:8080/", "[2001:db8::1]"],
    ["android-app://com.linkedin.android/", "com.linkedin.android"],
    ["android-app://com.google.android.gm/http/mail.google.com", "com.google.android.gm"],
  ])("names %s as %s", (raw, name) => {
    expect(referrerName(raw)).toBe(name);
  });

  it.each([
    undefined,
    "",
    "   ",
    "not a url",
    "javascript:alert(1)",
    "ftp://files.example.com/",
    "http://",
    "https://exa mple.com/",
    "https://a..b/",
    "//example.com/",
  ])("answers Direct for %s", (raw) => {
    expect(referrerName(raw)).toBe("Direct");
  });

  it("never throws and never answers an empty name", () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: "grapheme" }))), (raw) => {
        const name = referrerName(raw ?? undefined);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(255);
      }),
      { numRuns: 200 },
    );
  });

  it("names any web URL by its lower-cased host", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(referrerName(url)).toBe(new URL(url).hostname.replace(/\.$/, ""));
      }),
      { numRuns: 300 },
    );
  });
});
