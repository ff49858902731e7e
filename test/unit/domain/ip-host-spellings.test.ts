import { describe, expect, it } from "vitest";
import { embeddedIpv4, isPrivateHost } from "../../../src/domain/link/ip-host.js";

// Resolvers print addresses as the URL parser never does; a webhook's DNS answer is checked in these spellings.
describe("isPrivateHost in the spellings resolvers print", () => {
  it.each([
    "[::ffff:127.0.0.1]",
    "[::ffff:10.0.0.1]",
    "[::FFFF:7F00:1]",
    "[fe80::1%eth0]",
    "[64:ff9b::7f00:1]",
    "[64:ff9b::192.168.1.1]",
    "[2002:7f00:1::]",
    "[ff02::1]",
    "224.0.0.1",
    "255.255.255.255",
  ])("refuses %s", (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each(["[::ffff:8.8.8.8]", "[2001:4860:4860::8888]", "8.8.8.8", "[64:ff9b::808:808]"])(
    "accepts %s",
    (host) => {
      expect(isPrivateHost(host)).toBe(false);
    },
  );

  it("reads the IPv4 inside a dotted mapped, NAT64 or 6to4 address, and refuses a dotted tail that is none", () => {
    expect(embeddedIpv4("[::ffff:10.1.2.3]")).toEqual([10, 1, 2, 3]);
    expect(embeddedIpv4("[64:ff9b::10.1.2.3]")).toEqual([10, 1, 2, 3]);
    expect(embeddedIpv4("[2002:a01:203::1]")).toEqual([10, 1, 2, 3]);
    expect(embeddedIpv4("[::ffff:999.0.0.1]")).toBeNull();
  });
});
