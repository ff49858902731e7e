import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LinkView } from "../../../../src/application/views/link-view.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, type Core, storedLink } from "../../../support/core.js";

const A = "alice";
const B = "bob";
const SLUGS = ["promo", "sale", "docs-1", "Promo", "winter"];

type Operation =
  | { readonly op: "create"; readonly slug: string | null }
  | { readonly op: "get" | "delete" | "byShortUrl"; readonly target: number }
  | {
      readonly op: "update";
      readonly target: number;
      readonly slug: string | null;
      readonly disable: boolean;
    }
  | { readonly op: "list" };

const target = fc.nat({ max: 9 });
const slug = fc.option(fc.constantFrom(...SLUGS), { nil: null });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant("create" as const), slug }),
  fc.record({ op: fc.constantFrom("get" as const, "delete" as const, "byShortUrl" as const), target }),
  fc.record({ op: fc.constant("update" as const), target, slug, disable: fc.boolean() }),
  fc.record({ op: fc.constant("list" as const) }),
);

async function whatAliceSees(core: Core, links: readonly LinkView[]) {
  const listed = await core.listLinks.execute({ accountId: A, limit: 100 });
  const byId = await Promise.all(links.map((link) => core.getLink.execute({ accountId: A, id: link.id })));
  const visits = await Promise.all(links.map((link) => core.resolveRedirect.execute(aVisit(link.slug))));
  return {
    listed: listed.links,
    byId,
    locations: visits.map((visit) => ("location" in visit ? visit.location : visit.kind)),
  };
}

/** Runs one of Bob's operations; every one that names one of Alice's links must miss. */
async function runAsBob(
  core: Core,
  operation: Operation,
  alices: readonly LinkView[],
  bobSlugs: Set<string>,
): Promise<void> {
  if (operation.op === "create") {
    const wanted = operation.slug;
    const taken = wanted !== null && (alices.some((link) => link.slug === wanted) || bobSlugs.has(wanted));
    const outcome = await core.createLink
      .execute({
        accountId: B,
        url: "https://bob.test/",
        ...(wanted === null ? {} : { customSlug: wanted }),
      })
      .then(
        (link) => {
          bobSlugs.add(link.slug);
          return "created";
        },
        (error: { code?: string }) => error.code,
      );
    expect(outcome).toBe(taken ? "slug_taken" : "created");
    return;
  }
  if (operation.op === "list") {
    const page = await core.listLinks.execute({ accountId: B, limit: 100 });
    const owners = await Promise.all(
      page.links.map(async (link) => (await storedLink(core, link.id)).accountId),
    );
    expect(owners.every((owner) => owner === B)).toBe(true);
    return;
  }
  const victim = alices[operation.target % alices.length];
  if (victim === undefined) throw new Error("Alice has links");
  await expect(onAlicesLink(core, operation, victim)).rejects.toEqual(aDomainError("link_not_found"));
}

/** Bob's call naming one of Alice's links. */
function onAlicesLink(core: Core, operation: Operation, victim: LinkView): Promise<unknown> {
  switch (operation.op) {
    case "get":
      return core.getLink.execute({ accountId: B, id: victim.id });
    case "delete":
      return core.deleteLink.execute({ accountId: B, id: victim.id });
    case "byShortUrl":
      return core.getLinkByShortUrl.execute({ accountId: B, shortUrl: `https://sho.rt/${victim.slug}` });
    case "update":
      return core.updateLink.execute({
        accountId: B,
        id: victim.id,
        url: "https://bob.test/hijack",
        ...(operation.slug === null ? {} : { customSlug: operation.slug }),
        ...(operation.disable ? { status: "disabled" as const } : {}),
      });
    default:
      throw new Error(`not an operation on a link: ${operation.op}`);
  }
}

describe("account isolation (property)", () => {
  it("nothing account B does with A's link ids changes what A sees, and each such call answers link_not_found", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...SLUGS), { minLength: 1, maxLength: 3 }),
        fc.array(operation, { maxLength: 15 }),
        async (aliceSlugs, operations) => {
          const core = buildCore();
          const alices: LinkView[] = [];
          for (const customSlug of aliceSlugs) {
            core.clock.advance(1000);
            alices.push(
              await core.createLink.execute({ accountId: A, url: "https://alice.test/", customSlug }),
            );
          }
          const before = await whatAliceSees(core, alices);
          const bobSlugs = new Set<string>();
          for (const step of operations) {
            core.clock.advance(1000);
            await runAsBob(core, step, alices, bobSlugs);
          }
          expect(await whatAliceSees(core, alices)).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
