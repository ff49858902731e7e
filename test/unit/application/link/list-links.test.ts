import { describe, expect, it } from "vitest";
import type { LinkView } from "../../../../src/application/views/link-view.js";
import { aDomainError } from "../../../support/builders.js";
import { buildCore, type Core } from "../../../support/core.js";

const ACME = "acme";

/** Creates links one second apart, so the newest is the last made. */
async function createMany(core: Core, count: number, accountId = ACME): Promise<LinkView[]> {
  const made: LinkView[] = [];
  for (let i = 0; i < count; i++) {
    core.clock.advance(1000);
    made.push(await core.createLink.execute({ accountId, url: `https://example.com/${i}` }));
  }
  return made;
}

async function allPages(core: Core, limit: number, accountId = ACME): Promise<LinkView[][]> {
  const pages: LinkView[][] = [];
  let cursor: string | undefined;
  do {
    const page = await core.listLinks.execute({
      accountId,
      limit,
      ...(cursor === undefined ? {} : { cursor }),
    });
    pages.push([...page.links]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe("ListLinks", () => {
  it("lists the account's links newest first, a page at a time, each link exactly once", async () => {
    const core = buildCore();
    const made = await createMany(core, 5);
    await createMany(core, 2, "other");
    const pages = await allPages(core, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((link) => link.id)).toEqual(made.reverse().map((link) => link.id));
  });

  it("gives no next cursor when the last page is exactly full", async () => {
    const core = buildCore();
    await createMany(core, 4);
    expect((await allPages(core, 2)).map((page) => page.length)).toEqual([2, 2]);
  });

  it("pages through links made in the same millisecond without losing or repeating one", async () => {
    const core = buildCore();
    const made = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        core.createLink.execute({ accountId: ACME, url: `https://e.test/${i}` }),
      ),
    );
    const listed = (await allPages(core, 3)).flat().map((link) => link.id);
    expect(listed).toHaveLength(7);
    expect(new Set(listed)).toEqual(new Set(made.map((link) => link.id)));
    expect(listed).toEqual([...listed].sort().reverse());
  });

  it("uses a default page size of 20", async () => {
    const core = buildCore();
    await createMany(core, 21);
    const page = await core.listLinks.execute({ accountId: ACME });
    expect(page.links).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
  });

  it("filters by status and by domain (case-insensitively)", async () => {
    const core = buildCore();
    const [first, second] = await createMany(core, 2);
    if (first === undefined || second === undefined) throw new Error("two links expected");
    await core.updateLink.execute({ accountId: ACME, id: first.id, status: "disabled" });
    const disabled = await core.listLinks.execute({ accountId: ACME, status: "disabled" });
    expect(disabled.links.map((link) => link.id)).toEqual([first.id]);
    expect((await core.listLinks.execute({ accountId: ACME, domain: "SHO.RT" })).links).toHaveLength(2);
    expect((await core.listLinks.execute({ accountId: ACME, domain: "links.acme.test" })).links).toEqual([]);
  });

  it("shows an account with no links an empty list", async () => {
    const core = buildCore();
    await createMany(core, 2, "other");
    expect(await core.listLinks.execute({ accountId: ACME })).toEqual({ links: [], nextCursor: null });
  });

  it.each([
    ["garbage", "not-a-cursor"],
    ["base64 of text", Buffer.from("hello").toString("base64url")],
    ["a time without an id", Buffer.from("1700000000000.").toString("base64url")],
    ["an id that is no link id", Buffer.from("1700000000000.key_abc").toString("base64url")],
    ["the empty string", ""],
  ])("refuses a cursor that is %s with invalid_request", async (_, cursor) => {
    const core = buildCore();
    await expect(core.listLinks.execute({ accountId: ACME, cursor })).rejects.toEqual(
      aDomainError("invalid_request"),
    );
  });

  it.each([0, 101, 1.5, -1])("refuses the limit %d with invalid_request", async (limit) => {
    const core = buildCore();
    await expect(core.listLinks.execute({ accountId: ACME, limit })).rejects.toEqual(
      aDomainError("invalid_request"),
    );
  });
});
