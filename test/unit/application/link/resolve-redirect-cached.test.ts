import { describe, expect, it } from "vitest";
import type { CreateLinkInput } from "../../../../src/application/use-cases/link/create-link.js";
import { aVisit, buildCore } from "../../../support/core.js";

const ACME = "acme";

// executeCached is the redirect hot path's shortcut: whenever it answers, it must answer what execute does.
describe("ResolveRedirect.executeCached", () => {
  const kinds: [string, Partial<CreateLinkInput>][] = [
    ["a plain link", {}],
    ["a password-protected link", { password: "correct horse" }],
    ["a link with a click budget", { maxClicks: 5 }],
    ["an expired link", { expiresAt: new Date(Date.UTC(2020, 0, 1)) }],
  ];

  it("does not answer before the link is cached (the first visit reads the store)", async () => {
    const core = buildCore();
    await core.createLink.execute({ accountId: ACME, url: "https://example.com/", customSlug: "promo" });
    expect(core.resolveRedirect.executeCached(aVisit("promo"))).toBeUndefined();
    expect(core.hits).toHaveLength(0);
  });

  for (const [name, extra] of kinds) {
    it(`answers as execute does once ${name} is cached, or leaves it to execute`, async () => {
      const core = buildCore();
      const created = core.createLink
        .execute({ accountId: ACME, url: "https://example.com/", customSlug: "promo", ...extra })
        .catch(() => null);
      if ((await created) === null) return expect(extra.expiresAt).toBeDefined(); // a past expiry is refused
      const first = await core.resolveRedirect.execute(aVisit("promo"));
      const hitsBefore = core.hits.length;
      const cached = core.resolveRedirect.executeCached(aVisit("promo"));
      if (extra.password !== undefined || extra.maxClicks !== undefined) {
        expect(cached).toBeUndefined();
        expect(core.hits).toHaveLength(hitsBefore);
      } else {
        expect(cached).toEqual(first);
        expect(core.hits).toHaveLength(hitsBefore + 1);
      }
    });
  }

  it("answers not_found for a slug cached as absent, and for a disabled link, as execute does", async () => {
    const core = buildCore();
    expect(await core.resolveRedirect.execute(aVisit("nothing"))).toEqual({ kind: "not_found" });
    expect(core.resolveRedirect.executeCached(aVisit("nothing"))).toEqual({ kind: "not_found" });
    const link = await core.createLink.execute({
      accountId: ACME,
      url: "https://example.com/",
      customSlug: "off",
    });
    await core.updateLink.execute({ accountId: ACME, id: link.id, status: "disabled" });
    const viaExecute = await core.resolveRedirect.execute(aVisit("off"));
    expect(viaExecute).toEqual({ kind: "not_found" });
    expect(core.resolveRedirect.executeCached(aVisit("off"))).toEqual(viaExecute);
    expect(core.hits).toHaveLength(0);
  });
});
