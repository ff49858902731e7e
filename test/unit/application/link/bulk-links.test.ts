import { describe, expect, it } from "vitest";
import type { HexlinkChange } from "../../../../src/application/ports/event-publisher.js";
import type { BulkResult } from "../../../../src/application/views/bulk-result.js";
import type { LinkView } from "../../../../src/application/views/link-view.js";
import type { ClickIncrement } from "../../../../src/domain/click/click.js";
import { DomainError } from "../../../../src/domain/errors/domain-error.js";
import { aDomainError } from "../../../support/builders.js";
import { buildBulkCore } from "../../../support/bulk-core.js";

const ACME = "acme";

/** `clicks` human clicks (and one bot) of a link on a day, without dimensions. */
const increment = (linkId: string, day: string, clicks: number): ClickIncrement => ({
  linkId,
  day,
  clicks,
  botClicks: 1,
  dimensions: new Map(),
  visitors: new Set(),
});
const url = (n: number) => `https://example.com/${n}`;
const slugs = (results: readonly BulkResult<LinkView>[]) =>
  results.map((result) => (result.ok ? result.value.slug : result.error.code));

describe("BulkCreateLinks", () => {
  it("stores each link in input order; a refused one leaves the others alone", async () => {
    const core = buildBulkCore();
    await core.createLink.execute({ accountId: ACME, url: url(0), customSlug: "held" });
    core.scripted.queue("Rand001", "Rand002");
    const results = await core.bulkCreateLinks.execute([
      { accountId: ACME, url: url(1) },
      { accountId: ACME, url: url(2), customSlug: "held" },
      { accountId: ACME, url: "javascript:alert(1)" },
      { accountId: ACME, url: url(3), customSlug: "twin" },
      { accountId: ACME, url: url(4), customSlug: "twin" },
      { accountId: ACME, url: url(5) },
    ]);
    expect(slugs(results)).toEqual([
      "Rand001",
      "slug_taken",
      "invalid_destination",
      "twin",
      "slug_taken",
      "Rand002",
    ]);
    expect(results[1]).toEqual({
      ok: false,
      error: aDomainError("slug_taken", "The custom slug 'held' is already taken."),
    });
    const listed = await core.listLinks.execute({ accountId: ACME, limit: 100 });
    expect(listed.links.map((link) => link.slug).sort()).toEqual(["Rand001", "Rand002", "held", "twin"]);
  });

  it("draws a random code again for each link whose code was taken, then a longer one", async () => {
    const core = buildBulkCore({ settings: { codeAttempts: 2 } });
    await core.createLink.execute({ accountId: ACME, url: url(0), customSlug: "Taken01" });
    // One round per attempt over the links still without a code: link 1 collides once; link 2 collides on
    // both tries at length 7, then gets a length-8 code.
    core.scripted.queue("Taken01", "Taken01", "Fresh01", "Taken01", "Fresh002");
    const results = await core.bulkCreateLinks.execute([
      { accountId: ACME, url: url(1) },
      { accountId: ACME, url: url(2) },
    ]);
    expect(slugs(results)).toEqual(["Fresh01", "Fresh002"]);
    expect(core.scripted.lengths).toEqual([7, 7, 7, 7, 8]);
  });

  it("refuses with slug_generation_failed only the links that found no free code", async () => {
    const core = buildBulkCore({ settings: { codeAttempts: 1 } });
    await core.createLink.execute({ accountId: ACME, url: url(0), customSlug: "Taken01" });
    await core.createLink.execute({ accountId: ACME, url: url(0), customSlug: "Taken012" });
    core.scripted.queue("Free001", "Taken01", "Taken012");
    const results = await core.bulkCreateLinks.execute([
      { accountId: ACME, url: url(1) },
      { accountId: ACME, url: url(2) },
    ]);
    expect(slugs(results)).toEqual(["Free001", "slug_generation_failed"]);
  });

  it("takes 1 to 1,000 links", async () => {
    const core = buildBulkCore();
    await expect(core.bulkCreateLinks.execute([])).rejects.toEqual(aDomainError("invalid_request"));
    const many = Array.from({ length: 1001 }, (_, n) => ({ accountId: ACME, url: url(n) }));
    await expect(core.bulkCreateLinks.execute(many)).rejects.toEqual(aDomainError("invalid_request"));
  });

  it("fails as a whole when the store is down, rather than answering each link refused", async () => {
    const core = buildBulkCore();
    core.stores.links.createMany = async () => {
      throw aDomainError("unavailable");
    };
    await expect(core.bulkCreateLinks.execute([{ accountId: ACME, url: url(1) }])).rejects.toEqual(
      aDomainError("unavailable"),
    );
  });

  it("answers the links not written unavailable, one by one, when the store fails after some were written", async () => {
    const core = buildBulkCore();
    const createMany = core.stores.links.createMany.bind(core.stores.links);
    let calls = 0;
    core.stores.links.createMany = async (links) => {
      calls += 1;
      if (calls > 1) throw new DomainError("unavailable", "The store is unavailable.");
      return createMany(links);
    };
    core.scripted.queue("Rand001");
    const results = await core.bulkCreateLinks.execute([
      { accountId: ACME, url: url(1), customSlug: "written" },
      { accountId: ACME, url: url(2) },
    ]);
    // The custom slug stood; the random-coded link's write failed: a retry must not make a second "written".
    expect(slugs(results)).toEqual(["written", "unavailable"]);
    const stored = await core.listLinks.execute({ accountId: ACME });
    expect(stored.links.map((link) => link.slug)).toEqual(["written"]);
  });
});

