import { describe, expect, it } from "vitest";
import { parseHostname, verificationRecord } from "../../../src/domain/custom-domain/custom-domain.js";
import { aCustomDomain, aDomainError } from "../../support/builders.js";

describe("parseHostname", () => {
  it("lower-cases, trims and drops a trailing dot", () => {
    expect(parseHostname("  Links.ACME.test. ")).toBe("links.acme.test");
  });

  it("keeps a port, as a short URL's host may carry one", () => {
    expect(parseHostname("go.acme.test:8443")).toBe("go.acme.test:8443");
  });

  it("accepts labels with inner hyphens and digits", () => {
    expect(parseHostname("my-links.acme2.co.uk")).toBe("my-links.acme2.co.uk");
  });

  it.each([
    ["a single label", "localhost"],
    ["an empty label", "links..acme.test"],
    ["a label starting with a hyphen", "-links.acme.test"],
    ["a label ending with a hyphen", "links-.acme.test"],
    ["a label over 63 characters", `${"a".repeat(64)}.test`],
    ["a name over 253 characters", `${"a.".repeat(127)}test`],
    ["an underscore", "my_links.acme.test"],
    ["a path", "acme.test/links"],
    ["a scheme", "https://acme.test"],
    ["port 0", "acme.test:0"],
    ["a port with letters", "acme.test:80a"],
    ["two ports", "acme.test:80:81"],
    ["an IPv4 address", "192.168.1.10"],
    ["Unicode (punycode is expected)", "bücher.de"],
    ["the empty string", ""],
  ])("refuses %s", (_, raw) => {
    expect(() => parseHostname(raw)).toThrow(aDomainError("invalid_domain"));
  });
});

describe("verificationRecord", () => {
  it("is a TXT record at _hexlink.<hostname> with the value hexlink-verify=<token>", () => {
    const domain = aCustomDomain().withHostname("links.acme.test").withToken("s3cr3t").build();
    expect(verificationRecord(domain)).toEqual({
      type: "TXT",
      name: "_hexlink.links.acme.test",
      value: "hexlink-verify=s3cr3t",
    });
  });
});
