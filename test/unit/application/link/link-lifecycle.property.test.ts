import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aVisit, buildCore, type Core, storedLink } from "../../../support/core.js";

const ACME = "acme";
const HOUR = 3_600_000;
const PASSWORD = "open sesame";

type Ending = "disabled" | "deleted" | "expired" | "exhausted";
const EXPECTED: Record<Ending, "not_found" | "gone"> = {
  disabled: "not_found",
  deleted: "not_found",
  expired: "gone",
  exhausted: "gone",
};

const visit = fc.record({
  password: fc.constantFrom("none", "right", "wrong"),
  host: fc.constantFrom("sho.rt", "SHO.RT", "localhost:3000"),
  query: fc.constantFrom("", "a=1"),
});

/** Brings an active link to its ending the way an owner or its visitors would. */
async function end(
  core: Core,
  id: string,
  ending: Ending,
  clicksLeft: number,
  extraMs: number,
): Promise<void> {
  if (ending === "disabled") await core.updateLink.execute({ accountId: ACME, id, status: "disabled" });
  if (ending === "deleted") await core.deleteLink.execute({ accountId: ACME, id });
  if (ending === "expired") core.clock.advance(HOUR + extraMs);
  if (ending === "exhausted") {
    for (let i = 0; i < clicksLeft; i++) {
      const outcome = await core.resolveRedirect.execute(aVisit("promo", { password: PASSWORD }));
      expect(outcome.kind).toBe("redirect");
    }
  }
}

describe("link lifecycle (property)", () => {
  it("a disabled, deleted, expired or exhausted link never resolves to a redirect", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Ending>("disabled", "deleted", "expired", "exhausted"),
        fc.boolean(),
        // At least 2, so that the warming visit below leaves the link active until its ending.
        fc.integer({ min: 2, max: 4 }),
        fc.nat({ max: 10 * HOUR }),
        fc.array(visit, { minLength: 1, maxLength: 4 }),
        async (ending, protectedByPassword, maxClicks, extraMs, visits) => {
          const core = buildCore({ settings: { passwordAttemptsPerMinute: 100 } });
          const link = await core.createLink.execute({
            accountId: ACME,
            url: "https://example.com/",
            customSlug: "promo",
            expiresAt: new Date(core.clock.now().getTime() + HOUR),
            maxClicks,
            ...(protectedByPassword ? { password: PASSWORD } : {}),
          });
          // A first visit warms the cache, so the ending must also reach cached copies.
          await core.resolveRedirect.execute(aVisit("promo", { password: PASSWORD }));
          await end(core, link.id, ending, maxClicks - 1, extraMs);
          const hits = core.hits.length;
          for (const v of visits) {
            const password =
              v.password === "none" ? {} : { password: v.password === "right" ? PASSWORD : "nope" };
            const outcome = await core.resolveRedirect.execute(
              aVisit("promo", { ...password, host: v.host, query: v.query }),
            );
            expect(outcome).toEqual({ kind: EXPECTED[ending] });
          }
          expect(core.hits).toHaveLength(hits);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("a link with max_clicks N redirects exactly N times, even when N + k visits run at once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.nat({ max: 8 }),
        fc.boolean(),
        async (maxClicks, extra, warm) => {
          const core = buildCore();
          const link = await core.createLink.execute({
            accountId: ACME,
            url: "https://e.test/",
            customSlug: "promo",
            maxClicks,
          });
          if (warm) core.shared.cache.setLink(link.domain, link.slug, await storedLink(core, link.id));
          const outcomes = await Promise.all(
            Array.from({ length: maxClicks + extra }, () => core.resolveRedirect.execute(aVisit("promo"))),
          );
          expect(outcomes.filter((o) => o.kind === "redirect")).toHaveLength(maxClicks);
          expect(outcomes.filter((o) => o.kind === "gone")).toHaveLength(extra);
          expect(core.hits).toHaveLength(maxClicks);
          expect((await storedLink(core, link.id)).clickCount).toBe(maxClicks);
          expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the same holds for a password-protected link visited at once with the right password", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.nat({ max: 4 }), async (maxClicks, extra) => {
        const core = buildCore({ settings: { passwordAttemptsPerMinute: 100 } });
        await core.createLink.execute({
          accountId: ACME,
          url: "https://e.test/",
          customSlug: "promo",
          maxClicks,
          password: PASSWORD,
        });
        const outcomes = await Promise.all(
          Array.from({ length: maxClicks + extra }, () =>
            core.resolveRedirect.execute(aVisit("promo", { password: PASSWORD })),
          ),
        );
        expect(outcomes.filter((o) => o.kind === "redirect")).toHaveLength(maxClicks);
        expect(outcomes.filter((o) => o.kind === "gone")).toHaveLength(extra);
      }),
      { numRuns: 25 },
    );
  });
});
