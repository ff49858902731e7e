import { BlockList, isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CdnHeaderGeoLocator,
  ChainedGeoLocator,
  DEFAULT_GEOIP_DATABASE,
  MaxMindGeoLocator,
} from "../../../../src/adapters/classify/index.js";
import { NON_PUBLIC_V4, publicAddress } from "../../../../src/adapters/classify/private-ip.js";

const NO_HEADERS = {};

describe("CdnHeaderGeoLocator", () => {
  const trusted = new CdnHeaderGeoLocator({ trustProxy: true });

  it("reads Cloudflare, CloudFront and Vercel headers behind a trusted proxy", () => {
    expect(trusted.locate("10.0.0.1", { "cf-ipcountry": "fr" }).code).toBe("FR");
    expect(trusted.locate("10.0.0.1", { "cloudfront-viewer-country": "DE" }).code).toBe("DE");
    expect(trusted.locate("10.0.0.1", { "x-vercel-ip-country": ["JP", "US"] }).code).toBe("JP");
  });

  it("ignores the headers unless the proxy is trusted", () => {
    const untrusted = new CdnHeaderGeoLocator({ trustProxy: false });
    expect(untrusted.locate("8.8.8.8", { "cf-ipcountry": "FR" }).code).toBe("ZZ");
  });

  it("ignores values that name no country", () => {
    for (const value of ["XX", "T1", "ZZ", "EU", "", "FRA", "1A", "é"]) {
      expect(trusted.locate("8.8.8.8", { "cf-ipcountry": value }).code).toBe("ZZ");
    }
    expect(trusted.locate("8.8.8.8", { "cf-ipcountry": "XX", "x-vercel-ip-country": "BR" }).code).toBe("BR");
  });
});

describe("MaxMindGeoLocator over the shipped database", () => {
  const mmdb = MaxMindGeoLocator.openSync();

  it("ships a database file", () => {
    expect(DEFAULT_GEOIP_DATABASE).toMatch(/\.mmdb$/);
  });

  it("finds a country for public IPv4, IPv6 and IPv4-mapped addresses", () => {
    for (const ip of ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8", "[2001:4860:4860::8888]"]) {
      const { code } = mmdb.locate(ip);
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(code).not.toBe("ZZ");
    }
    expect(mmdb.locate("::ffff:8.8.8.8").code).toBe(mmdb.locate("8.8.8.8").code);
  });

  it("answers ZZ for private, loopback, link-local, documentation and unreadable addresses", () => {
    const nowhere = [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.1.1",
      "100.64.0.1",
      "192.0.2.1",
      "0.0.0.0",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1%eth0",
      "fd00::1",
      "ff02::1",
      "2001:db8::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "unknown",
      "",
      "1.2.3",
      "999.1.1.1",
    ];
    for (const ip of nowhere) expect({ ip, code: mmdb.locate(ip).code }).toEqual({ ip, code: "ZZ" });
  });

  it("answers ZZ for IPv6 from an IPv4-only database", () => {
    const ipv4Only = MaxMindGeoLocator.openSync({
      path: DEFAULT_GEOIP_DATABASE.replace(/\.mmdb$/, "-ipv4.mmdb"),
    });
    expect(ipv4Only.locate("8.8.8.8").code).toBe(mmdb.locate("8.8.8.8").code);
    expect(ipv4Only.locate("2001:4860:4860::8888").code).toBe("ZZ");
  });

  it("opens asynchronously too, with the same answers", async () => {
    const opened = await MaxMindGeoLocator.open({ path: DEFAULT_GEOIP_DATABASE });
    expect(opened.locate("1.1.1.1")).toEqual(mmdb.locate("1.1.1.1"));
  });
});

describe("MaxMindGeoLocator over other database layouts", () => {
  const reader = (record: unknown) => ({ metadata: { ipVersion: 6 }, get: () => record });

  it("reads MaxMind GeoLite2 Country and City records", () => {
    expect(new MaxMindGeoLocator(reader({ country: { iso_code: "DE" } })).locate("8.8.8.8").code).toBe("DE");
    const registeredOnly = { registered_country: { iso_code: "NL" }, city: { names: { en: "?" } } };
    expect(new MaxMindGeoLocator(reader(registeredOnly)).locate("8.8.8.8").code).toBe("NL");
  });

  it("answers ZZ for records without a usable country", () => {
    for (const record of [null, undefined, {}, { country_code: "XX" }, { country: { iso_code: 42 } }, "US"]) {
      expect(new MaxMindGeoLocator(reader(record)).locate("8.8.8.8").code).toBe("ZZ");
    }
  });
});

describe("publicAddress", () => {
  const nonPublic = new BlockList();
  for (const [base, bits] of NON_PUBLIC_V4) nonPublic.addSubnet(base, bits, "ipv4");

  it("agrees with node's BlockList over every IPv4 address, mapped into IPv6 too", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const expected = nonPublic.check(ip, "ipv4") ? null : ip;
        expect(publicAddress(ip)).toBe(expected);
        expect(publicAddress(`::ffff:${ip}`)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on IPv6 or on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), fc.ipV4Extended(), fc.string()), (ip) => {
        const address = publicAddress(ip);
        expect(address === null || isIP(address) !== 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("unwraps IPv4-mapped, NAT64, bracketed and zoned addresses", () => {
    expect(publicAddress("::ffff:8.8.8.8")).toBe("8.8.8.8");
    expect(publicAddress("::ffff:0808:0808")).toBe("8.8.8.8");
    expect(publicAddress("64:ff9b::8.8.8.8")).toBe("8.8.8.8");
    expect(publicAddress(" 2001:4860:4860::8888 ")).toBe("2001:4860:4860::8888");
    expect(publicAddress("2001:4860:4860:0:0:0:0:8888")).toBe("2001:4860:4860:0:0:0:0:8888");
  });
});

describe("ChainedGeoLocator", () => {
  const chain = new ChainedGeoLocator([
    new CdnHeaderGeoLocator({ trustProxy: true }),
    MaxMindGeoLocator.openSync(),
  ]);

  it("prefers the CDN header and falls back to the database", () => {
    expect(chain.locate("8.8.8.8", { "cf-ipcountry": "NZ" }).code).toBe("NZ");
    expect(chain.locate("8.8.8.8", { "cf-ipcountry": "XX" }).code).not.toBe("ZZ");
    expect(chain.locate("192.168.0.1", NO_HEADERS).code).toBe("ZZ");
  });
});
