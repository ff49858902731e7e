import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  API_KEY_SCOPES,
  allowsDomain,
  FULL_ACCESS,
  type KeyAccess,
  parseKeyDomains,
  parseScopes,
  widening,
} from "../../../src/domain/api-key/key-access.js";
import { aDomainError } from "../../support/builders.js";

const HOSTS = ["sho.rt", "go.example.com", "brand.example", "b.example"] as const;
const arbAccess: fc.Arbitrary<KeyAccess> = fc.record({
  scopes: fc.subarray([...API_KEY_SCOPES]),
  domains: fc.option(fc.subarray([...HOSTS], { minLength: 1 })),
});

describe("API key scopes and domains", () => {
  it("parses scopes into the canonical order, once each, and refuses an unknown one", () => {
    expect(parseScopes(["analytics:read", "links:read", "analytics:read"])).toEqual([
      "links:read",
      "analytics:read",
    ]);
    expect(parseScopes([])).toEqual([]);
    expect(() => parseScopes(["links:admin"])).toThrow(expect.objectContaining({ code: "invalid_request" }));
  });

  it("parses a key's domains as lower-case hostnames without port, once each", () => {
    expect(parseKeyDomains(["Go.Example.COM.", "go.example.com:8443", "localhost"])).toEqual([
      "go.example.com",
      "localhost",
    ]);
    for (const bad of [
      [],
      ["bad host"],
      ["-x.example"],
      ["a/b"],
      Array.from({ length: 51 }, (_, i) => `h${i}.example`),
    ]) {
      expect(() => parseKeyDomains(bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: "invalid_request" }),
      );
    }
    expect(() => parseKeyDomains([""])).toThrow(aDomainError("invalid_request"));
  });

  it("a domain-limited access reaches its domains on any port, and nothing else", () => {
    const access: KeyAccess = { scopes: [], domains: ["brand.example", "localhost"] };
    expect(allowsDomain(access, "brand.example")).toBe(true);
    expect(allowsDomain(access, "BRAND.example")).toBe(true);
    expect(allowsDomain(access, "localhost:3000")).toBe(true);
    expect(allowsDomain(access, "sub.brand.example")).toBe(false);
    expect(allowsDomain(access, "sho.rt")).toBe(false);
    expect(allowsDomain(FULL_ACCESS, "anything.example")).toBe(true);
  });

  it("widening: every access covers itself and anything narrower; full access covers all", () => {
    fc.assert(
      fc.property(arbAccess, fc.func(fc.boolean()), (held, keep) => {
        expect(widening(held, held)).toBeNull();
        expect(widening(FULL_ACCESS, held)).toBeNull();
        const narrower: KeyAccess = {
          scopes: held.scopes.filter((_, at) => keep(at)),
          domains: held.domains === null ? null : held.domains.filter((_, at) => at === 0 || keep(at)),
        };
        expect(widening(held, narrower)).toBeNull();
      }),
    );
  });

  it("widening: a scope or domain the holder lacks, or dropping its domain limit, is refused", () => {
    fc.assert(
      fc.property(arbAccess, arbAccess, (held, wanted) => {
        const extraScope = wanted.scopes.some((scope) => !held.scopes.includes(scope));
        const extraDomain =
          held.domains !== null &&
          (wanted.domains === null || wanted.domains.some((domain) => !held.domains?.includes(domain)));
        expect(widening(held, wanted) !== null).toBe(extraScope || extraDomain);
      }),
    );
  });
});
