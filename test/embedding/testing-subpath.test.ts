import { createTestHexlink, ManualClock, rateLimiterContract } from "hexlink/testing";
import { afterEach, describe, expect, it } from "vitest";
import { InMemoryRateLimiter } from "../../src/adapters/memory/in-memory-rate-limiter.js";

// Runs through the package's own "hexlink/testing" export, as an embedder's suite would import it.

// An embedder's own adapter would go here; the memory limiter stands in for it.
rateLimiterContract("InMemoryRateLimiter through hexlink/testing", {
  make: async () => new InMemoryRateLimiter(),
  numRuns: 10,
});

describe("createTestHexlink", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((hexlink) => hexlink.close()));
  });

  it("runs link expiry on its manual clock", async () => {
    const hexlink = await createTestHexlink();
    opened.push(hexlink);
    const expiresAt = new Date(hexlink.clock.now().getTime() + 60_000);
    const link = await hexlink.createLink.execute({
      accountId: "acme",
      url: "https://example.com/a",
      expiresAt,
    });
    const request = { query: "", ip: "198.51.100.7", userAgent: "", referrer: "", headers: {} };
    const visit = { ...request, host: "sho.rt", slug: link.slug };
    expect((await hexlink.resolveRedirect.execute(visit)).kind).toBe("redirect");
    hexlink.clock.advance(61_000);
    expect((await hexlink.resolveRedirect.execute(visit)).kind).toBe("gone");
  });

  it("keeps rate limits on while its clock stands still, and frees them when it moves", async () => {
    const clock = new ManualClock("2026-03-15T12:00:00.000Z");
    const hexlink = await createTestHexlink({
      clock,
      settings: { rateLimits: { perSecond: 2, perHour: 100, perMonth: 1000 } },
    });
    opened.push(hexlink);
    const apiKey = { limits: null, rateLimitSubject: `key:${"0".repeat(64)}` };
    const allowed = async () => (await hexlink.consumeRateLimit.execute({ apiKey })).allowed;
    expect([await allowed(), await allowed(), await allowed()]).toEqual([true, true, false]);
    clock.advance(1_000);
    expect(await allowed()).toBe(true);
  });
});
