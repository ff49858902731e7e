import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpRange, ipInRange, parseIpAddress, parseIpRange } from "../../../src/domain/link/ip-range.js";

const inRange = (address: string, range: string): boolean => {
  const a = parseIpAddress(address);
  const r = parseIpRange(range);
  if (a === null || r === null) throw new Error(`unreadable ${address} or ${range}`);
  return ipInRange(a, r);
};

describe("IP ranges", () => {
  it.each([
    ["10.1.2.3", "10.0.0.0/8", true],
    ["11.1.2.3", "10.0.0.0/8", false],
    ["203.0.113.7", "203.0.113.7", true],
    ["203.0.113.8", "203.0.113.7/32", false],
    ["1.2.3.4", "0.0.0.0/0", true],
    ["::ffff:10.9.8.7", "10.0.0.0/8", true],
    ["10.9.8.7", "::ffff:10.0.0.0/104", true],
    ["2001:db8::1", "2001:db8::/32", true],
    ["2001:db9::1", "2001:db8::/32", false],
    ["[2001:db8::1]", "2001:db8::/32", true],
    ["fe80::1%eth0", "fe80::/10", true],
    ["2001:db8::1", "10.0.0.0/8", false],
    ["10.0.0.1", "::/0", false],
  ])("%s in %s: %s", (address, range, expected) => {
    expect(inRange(address, range)).toBe(expected);
  });

  it.each([
    "",
    "10.0.0",
    "10.0.0.256",
    "010.0.0.1",
    "10.0.0.0/33",
    "2001:db8::/129",
    "1::2::3",
    "10.0.0.0/x",
    "g::1",
  ])("refuses %j", (text) => {
    expect(parseIpRange(text)).toBeNull();
  });

  it("writes a range canonically: host bits cleared, IPv6 compressed", () => {
    expect(formatIpRange(parseIpRange("10.1.2.3/8") ?? fail())).toBe("10.0.0.0/8");
    expect(formatIpRange(parseIpRange("2001:0DB8:0:0:0:0:0:1/32") ?? fail())).toBe("2001:db8::/32");
    expect(formatIpRange(parseIpRange("::1") ?? fail())).toBe("::1/128");
  });

  it("an IPv4 address lies in every prefix of itself, and the canonical range reads back the same (property)", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const range = parseIpRange(`${address}/${prefix}`) ?? fail();
        expect(inRange(address, `${address}/${prefix}`)).toBe(true);
        expect(parseIpRange(formatIpRange(range))).toEqual({ ...range, value: expect.any(BigInt) });
        expect(inRange(address, formatIpRange(range))).toBe(true);
      }),
    );
  });

  it("an IPv6 address lies in every prefix of itself (property)", () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 0, max: 128 }), (address, prefix) => {
        const range = parseIpRange(`${address}/${prefix}`);
        // fast-check may spell an IPv4-mapped address, which reads as IPv4 with a shifted prefix.
        if (range === null) return;
        expect(inRange(address, formatIpRange(range))).toBe(true);
      }),
    );
  });
});

function fail(): never {
  throw new Error("unparsed");
}
