import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DESTINATION_MAX_LENGTH,
  type DestinationPolicy,
  parseDestination,
  withForwardedQuery,
} from "../../../src/domain/link/destination.js";
import { aDomainError } from "../../support/builders.js";

// The syntax tests run with private addresses allowed; the §11 policy has its own describe below.
const OPEN: DestinationPolicy = { ownHosts: new Set(), blockedHosts: [], allowPrivate: true };
const parse = (raw: string, policy: DestinationPolicy = OPEN): string => parseDestination(raw, policy);

describe("parseDestination: syntax", () => {
  it("accepts absolute http and https URLs", () => {
    expect(parse("https://example.com/a?b=1#c")).toBe("https://example.com/a?b=1#c");
    expect(parse("http://example.com")).toBe("http://example.com/");
  });

  it("normalises once with WHATWG URL: scheme and host lower-cased, default port and dot segments gone", () => {
    expect(parse("HTTPS://Example.COM:443/a/./b/../c?q=a b")).toBe("https://example.com/a/c?q=a%20b");
    expect(parse("http://bücher.de/straße")).toBe("http://xn--bcher-kva.de/stra%C3%9Fe");
  });

  it.each([
    ["a relative path", "/just/a/path"],
    ["a bare host", "example.com/page"],
    ["a scheme-relative URL", "//example.com/page"],
    ["ftp", "ftp://example.com/file"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<b>hi</b>"],
    ["mailto", "mailto:someone@example.com"],
    ["file", "file:///etc/passwd"],
    ["an empty host", "http://"],
    ["the empty string", ""],
    ["text", "not a url"],
  ])("refuses %s", (_, raw) => {
    expect(() => parse(raw)).toThrow(aDomainError("invalid_destination"));
  });

  it(`accepts ${DESTINATION_MAX_LENGTH} characters and refuses one more`, () => {
    const prefix = "https://example.com/";
    const exact = prefix + "a".repeat(DESTINATION_MAX_LENGTH - prefix.length);
    expect(parse(exact)).toBe(exact);
    expect(() => parse(`${exact}a`)).toThrow(aDomainError("invalid_destination"));
  });

  it("refuses a URL that only grows past the bound when normalised", () => {
    const prefix = "https://example.com/";
    const spaces = " ".repeat(DESTINATION_MAX_LENGTH - prefix.length);
    expect(() => parse(prefix + spaces.replace(/ $/, "x"))).toThrow(aDomainError("invalid_destination"));
  });

  it.each([
    ["NUL", "\u0000"],
    ["a tab", "\t"],
    ["a line feed", "\n"],
    ["a carriage return", "\r"],
    ["DEL", "\u007f"],
    ["a C1 control (NEL)", "\u0085"],
    ["a C1 control (CSI)", "\u009b"],
  ])("refuses %s anywhere, even where URL parsing would strip it", (_, control) => {
    expect(() => parse(`https://example.com/a${control}b`)).toThrow(aDomainError("invalid_destination"));
    expect(() => parse(`https://exa${control}mple.com/`)).toThrow(aDomainError("invalid_destination"));
    expect(() => parse(`${control}https://example.com/`)).toThrow(aDomainError("invalid_destination"));
  });
});

describe("parseDestination: policy", () => {
  const policy: DestinationPolicy = {
    ownHosts: new Set(["sho.rt", "links.acme.test", "localhost:3000"]),
    blockedHosts: ["evil.test", "Tracker.Example"],
    allowPrivate: true,
  };

  it.each([
    "https://sho.rt/abc",
    "http://SHO.RT/abc",
    "https://sho.rt./abc",
    "https://user:pass@sho.rt/abc",
    "https://links.acme.test/x",
    "http://localhost:3000/abc",
  ])("refuses %s: it points at one of hexlink's own domains", (raw) => {
    expect(() => parse(raw, policy)).toThrow(aDomainError("invalid_destination"));
  });

  it("allows hosts that merely resemble an own host", () => {
    expect(parse("https://www.sho.rt/abc", policy)).toBe("https://www.sho.rt/abc");
    expect(parse("https://sho.rt.example.com/", policy)).toBe("https://sho.rt.example.com/");
    expect(parse("http://localhost:4000/", policy)).toBe("http://localhost:4000/");
  });

  it.each([
    "https://evil.test/",
    "https://EVIL.test./x",
    "http://a.b.evil.test/x",
    "https://tracker.example/pixel",
    "https://cdn.tracker.example/pixel",
  ])("refuses %s with destination_blocked: its host or a parent domain is blocked", (raw) => {
    expect(() => parse(raw, policy)).toThrow(aDomainError("destination_blocked"));
  });

  it("does not block a host that only ends with the same letters or contains the blocked name", () => {
    expect(parse("https://notevil.test/", policy)).toBe("https://notevil.test/");
    expect(parse("https://evil.test.example.org/", policy)).toBe("https://evil.test.example.org/");
  });

  it("blocks an internationalised host whether the blocklist spells it in Unicode or in punycode", () => {
    for (const blocked of ["bücher.de", "xn--bcher-kva.de"]) {
      const idn: DestinationPolicy = { ownHosts: new Set(), blockedHosts: [blocked] };
      expect(() => parse("https://bücher.de/", idn)).toThrow(aDomainError("destination_blocked"));
      expect(() => parse("https://shop.xn--bcher-kva.de/", idn)).toThrow(aDomainError("destination_blocked"));
    }
  });

  it("blocks an IP address however the destination spells it", () => {
    const ip: DestinationPolicy = { ownHosts: new Set(), blockedHosts: ["127.0.0.1"], allowPrivate: true };
    for (const raw of [
      "http://127.0.0.1/",
      "http://0x7f.0.0.1/",
      "http://2130706433/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:7f00:1]/",
      "http://[0:0:0:0:0:ffff:7f00:0001]:8080/",
      "http://[::127.0.0.1]/",
    ]) {
      expect(() => parse(raw, ip), raw).toThrow(aDomainError("destination_blocked"));
    }
  });

  it("blocks a public IPv4 entry in its IPv4-mapped and IPv4-compatible IPv6 spellings", () => {
    const ip: DestinationPolicy = { ownHosts: new Set(), blockedHosts: ["203.0.113.5"] };
    for (const raw of ["http://203.0.113.5/", "http://[::ffff:203.0.113.5]/", "http://[::cb00:7105]/"]) {
      expect(() => parse(raw, ip), raw).toThrow(aDomainError("destination_blocked"));
    }
    expect(parse("http://203.0.113.6/", ip)).toBe("http://203.0.113.6/");
    expect(parse("http://[2001:db8::cb00:7105]/", ip)).toBe("http://[2001:db8::cb00:7105]/");
  });
});

describe("parseDestination: the operator's policy (spec §11)", () => {
  const STRICT: DestinationPolicy = { ownHosts: new Set(), blockedHosts: [] };

  it.each([
    "https://user@example.com/",
    "https://user:secret@example.com/",
    "https://sho.rt@example.com/",
    "https://:pw@example.com/",
  ])("refuses %s: credentials in a destination mislead the reader", (raw) => {
    expect(() => parse(raw, STRICT)).toThrow(aDomainError("invalid_destination"));
    expect(() => parse(raw, OPEN)).toThrow(aDomainError("invalid_destination"));
  });

  it.each([
    "http://localhost/",
    "http://LOCALHOST:8080/x",
    "http://api.localhost/",
    "http://127.0.0.1/",
    "http://127.1.2.3:9/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://0.0.0.0/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[fe80::1]/",
    "http://[fd12:3456::1]/",
    "http://[fc00::1]/",
  ])("refuses %s unless private destinations are allowed", (raw) => {
    expect(() => parse(raw, STRICT)).toThrow(aDomainError("invalid_destination"));
    expect(parse(raw, OPEN)).toMatch(/^http:\/\//);
  });

  it.each([
    "http://172.32.0.1/",
    "http://192.169.0.1/",
    "http://100.128.0.1/",
    "http://11.0.0.1/",
    "http://[2001:db8::1]/",
    "http://[fec0::1]/",
    "http://localhost.example.com/",
  ])("accepts the public %s", (raw) => {
    expect(parse(raw, STRICT)).toBe(raw);
  });
});

describe("withForwardedQuery", () => {
  it.each([
    ["https://e.com/p", "", "https://e.com/p"],
    ["https://e.com/p", "b=2", "https://e.com/p?b=2"],
    ["https://e.com/p", "?b=2", "https://e.com/p?b=2"],
    ["https://e.com/p?a=1", "b=2", "https://e.com/p?a=1&b=2"],
    ["https://e.com/p?", "b=2", "https://e.com/p?b=2"],
    ["https://e.com/p?a=1&", "b=2", "https://e.com/p?a=1&b=2"],
    ["https://e.com/p?a=1#top", "b=2", "https://e.com/p?a=1&b=2#top"],
    ["https://e.com/p#top", "b=2&c=3", "https://e.com/p?b=2&c=3#top"],
  ])("%s + %j → %s", (destination, query, expected) => {
    expect(withForwardedQuery(destination, query)).toBe(expected);
  });
});

describe("destination normalisation (property)", () => {
  const webUrls = fc.webUrl({
    validSchemes: ["http", "https"],
    withQueryParameters: true,
    withFragments: true,
    // Credentials are refused by policy (spec §11), tested above; this property is about normalising.
    authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: false },
  });
  const otherSchemes = fc.webUrl({ validSchemes: ["ftp", "ws", "file", "javascript", "data", "git+ssh"] });
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 120 }),
    fc.string({ unit: "grapheme", maxLength: 60 }).map((rest) => `https://${rest}`),
    fc.string({ maxLength: 60 }).map((rest) => `http:${rest}`),
  );

  /** The normalised destination, or null when refused (always as invalid_destination). */
  const attempt = (raw: string): string | null => {
    try {
      return parse(raw);
    } catch (error) {
      expect(error).toEqual(aDomainError("invalid_destination"));
      return null;
    }
  };

  it("accepts every generated http(s) URL and is idempotent on it", () => {
    fc.assert(
      fc.property(webUrls, (raw) => {
        const once = parse(raw);
        expect(parse(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("never yields anything but an http(s) URL, and normalising the result changes nothing", () => {
    fc.assert(
      fc.property(fc.oneof(webUrls, otherSchemes, anyText), (raw) => {
        const once = attempt(raw);
        if (once === null) return;
        expect(["http:", "https:"]).toContain(new URL(once).protocol);
        expect(once.length).toBeLessThanOrEqual(DESTINATION_MAX_LENGTH);
        expect(parse(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses every URL of another scheme", () => {
    fc.assert(
      fc.property(otherSchemes, (raw) => {
        expect(attempt(raw)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