describe("BulkUpdateLinks and BulkDeleteLinks", () => {
  it("update the account's links only; another account's answers link_not_found", async () => {
    const core = buildBulkCore();
    const mine = await core.createLink.execute({ accountId: ACME, url: url(1) });
    const theirs = await core.createLink.execute({ accountId: "globex", url: url(2) });
    const results = await core.bulkUpdateLinks.execute({
      accountId: ACME,
      ids: [mine.id, theirs.id],
      set: { status: "disabled" },
    });
    expect(results.map((result) => (result.ok ? result.value.status : result.error.code))).toEqual([
      "disabled",
      "link_not_found",
    ]);
    expect((await core.getLink.execute({ accountId: "globex", id: theirs.id })).status).toBe("active");
  });

  it("delete each owned link once, answer every occurrence of an id alike, and forget their clicks", async () => {
    const core = buildBulkCore();
    const mine = await core.createLink.execute({ accountId: ACME, url: url(1), customSlug: "mine" });
    const theirs = await core.createLink.execute({ accountId: "globex", url: url(2) });
    await core.resolveRedirect.execute({
      host: "sho.rt",
      slug: "mine",
      query: "",
      ip: "203.0.113.7",
      userAgent: "Firefox",
      referrer: "",
      headers: {},
    });
    const results = await core.bulkDeleteLinks.execute({
      accountId: ACME,
      ids: [mine.id, theirs.id, mine.id],
    });
    expect(results.map((result) => (result.ok ? result.value.id : result.error.code))).toEqual([
      mine.id,
      "link_not_found",
      mine.id,
    ]);
    await expect(core.getLink.execute({ accountId: ACME, id: mine.id })).rejects.toEqual(
      aDomainError("link_not_found"),
    );
    expect((await core.getLink.execute({ accountId: "globex", id: theirs.id })).id).toBe(theirs.id);
    // Its slug is free again.
    await core.createLink.execute({ accountId: ACME, url: url(3), customSlug: "mine" });
  });
});

describe("bulk calls and webhooks", () => {
  it("announce each link created and each link deleted, as the single calls do, and nothing refused", async () => {
    const changes: HexlinkChange[] = [];
    const core = buildBulkCore({ events: { publish: async (change) => void changes.push(change) } });
    await core.createLink.execute({ accountId: ACME, url: url(0), customSlug: "held" });
    const created = await core.bulkCreateLinks.execute([
      { accountId: ACME, url: url(1), customSlug: "fresh" },
      { accountId: ACME, url: url(2), customSlug: "held" },
    ]);
    const fresh = created[0];
    if (fresh?.ok !== true) throw new Error("the first link was refused");
    expect(changes.map((change) => change.type)).toEqual(["link.created"]);
    expect(changes[0]).toMatchObject({ accountId: ACME, link: fresh.value });
    await core.bulkDeleteLinks.execute({
      accountId: ACME,
      ids: [fresh.value.id, "lnk_missing0000000000000"],
    });
    expect(changes.slice(1)).toEqual([
      { type: "link.deleted", accountId: ACME, at: core.clock.now(), linkId: fresh.value.id },
    ]);
  });
});

describe("ExportLinks", () => {
  it("yields every matching link across pages, newest first, with clicks over more than 366 days", async () => {
    const core = buildBulkCore();
    const old = await core.createLink.execute({ accountId: ACME, url: url(0) });
    await core.stores.clicks.add([increment(old.id, old.createdAt.toISOString().slice(0, 10), 2)], "t.1");
    core.clock.advance(400 * 24 * 60 * 60 * 1000);
    const today = core.clock.now().toISOString().slice(0, 10);
    await core.stores.clicks.add([increment(old.id, today, 3)], "t.2");
    for (let n = 1; n <= 230; n++) await core.createLink.execute({ accountId: ACME, url: url(n) });
    await core.createLink.execute({ accountId: "globex", url: url(999) });
    const exported = [];
    for await (const one of core.exportLinks.execute({ accountId: ACME })) exported.push(one);
    expect(exported).toHaveLength(231);
    expect(exported[230]).toEqual({ link: old, totalClicks: 5 });
    expect(exported.slice(0, 230).every((one) => one.totalClicks === 0)).toBe(true);
  });

  it("reads a page only when the reader has taken the one before (constant memory)", async () => {
    const core = buildBulkCore();
    const many = Array.from({ length: 250 }, (_, n) => ({ accountId: ACME, url: url(n) }));
    await core.bulkCreateLinks.execute(many);
    const pages: (string | undefined)[] = [];
    const list = core.listLinks.execute.bind(core.listLinks);
    core.listLinks.execute = (input) => {
      pages.push(input.cursor);
      return list(input);
    };
    const reader = core.exportLinks.execute({ accountId: ACME });
    await reader.next();
    expect(pages).toHaveLength(1);
    for (let n = 1; n < 100; n++) await reader.next();
    expect(pages).toHaveLength(1);
    await reader.next();
    expect(pages).toHaveLength(2);
    await reader.return();
  });
});
