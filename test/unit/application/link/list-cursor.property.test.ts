import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../../../src/application/use-cases/link/list-links.js";
import { aDomainError } from "../../../support/builders.js";

// Cursors carry at most 15 digits of milliseconds (beyond the year 33000).
const position = fc.record({
  createdAt: fc.date({ min: new Date(0), max: new Date(999_999_999_999_999), noInvalidDate: true }),
  id: fc.stringMatching(/^lnk_[A-Za-z0-9_-]{1,64}$/),
});

describe("list cursors", () => {
  it("decode what they encode, for every position", () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodeCursor(encodeCursor(p))).toEqual(p);
      }),
    );
  });

  it("are the unpadded base64url that earlier versions handed out, so old cursors keep working", () => {
    fc.assert(
      fc.property(position, (p) => {
        const earlier = Buffer.from(`${p.createdAt.getTime()}.${p.id}`).toString("base64url");
        expect(encodeCursor(p)).toBe(earlier);
      }),
    );
  });

  it("refuse anything else with invalid_request", () => {
    for (const bad of ["", "!!!", "a", "bm90LWEtY3Vyc29y", "x".repeat(500), "YQ==="]) {
      expect(() => decodeCursor(bad), bad).toThrow(aDomainError("invalid_request"));
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          const decoded = decodeCursor(text);
          expect(decoded.id).toMatch(/^lnk_/);
        } catch (error) {
          expect(error).toEqual(aDomainError("invalid_request"));
        }
      }),
    );
  });
});
