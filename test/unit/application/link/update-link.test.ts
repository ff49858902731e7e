import { describe, expect, it, vi } from "vitest";
import type { LinkRepository } from "../../../../src/application/ports/link-repository.js";
import {
  UPDATE_ATTEMPTS,
  type UpdateLinkInput,
} from "../../../../src/application/use-cases/link/update-link.js";
import type { ErrorCode } from "../../../../src/domain/errors/domain-error.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, type Core, storedLink } from "../../../support/core.js";

type Changes = Omit<UpdateLinkInput, "accountId" | "id">;

const ACME = "acme";
const HOUR = 3_600_000;

async function setUp(options: Parameters<typeof buildCore>[0] = {}) {
  const core = buildCore(options);
  const link = await core.createLink.execute({
    accountId: ACME,
    url: "https://a.test/",
    customSlug: "promo",
  });
  const update = (changes: Changes) => core.updateLink.execute({ accountId: ACME, id: link.id, ...changes });
  return { core, link, update };
}

const later = (core: Core, ms: number) => new Date(core.clock.now().getTime() + ms);

describe("UpdateLink", () => {
  it("changes the destination (normalised) and stamps updatedAt", async () => {
    const { core, link, update } = await setUp();
    core.clock.advance(1000);
    const next = await update({ url: "HTTPS://B.test/x/../y" });
    expect(next).toEqual({ ...link, destination: "https://b.test/y", updatedAt: core.clock.now() });
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(next);
  });

  it("moves the link to a new slug: the new one redirects, the old one is freed and answers not_found", async () => {
    const { core, update } = await setUp();
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    await update({ customSlug: "spring" });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
    expect(await core.resolveRedirect.execute(aVisit("spring"))).toMatchObject({ kind: "redirect" });
    const reuse = await core.createLink.execute({
      accountId: ACME,
      url: "https://c.test/",
      customSlug: "promo",
    });
    expect(reuse.slug).toBe("promo");
  });

  it("keeps the slug when given the one it has", async () => {
    const { update } = await setUp();
    expect((await update({ customSlug: "promo", url: "https://b.test/" })).slug).toBe("promo");
  });

  it("sets and removes a password; the stored value is a hash", async () => {
    const { core, update } = await setUp();
    const locked = await update({ password: "hunter2" });
    expect(locked.passwordProtected).toBe(true);
    expect((await storedLink(core, locked.id)).passwordHash).toMatch(/^scrypt\$/);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "password_required" });
    const opened = await update({ password: null });
    expect(opened.passwordProtected).toBe(false);
    expect((await storedLink(core, opened.id)).passwordHash).toBeNull();
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
  });

  it("disables and re-enables a link; a disabled link answers not_found at once", async () => {
    const { core, update } = await setUp();
    await core.resolveRedirect.execute(aVisit("promo"));
    expect((await update({ status: "disabled" })).status).toBe("disabled");
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
    await update({ status: "active" });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
  });

  it("a new click budget keeps the clicks already counted", async () => {
    const { core, update } = await setUp();
    await update({ maxClicks: 2 });
    await core.resolveRedirect.execute(aVisit("promo"));
    const next = await update({ maxClicks: 5 });
    expect(next.maxClicks).toBe(5);
    expect((await storedLink(core, next.id)).clickCount).toBe(1);
  });

  describe("on an expired link", () => {
    async function expired() {
      const setup = await setUp();
      await setup.update({ expiresAt: later(setup.core, HOUR) });
      setup.core.clock.advance(HOUR);
      return setup;
    }

    it.each<[string, Changes]>([
      ["url", { url: "https://b.test/" }],
      ["custom_slug", { customSlug: "other" }],
      ["password", { password: "secret" }],
      ["status", { status: "disabled" }],
    ])("refuses a change of %s with edit_not_allowed and changes nothing", async (_, changes) => {
      const { core, link, update } = await expired();
      const before = await core.getLink.execute({ accountId: ACME, id: link.id });
      await expect(update(changes)).rejects.toEqual(aDomainError("edit_not_allowed"));
      expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(before);
    });

    it("accepts a new expires_at and revives the link", async () => {
      const { core, update } = await expired();
      expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
      await update({ expiresAt: later(core, HOUR) });
      expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    });

    it("accepts a new max_clicks on a link whose budget is spent", async () => {
      const { core, update } = await setUp();
      await update({ maxClicks: 1 });
      await core.resolveRedirect.execute(aVisit("promo"));
      await expect(update({ url: "https://b.test/" })).rejects.toEqual(aDomainError("edit_not_allowed"));
      await update({ maxClicks: 2 });
      expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    });
  });

  describe("edited concurrently", () => {
    /** Counts the writes the store refused as based on a stale copy. */
    function countRefusals(links: LinkRepository): { refused: number } {
      const counter = { refused: 0 };
      const update = links.update.bind(links);
      vi.spyOn(links, "update").mockImplementation(async (link, previous) => {
        const written = await update(link, previous);
        if (!written) counter.refused += 1;
        return written;
      });
      return counter;
    }

    it("applies both of two concurrent edits: a password and a new URL", async () => {
      const { core, link, update } = await setUp();
      const counter = countRefusals(core.stores.links);
      await Promise.all([update({ password: "hunter2" }), update({ url: "https://b.test/" })]);
      expect(counter.refused).toBeGreaterThan(0);
      const stored = await storedLink(core, link.id);
      expect(stored.passwordHash).toMatch(/^scrypt\$/);
      expect(stored.destination).toBe("https://b.test/");
    });

    it("applies both of a slug move and a concurrent edit, and the old slug stays free", async () => {
      const { core, link, update } = await setUp();
      const counter = countRefusals(core.stores.links);
      await Promise.all([update({ customSlug: "spring" }), update({ password: "hunter2" })]);
      expect(counter.refused).toBeGreaterThan(0);
      const stored = await storedLink(core, link.id);
      expect(stored.slug).toBe("spring");
      expect(stored.passwordHash).toMatch(/^scrypt\$/);
      expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
      expect(await core.resolveRedirect.execute(aVisit("spring"))).toMatchObject({
        kind: "password_required",
      });
    });

    it("stamps each version later than the one it replaces, even when the clock has not moved", async () => {
      const { link, update } = await setUp();
      const first = await update({ url: "https://b.test/" });
      const second = await update({ url: "https://c.test/" });
      expect(first.updatedAt.getTime()).toBe(link.updatedAt.getTime() + 1);
      expect(second.updatedAt.getTime()).toBe(link.updatedAt.getTime() + 2);
    });

    it("answers edit_not_allowed when the link keeps changing, after a few fresh tries", async () => {
      const { core, link, update } = await setUp();
      const refuse = vi.spyOn(core.stores.links, "update").mockResolvedValue(false);
      await expect(update({ url: "https://b.test/" })).rejects.toEqual(
        aDomainError("edit_not_allowed", "The link changed while it was being edited; try again."),
      );
      expect(refuse).toHaveBeenCalledTimes(UPDATE_ATTEMPTS);
      refuse.mockRestore();
      expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
    });
  });

  it("refuses a slug in use on the domain with slug_taken and the contract's sentence", async () => {
    const { core, link, update } = await setUp();
    await core.createLink.execute({ accountId: "other", url: "https://b.test/", customSlug: "taken" });
    await expect(update({ customSlug: "taken" })).rejects.toEqual(
      aDomainError("slug_taken", "The custom slug 'taken' is already taken."),
    );
    expect((await core.getLink.execute({ accountId: ACME, id: link.id })).slug).toBe("promo");
  });

  it.each<[string, Changes, ErrorCode]>([
    ["a reserved slug", { customSlug: "Admin" }, "invalid_slug"],
    ["a short slug", { customSlug: "ab" }, "invalid_slug"],
    ["a non-http destination", { url: "mailto:a@b.test" }, "invalid_destination"],
    ["a destination on the default domain", { url: "https://sho.rt/x" }, "invalid_destination"],
    ["a blocked destination", { url: "https://www.evil.test/" }, "destination_blocked"],
    ["an expiry in the past", { expiresAt: new Date("2020-01-01T00:00:00Z") }, "invalid_request"],
    ["max_clicks 0", { maxClicks: 0 }, "invalid_request"],
    ["an empty password", { password: "" }, "invalid_request"],
  ])("refuses %s", async (_, changes, code) => {
    const { core, link, update } = await setUp({ settings: { blockedDomains: ["evil.test"] } });
    await expect(update(changes)).rejects.toEqual(aDomainError(code));
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
  });

  it("answers link_not_found for another account's link and for an unknown id, changing nothing", async () => {
    const { core, link } = await setUp();
    await expect(
      core.updateLink.execute({ accountId: "other", id: link.id, url: "https://evil.test/" }),
    ).rejects.toEqual(aDomainError("link_not_found", "No link with this id exists."));
    await expect(
      core.updateLink.execute({ accountId: ACME, id: "lnk_doesnotexist000000000", status: "disabled" }),
    ).rejects.toEqual(aDomainError("link_not_found", "No link with this id exists."));
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
  });
});
