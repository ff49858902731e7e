import { describe, expect, it } from "vitest";
import {
  applyLinkChanges,
  checkExpiry,
  checkMaxClicks,
  isGone,
  type LinkChanges,
  linkStateAt,
  PASSWORD_MAX_LENGTH,
  parseLinkPassword,
} from "../../../src/domain/link/link.js";
import { aDomainError, aLink } from "../../support/builders.js";

const NOW = new Date("2026-03-15T12:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("isGone and linkStateAt", () => {
  it("an active link with no expiry and no budget is active", () => {
    const link = aLink().build();
    expect(isGone(link, NOW)).toBe(false);
    expect(linkStateAt(link, NOW)).toBe("active");
  });

  it("a link expires at its expiry instant exactly, not a millisecond before", () => {
    const link = aLink().expiringAt(NOW).build();
    expect(isGone(link, later(-1))).toBe(false);
    expect(linkStateAt(link, later(-1))).toBe("active");
    expect(isGone(link, NOW)).toBe(true);
    expect(linkStateAt(link, NOW)).toBe("expired");
  });

  it("a link is exhausted once its clicks reach max_clicks", () => {
    expect(linkStateAt(aLink().withMaxClicks(3).withClickCount(2).build(), NOW)).toBe("active");
    const spent = aLink().withMaxClicks(3).withClickCount(3).build();
    expect(isGone(spent, NOW)).toBe(true);
    expect(linkStateAt(spent, NOW)).toBe("exhausted");
  });

  it("expiry wins over exhaustion when both hold", () => {
    expect(linkStateAt(aLink().expiringAt(NOW).withMaxClicks(1).withClickCount(1).build(), NOW)).toBe(
      "expired",
    );
  });

  it("disabled wins over everything, but being disabled is not being gone", () => {
    const link = aLink().disabled().expiringAt(NOW).build();
    expect(linkStateAt(link, NOW)).toBe("disabled");
    expect(isGone(aLink().disabled().build(), NOW)).toBe(false);
  });
});

describe("applyLinkChanges", () => {
  it("changes only the given fields and stamps updatedAt", () => {
    const link = aLink().withPasswordHash("h").build();
    const next = applyLinkChanges(link, { destination: "https://example.org/", slug: "new-slug" }, later(5));
    expect(next).toEqual({
      ...link,
      destination: "https://example.org/",
      slug: "new-slug",
      updatedAt: later(5),
    });
  });

  it("null removes a password, an expiry and a click budget; undefined keeps them", () => {
    const link = aLink().withPasswordHash("h").expiringAt(later(60_000)).withMaxClicks(5).build();
    expect(applyLinkChanges(link, {}, NOW)).toMatchObject({ passwordHash: "h", maxClicks: 5 });
    const cleared = applyLinkChanges(link, { passwordHash: null, expiresAt: null, maxClicks: null }, NOW);
    expect(cleared).toMatchObject({ passwordHash: null, expiresAt: null, maxClicks: null });
  });

  it("does not modify the link it is given", () => {
    const link = aLink().build();
    const copy = structuredClone(link);
    applyLinkChanges(link, { slug: "other", status: "disabled" }, later(1));
    expect(link).toEqual(copy);
  });

  const expired = aLink().expiringAt(NOW).build();
  const exhausted = aLink().withMaxClicks(2).withClickCount(2).build();

  it.each<[string, LinkChanges]>([
    ["destination", { destination: "https://example.org/" }],
    ["slug", { slug: "other" }],
    ["password", { passwordHash: "h" }],
    ["password removal", { passwordHash: null }],
    ["status", { status: "disabled" }],
    ["expiry together with the slug", { expiresAt: later(60_000), slug: "other" }],
  ])("refuses to change the %s of an expired or exhausted link (edit_not_allowed)", (_, changes) => {
    for (const gone of [expired, exhausted]) {
      expect(() => applyLinkChanges(gone, changes, NOW)).toThrow(aDomainError("edit_not_allowed"));
    }
  });

  it("lets a gone link be revived by a new expiry or click budget", () => {
    const revived = applyLinkChanges(expired, { expiresAt: later(60_000) }, NOW);
    expect(linkStateAt(revived, NOW)).toBe("active");
    const topped = applyLinkChanges(exhausted, { maxClicks: 10 }, NOW);
    expect(linkStateAt(topped, NOW)).toBe("active");
    expect(applyLinkChanges(expired, { expiresAt: null, maxClicks: null }, NOW).expiresAt).toBeNull();
  });

  it("ignores fields given as undefined when deciding whether a gone link may be edited", () => {
    expect(() => applyLinkChanges(expired, { slug: undefined, maxClicks: 3 }, NOW)).not.toThrow();
  });
});

describe("link field checks", () => {
  it("max_clicks is null or a whole number of at least 1", () => {
    expect(checkMaxClicks(null)).toBeNull();
    expect(checkMaxClicks(1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => checkMaxClicks(bad)).toThrow(aDomainError("invalid_request"));
    }
  });

  it("an expiry is null or strictly in the future", () => {
    expect(checkExpiry(null, NOW)).toBeNull();
    expect(checkExpiry(later(1), NOW)).toEqual(later(1));
    expect(() => checkExpiry(NOW, NOW)).toThrow(aDomainError("invalid_request"));
    expect(() => checkExpiry(later(-1), NOW)).toThrow(aDomainError("invalid_request"));
    expect(() => checkExpiry(new Date(Number.NaN), NOW)).toThrow(aDomainError("invalid_request"));
  });

  it(`a password is 1 to ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(parseLinkPassword("x")).toBe("x");
    expect(parseLinkPassword("x".repeat(PASSWORD_MAX_LENGTH))).toHaveLength(PASSWORD_MAX_LENGTH);
    expect(() => parseLinkPassword("")).toThrow(aDomainError("invalid_request"));
    expect(() => parseLinkPassword("x".repeat(PASSWORD_MAX_LENGTH + 1))).toThrow(
      aDomainError("invalid_request"),
    );
  });
});
