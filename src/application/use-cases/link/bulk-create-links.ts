import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
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
 *   on a domain the key is not limited to is refused alone), unavailable (the store failed before any link was
 *   written: nothing is half-done). A store failing after some links were written does not fail the call: the
 *   links not known to be written are answered `unavailable` one by one, so a client retrying with the same
 *   Idempotency-Key gets this answer again instead of a second copy of the links that were written.
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
    let wroteAny = false;
    /** One batch write; after an earlier write stood, a failure marks `indexes` unavailable instead of throwing. */
    const write = async (links: readonly Link[], indexes: readonly number[]): Promise<boolean[] | null> => {
      try {
        const written = await this.deps.links.createMany(links);
        if (written.some((one) => one)) wroteAny = true;
        return written;
      } catch (error) {
        if (!wroteAny || !isDomainError(error) || error.code !== "unavailable") throw error;
        for (const index of indexes) results[index] = { ok: false, error };
        return null;
      }
    };
    const custom = indexesOf(drafts, (link) => link.slug !== "");
    const randomCoded = indexesOf(drafts, (link) => link.slug === "");
    // Failing here, no random-coded link was written either.
    const customWritten = await write(
      custom.map((index) => valueAt(drafts, index)),
      [...custom, ...randomCoded],
    );
    if (customWritten === null) return results;
    custom.forEach((index, at) => {
      if (customWritten[at] !== true)
        results[index] = { ok: false, error: slugTaken(valueAt(drafts, index).slug) };
    });
    let pending = randomCoded;
    const { codeLength, codeAttempts } = this.deps.settings;
    for (const length of [codeLength, codeLength + 1]) {
      for (let attempt = 0; attempt < codeAttempts && pending.length > 0; attempt++) {
        const tries = pending.map((index) => ({
          index,
          link: { ...valueAt(drafts, index), slug: this.code(length) },
        }));
        const valid = tries.filter((one) => isValidSlug(one.link.slug));
        const written = await write(
          valid.map((one) => one.link),
          pending,
        );
        if (written === null) return results;
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
