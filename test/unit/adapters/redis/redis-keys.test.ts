import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeTag, hashTagOf, RedisKeys } from "../../../../src/adapters/redis/redis-keys.js";

const keys = new RedisKeys("hx:");

describe("RedisKeys", () => {
  it("puts every key of one link under the link id's hash tag", () => {
    const tags = [
      keys.link("lnk_1"),
      keys.linkDay("lnk_1", "2026-01-01"),
      keys.linkVisitors("lnk_1", "2026-01-02"),
      keys.linkDays("lnk_1"),
    ].map(hashTagOf);
    expect(new Set(tags)).toEqual(new Set(["l:lnk_1"]));
  });

  it("tags a slug by domain and slug, an account's indexes by account, rate windows by subject", () => {
    expect(hashTagOf(keys.slug("sho.rt", "promo"))).toBe("s:sho.rt/promo");
    expect(keys.slug("sho.rt", "promo")).toBe(keys.slugAt("sho.rt/promo"));
    expect(hashTagOf(keys.accountLinks("acme"))).toBe(hashTagOf(keys.accountDomains("acme")));
    expect(hashTagOf(keys.rate("key:1", "s1"))).toBe(hashTagOf(keys.rate("key:1", "m2026-01")));
  });

  it("starts every key and the channel with the prefix", () => {
    expect(keys.link("x")).toBe("hx:{l:x}");
    expect(keys.cacheChannel()).toBe("hx:cache");
    expect(new RedisKeys().domain("a.test")).toBe("hexlink:{d:a.test}");
  });

  it("refuses a prefix with a brace, which would move every key into one slot", () => {
    expect(() => new RedisKeys("{hx}:")).toThrow(TypeError);
  });

  it("keeps any value inside its tag and tells distinct values apart", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(hashTagOf(keys.apiKeyHash(a))).toBe(`h:${escapeTag(a)}`);
        expect(keys.domain(a) === keys.domain(b)).toBe(a === b);
        expect(keys.rate(a, "w")).toMatch(/^hx:\{r:[^{}]*\}:w$/);
      }),
    );
  });
});

describe("hashTagOf", () => {
  it("follows Redis Cluster: the first non-empty {…}, else the whole key", () => {
    expect(hashTagOf("a{b}c{d}")).toBe("b");
    expect(hashTagOf("a{}b{c}")).toBe("a{}b{c}");
    expect(hashTagOf("plain")).toBe("plain");
  });
});
