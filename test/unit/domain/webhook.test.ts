import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../src/domain/errors/domain-error.js";
import {
  DISABLE_AFTER_MS,
  failingTooLong,
  parseWebhookEvents,
  parseWebhookUrl,
  RETRY_DELAYS_MS,
  retryDelayAfter,
} from "../../../src/domain/webhook/webhook.js";

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return "accepted";
};

describe("parseWebhookUrl", () => {
  it("accepts https URLs and drops the fragment", () => {
    expect(parseWebhookUrl("https://hooks.example/in?a=1#x", false)).toBe("https://hooks.example/in?a=1");
  });

  it.each([
    ["http://hooks.example/in", "not https"],
    ["ftp://hooks.example/in", "another scheme"],
    ["hooks.example/in", "not absolute"],
    ["https://user:pass@hooks.example/", "credentials"],
    ["https://127.0.0.1/in", "loopback"],
    ["https://[::1]/in", "IPv6 loopback"],
    ["https://10.1.2.3/", "private"],
    ["https://169.254.169.254/latest/meta-data", "link-local (cloud metadata)"],
    ["https://[::ffff:192.168.0.1]/", "private IPv4 in IPv6"],
    ["https://localhost:8443/", "localhost"],
    [`https://hooks.example/${"a".repeat(2050)}`, "too long"],
  ])("refuses %s (%s) with invalid_request", (url) => {
    expect(refusal(() => parseWebhookUrl(url, false))).toBe("invalid_request");
  });

  it("accepts http and private hosts when private receivers are allowed, still not credentials", () => {
    expect(parseWebhookUrl("http://127.0.0.1:8080/in", true)).toBe("http://127.0.0.1:8080/in");
    expect(refusal(() => parseWebhookUrl("http://u:p@127.0.0.1/", true))).toBe("invalid_request");
  });

  it("property: every 10.x.y.z and 127.x.y.z host is refused unless allowed", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom(10, 127), octet, octet, octet, (a, b, c, d) => {
        const url = `https://${a}.${b}.${c}.${d}/hook`;
        expect(refusal(() => parseWebhookUrl(url, false))).toBe("invalid_request");
        expect(parseWebhookUrl(url, true)).toBe(url);
      }),
    );
  });
});

describe("parseWebhookEvents", () => {
  it("keeps known events once, in the contract's order", () => {
    expect(parseWebhookEvents(["clicks.recorded", "link.created", "link.created"])).toEqual([
      "link.created",
      "clicks.recorded",
    ]);
  });

  it("refuses no events, an unknown one and ping (sent only by the test endpoint)", () => {
    expect(refusal(() => parseWebhookEvents([]))).toBe("invalid_request");
    expect(refusal(() => parseWebhookEvents(["link.created", "link.exploded"]))).toBe("invalid_request");
    expect(refusal(() => parseWebhookEvents(["ping"]))).toBe("invalid_request");
  });
});

describe("the retry schedule", () => {
  it("waits about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up (8 attempts)", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map(retryDelayAfter);
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(retryDelayAfter(8)).toBeNull();
    expect(RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(DISABLE_AFTER_MS);
  });

  it("disables an endpoint once it has failed for 5 days, not before", () => {
    const since = new Date("2026-03-10T00:00:00Z");
    expect(failingTooLong(null, new Date("2030-01-01T00:00:00Z"))).toBe(false);
    expect(failingTooLong(since, new Date(since.getTime() + DISABLE_AFTER_MS - 1))).toBe(false);
    expect(failingTooLong(since, new Date(since.getTime() + DISABLE_AFTER_MS))).toBe(true);
  });
});
