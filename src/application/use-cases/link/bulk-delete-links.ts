import type { ClickStore } from "../../ports/click-store.js";
import type { EventPublisher } from "../../ports/event-publisher.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock } from "../../ports/technical.js";
import { type AccessRequest, reachesDomain, requireScope } from "../../services/key-access-guard.js";
import { linkNotFound } from "../../services/owned-link.js";
import { type BulkResult, checkBulkSize } from "../../views/bulk-result.js";

/** A deleted link, by id. */
export interface DeletedLink {
  readonly id: string;
}

/**
 * Deletes up to 1,000 of the account's links with the repository's batch reads and deletes, then forgets
 * their clicks and cached entries. Results in input order (an id named twice answers twice alike); an
 * unknown id or another account's link is `link_not_found` and never fails the others.
 * @throws DomainError invalid_request (no id, or over 1,000), forbidden (a key without links:write), unavailable
 */
export class BulkDeleteLinks {
  constructor(
    private readonly links: LinkRepository,
    private readonly cache: LinkCache,
    private readonly clicks: ClickStore,
    /** Told of each link deleted (webhooks), as the single delete tells it. */
    private readonly events?: { readonly publisher: EventPublisher; readonly clock: Clock },
  ) {}

  async execute(
    input: { readonly accountId: string; readonly ids: readonly string[] } & AccessRequest,
  ): Promise<BulkResult<DeletedLink>[]> {
    checkBulkSize(input.ids.length);
    requireScope(input.access, "links:write");
    const ids = [...new Set(input.ids)];
    const found = await this.links.findByIds(ids);
    // Another account's link, or one on a domain the key is not limited to, answers as a missing one.
    const owned = found.flatMap((link) =>
      link !== null && link.accountId === input.accountId && reachesDomain(input.access, link.domain)
        ? [link]
        : [],
    );
    const deleted = await this.links.deleteMany(owned.map((link) => link.id));
    const gone = owned.filter((_, index) => deleted[index] === true);
    await Promise.all(
      gone.map(async (link) => {
        await this.cache.invalidateLink(link.domain, link.slug);
        await this.clicks.deleteLink(link.id);
        if (this.events === undefined) return;
        const { publisher, clock } = this.events;
        await publisher.publish({
          type: "link.deleted",
          accountId: link.accountId,
          at: clock.now(),
          linkId: link.id,
        });
      }),
    );
    const goneIds = new Set(gone.map((link) => link.id));
    return input.ids.map((id) =>
      goneIds.has(id) ? { ok: true, value: { id } } : { ok: false, error: linkNotFound() },
    );
  }
}
