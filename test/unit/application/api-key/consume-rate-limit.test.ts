import { describe, expect, it } from "vitest";
import { buildCore } from "../../../support/core.js";

const limits = { perSecond: 3, perHour: 5, perMonth: 7 };

async function setUp() {
  const core = buildCore({ settings: { rateLimits: limits } });
  core.clock.set("2026-03-31T22:59:58.000Z");
  const { key } = await core.createApiKey.execute({ accountId: "acme" });
  const apiKey = await core.authenticateApiKey.execute({ key });
  return { core, apiKey };
}

describe("ConsumeRateLimit", () => {
  it("counts requests against the tightest window and refuses the one over the second's limit", async () => {
    const { core, apiKey } = await setUp();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await core.consumeRateLimit.execute({ apiKey }));
    expect(decisions.map((d) => [d.allowed, d.limit, d.remaining, d.exceeded])).toEqual([
      [true, 3, 2, null],
      [true, 3, 1, null],
      [true, 3, 0, null],
      [false, 3, 0, "second"],
    ]);
    expect(decisions[3]?.resetSeconds).toBe(1);
  });

  it("a refused request is not counted, and a new second frees the second window", async () => {
    const { core, apiKey } = await setUp();
    for (let i = 0; i < 4; i++) await core.consumeRateLimit.execute({ apiKey });
    core.clock.advance(1000);
    expect(await core.consumeRateLimit.execute({ apiKey })).toMatchObject({
      allowed: true,
      limit: 5,
      remaining: 1,
    });
  });

  it("refuses by the hour, then by the month, each naming its window and when it frees", async () => {
    const { core, apiKey } = await setUp();
    for (let i = 0; i < 5; i++) {
      if (i === 3) core.clock.advance(1000);
      expect((await core.consumeRateLimit.execute({ apiKey })).allowed).toBe(true);
    }
    expect(await core.consumeRateLimit.execute({ apiKey })).toMatchObject({
      allowed: false,
      exceeded: "hour",
      resetSeconds: 1,
    });
    core.clock.set("2026-03-31T23:00:00.000Z");
    await core.consumeRateLimit.execute({ apiKey });
    await core.consumeRateLimit.execute({ apiKey });
    expect(await core.consumeRateLimit.execute({ apiKey })).toMatchObject({
      allowed: false,
      exceeded: "month",
      limit: 7,
      resetSeconds: 3600,
    });
    core.clock.set("2026-04-01T00:00:00.000Z");
    expect((await core.consumeRateLimit.execute({ apiKey })).allowed).toBe(true);
  });

  it("uses a key's own limits over the defaults, and counts each key apart", async () => {
    const { core, apiKey } = await setUp();
    const generous = { ...apiKey, limits: { perSecond: 100 } };
    const decision = await core.consumeRateLimit.execute({ apiKey: generous });
    expect(decision).toMatchObject({ allowed: true, limit: 5, remaining: 4 });
    const { key: secondKey } = await core.createApiKey.execute({ accountId: "acme" });
    const second = await core.authenticateApiKey.execute({ key: secondKey });
    expect(await core.consumeRateLimit.execute({ apiKey: second })).toMatchObject({ remaining: 2 });
  });
});
