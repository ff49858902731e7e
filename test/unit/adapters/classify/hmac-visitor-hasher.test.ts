import { describe, expect, it } from "vitest";
import { HmacVisitorHasher } from "../../../../src/adapters/classify/index.js";

const UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)";

describe("HmacVisitorHasher", () => {
  const hasher = new HmacVisitorHasher({ secret: "a-long-enough-test-secret" });

  it("gives the same id for the same day, IP and user agent", () => {
    expect(hasher.hash("2026-03-15", "81.2.69.142", UA)).toBe(hasher.hash("2026-03-15", "81.2.69.142", UA));
  });

  it("gives another id on another day, for another IP, user agent or secret", () => {
    const id = hasher.hash("2026-03-15", "81.2.69.142", UA);
    expect(hasher.hash("2026-03-16", "81.2.69.142", UA)).not.toBe(id);
    expect(hasher.hash("2026-03-15", "81.2.69.143", UA)).not.toBe(id);
    expect(hasher.hash("2026-03-15", "81.2.69.142", `${UA} `)).not.toBe(id);
    const other = new HmacVisitorHasher({ secret: "another-long-test-secret" });
    expect(other.hash("2026-03-15", "81.2.69.142", UA)).not.toBe(id);
  });

  it("outputs 16 bytes in base64url, holding no part of the IP", () => {
    for (const ip of ["81.2.69.142", "2001:4860:4860::8888", "10.0.0.1"]) {
      const id = hasher.hash("2026-03-15", ip, UA);
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const part of ip.split(/[.:]/).filter((piece) => piece.length >= 2))
        expect(id).not.toContain(part);
    }
  });

  it("keeps working across many days", () => {
    const days = Array.from({ length: 10 }, (_, index) => `2026-03-${String(index + 10)}`);
    const ids = days.map((day) => hasher.hash(day, "81.2.69.142", UA));
    expect(new Set(ids).size).toBe(10);
    expect(hasher.hash(days[0] ?? "", "81.2.69.142", UA)).toBe(ids[0]);
  });

  it("refuses a short secret", () => {
    expect(() => new HmacVisitorHasher({ secret: "short" })).toThrow(/at least 16/);
  });
});
