import { describe, expect, it } from "vitest";
import { effectiveLimits, isUsable, isValidAccountId } from "../../../src/domain/api-key/api-key.js";
import { anApiKey } from "../../support/builders.js";

const DEFAULTS = { perSecond: 10, perHour: 1000, perMonth: 100_000 };

describe("API key rules", () => {
  it("a key is usable until it is revoked or expires", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(isUsable(anApiKey().build(), now)).toBe(true);
    expect(isUsable(anApiKey().revoked().build(), now)).toBe(false);
    expect(isUsable(anApiKey().expiring("2026-03-01T00:00:00.001Z").build(), now)).toBe(true);
    expect(isUsable(anApiKey().expiring(now).build(), now)).toBe(false);
  });

  it("a key's own limits override the defaults one by one", () => {
    expect(effectiveLimits(anApiKey().build(), DEFAULTS)).toEqual(DEFAULTS);
    expect(effectiveLimits(anApiKey().withLimits({ perHour: 50 }).build(), DEFAULTS)).toEqual({
      ...DEFAULTS,
      perHour: 50,
    });
  });

  it.each(["acme", "a", "team.acme@example.com", "A_B-c", "x".repeat(64)])("accepts the account %j", (id) => {
    expect(isValidAccountId(id)).toBe(true);
  });

  it.each(["", "x".repeat(65), "with space", "colon:name", "slash/name", "ünï"])(
    "refuses the account %j",
    (id) => {
      expect(isValidAccountId(id)).toBe(false);
    },
  );
});
