import { DomainError } from "../../../domain/errors/domain-error.js";
import type { Link } from "../../../domain/link/link.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import type { EventPublisher } from "../../ports/event-publisher.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { CodeGenerator } from "../../ports/technical.js";
import { requireScope } from "../../services/key-access-guard.js";
import { mapConcurrently } from "../../services/map-concurrently.js";
import type { HexlinkSettings } from "../../settings.js";
import type { ShortUrls } from "../../short-urls.js";
import { type BulkResult, checkBulkSize, refused } from "../../views/bulk-result.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";
import type { CreateLink, CreateLinkInput } from "./create-link.js";

export interface BulkCreateLinksDeps {
  readonly createLink: CreateLink;
  readonly links: LinkRepository;
  readonly cache: LinkCache;
  readonly codes: CodeGenerator;
  readonly settings: HexlinkSettings;
  readonly urls: ShortUrls;
  /** Told of each link created (webhooks), as the single create tells it. */
  readonly events?: EventPublisher;
}

/** Drafts checked at once (destination, domain, password hashing). */
const DRAFT_CONCURRENCY = 32;

/**
 * Creates up to 1,000 links in one call, each as `CreateLink` would, stored with the repository's batch write:
 * one store round trip per step, not per link. Results come in input order; one refused link never fails the
 * others. Random codes that collide are drawn again for the links that lost, as a single create does.
 * @throws DomainError invalid_request (no link, or over 1,000), forbidden (a key without links:write; a link
 *   on a domain the key is not limited to is refused alone), unavailable (the store failed: the call as a
 *   whole; links written before it stay)
 */
export class BulkCreateLinks {
  constructor(private readonly deps: BulkCreateLinksDeps) {}

  async execute(inputs: readonly CreateLinkInput[]): Promise<BulkResult<LinkView>[]> {
    checkBulkSize(inputs.length);
    // A key without the scope is refused as a whole, as the single create refuses it.
    for (const input of inputs) requireScope(input.access, "links:write");
    const drafts = await mapConcurrently(inputs, DRAFT_CONCURRENCY, (input) =>
      this.deps.createLink.draft(input).then(
        (link): BulkResult<Link> => ({ ok: true, value: link }),
        (error: unknown) => refused<Link>(error),
      ),
    );
    const stored = await this.store(drafts);
    const created = stored.flatMap((result) => (result.ok ? [result.value] : []));
    // A redirect may have cached "no such link" for these slugs just before.
    await Promise.all(created.map((link) => this.deps.cache.invalidateLink(link.domain, link.slug)));
    const views = stored.map(
      (result): BulkResult<LinkView> =>
        result.ok ? { ok: true, value: toLinkView(result.value, this.deps.urls) } : result,
    );
    const { events } = this.deps;
    if (events !== undefined) {
      await Promise.all(
        created.map((link) =>
          events.publish({
            type: "link.created",
            accountId: link.accountId,
            at: link.createdAt,
            link: toLinkView(link, this.deps.urls),
          }),
        ),
      );
    }
    return views;
  }

  /** Writes the drafts: custom slugs once, random codes again (longer after a few tries) while they collide. */
  private async store(drafts: readonly BulkResult<Link>[]): Promise<BulkResult<Link>[]> {
    const results = [...drafts];
    const custom = indexesOf(drafts, (link) => link.slug !== "");
    const customWritten = await this.deps.links.createMany(custom.map((index) => valueAt(drafts, index)));
    custom.forEach((index, at) => {
      if (customWritten[at] !== true)
        results[index] = { ok: false, error: slugTaken(valueAt(drafts, index).slug) };
    });
    let pending = indexesOf(drafts, (link) => link.slug === "");
    const { codeLength, codeAttempts } = this.deps.settings;
    for (const length of [codeLength, codeLength + 1]) {
      for (let attempt = 0; attempt < codeAttempts && pending.length > 0; attempt++) {
        const tries = pending.map((index) => ({
          index,
          link: { ...valueAt(drafts, index), slug: this.code(length) },
        }));
        const valid = tries.filter((one) => isValidSlug(one.link.slug));
        const written = await this.deps.links.createMany(valid.map((one) => one.link));
        const done = new Set<number>();
        valid.forEach((one, at) => {
          if (written[at] !== true) return;
          results[one.index] = { ok: true, value: one.link };
          done.add(one.index);
        });
        pending = pending.filter((index) => !done.has(index));
      }
    }
    for (const index of pending) {
      results[index] = {
        ok: false,
        error: new DomainError("slug_generation_failed", "No free short code was found; try again."),
      };
    }
    return results;
  }

  private code(length: number): string {
    return this.deps.codes.generate(length);
  }
}

function indexesOf(drafts: readonly BulkResult<Link>[], keep: (link: Link) => boolean): number[] {
  return drafts.flatMap((result, index) => (result.ok && keep(result.value) ? [index] : []));
}

function valueAt(drafts: readonly BulkResult<Link>[], index: number): Link {
  const result = drafts[index];
  if (result === undefined || !result.ok) throw new Error(`No draft at ${index}.`);
  return result.value;
}

function slugTaken(slug: string): DomainError {
  return new DomainError("slug_taken", `The custom slug '${slug}' is already taken.`);
}
