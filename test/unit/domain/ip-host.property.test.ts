import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embeddedIpv4, ipv6Groups, isPrivateHost } from "../../../src/domain/link/ip-host.js";

const group = fc.integer({ min: 0, max: 0xffff });
const octet = fc.integer({ min: 0, max: 255 });
const octets = fc.tuple(octet, octet, octet, octet);
const urlHostname = (host: string) => new URL(`http://${host}/`).hostname;

describe("IP hosts as the URL parser spells them", () => {
  it("reads back every IPv6 address from its URL spelling", () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const spelled = urlHostname(`[${groups.map((g) => g.toString(16)).join(":")}]`);
        expect(ipv6Groups(spelled)).toEqual(groups);
      }),
    );
  });

  it("finds the IPv4 address inside its mapped and compatible IPv6 spellings, private or not alike", () => {
    fc.assert(
      fc.property(octets, ([a, b, c, d]) => {
        const o = [a, b, c, d];
        const dotted = o.join(".");
        const mapped = urlHostname(`[::ffff:${dotted}]`);
        expect(embeddedIpv4(dotted)).toEqual(o);
        expect(embeddedIpv4(mapped)).toEqual(o);
        expect(isPrivateHost(mapped)).toBe(isPrivateHost(dotted));
        const compatible = urlHostname(`[::${dotted}]`);
        // :: and ::1 are themselves, not 0.0.0.0 and 0.0.0.1.
        if (a + b + c > 0 || d > 1) expect(embeddedIpv4(compatible)).toEqual(o);
      }),
    );
  });

  it("is never fooled by names, which it leaves alone", () => {
    fc.assert(
      fc.property(fc.domain(), (name) => {
        const hostname = urlHostname(name);
        expect(ipv6Groups(hostname)).toBeNull();
        if (!/^[\d.]+$/.test(hostname)) expect(embeddedIpv4(hostname)).toBeNull();
        expect(isPrivateHost(hostname)).toBe(hostname === "localhost" || hostname.endsWith(".localhost"));
      }),
    );
  });
});
