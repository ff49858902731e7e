import { describe, expect, it } from "vitest";
import { hostnameOf, isSameOrSubdomain, normaliseHost } from "../../../src/domain/link/hostname.js";

describe("normaliseHost", () => {
  it("lower-cases and drops one trailing dot", () => {
    expect(normaliseHost("Sho.RT.")).toBe("sho.rt");
    expect(normaliseHost("sho.rt:8080")).toBe("sho.rt:8080");
  });
});

describe("isSameOrSubdomain", () => {
  it("is true for the domain itself and its subdomains, whatever the case or trailing dot", () => {
    expect(isSameOrSubdomain("evil.test", "evil.test")).toBe(true);
    expect(isSameOrSubdomain("A.B.Evil.Test.", "evil.test")).toBe(true);
    expect(isSameOrSubdomain("evil.test", "EVIL.TEST.")).toBe(true);
  });

  it("is false for a parent, a sibling, or a name that only ends with the same letters", () => {
    expect(isSameOrSubdomain("test", "evil.test")).toBe(false);
    expect(isSameOrSubdomain("good.test", "evil.test")).toBe(false);
    expect(isSameOrSubdomain("notevil.test", "evil.test")).toBe(false);
  });
});

describe("hostnameOf", () => {
  it.each([
    ["example.com", "example.com"],
    ["example.com:8080", "example.com"],
    ["[::1]:80", "[::1]"],
    ["[::1]", "[::1]"],
  ])("%s → %s", (host, expected) => {
    expect(hostnameOf(host)).toBe(expected);
  });
});
