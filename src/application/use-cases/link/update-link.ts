import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import {
  applyLinkChanges,
  checkExpiry,
  checkMaxClicks,
  type Link,
  type LinkChanges,
  type LinkStatus,
  parseLinkPassword,
} from "../../../domain/link/link.js";
import { parseTags, parseTitle } from "../../../domain/link/link-metadata.js";
import { parseSlug } from "../../../domain/link/slug.js";
import type { EventPublisher } from "../../ports/event-publisher.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock, PasswordHasher } from "../../ports/technical.js";
import type { DestinationChecker } from "../../services/destination-checker.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { checkLinkTargets, type LinkTargetsInput } from "../../services/link-targets.js";
import { findOwnedLink } from "../../services/owned-link.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

/** What to change; an absent field stays as it is, `null` removes an optional one. */
export interface UpdateLinkInput extends AccessRequest, LinkTargetsInput {
  readonly accountId: string;
  readonly id: string;
  readonly url?: string;
  readonly customSlug?: string;
  readonly password?: string | null;
  readonly expiresAt?: Date | null;
  readonly maxClicks?: number | null;
  readonly status?: LinkStatus;
  readonly title?: string | null;
  readonly tags?: readonly string[];
  /** Tags to add to those the link has when written (bulk update, spec §9); applied after `tags`. */
  readonly tagsAdd?: readonly string[];
  /** Tags to take from those the link has when written. */
  readonly tagsRemove?: readonly string[];
}

export interface UpdateLinkDeps {
  readonly links: LinkRepository;
  readonly cache: LinkCache;
  readonly destinations: DestinationChecker;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
  readonly urls: ShortUrls;
  /** Told of each link changed (webhooks). */
  readonly events?: EventPublisher;
}

/** How many times an update is tried on a freshly read link before a concurrent editor is reported. */
export const UPDATE_ATTEMPTS = 3;

/**
 * Changes a link's destination, slug, password, expiry, click budget, status, title, tags, rules or variants.
 *
 * The write is a compare-and-set on the link as read: when another update lands in between, the link is read
 * again and the same changes applied to it, up to {@link UPDATE_ATTEMPTS} times, so concurrent edits of
 * different fields all take effect and none is silently undone. `updatedAt` strictly increases with every write.
 * @throws DomainError link_not_found, invalid_destination, destination_blocked, invalid_slug, slug_taken,
 *   invalid_request; edit_not_allowed when a gone link is edited beyond its expiry or click budget, or when
 *   the link kept changing while it was being edited ("The link changed while it was being edited; try again.");
 *   forbidden without links:write (a key limited to domains finds only their links)
 */
export class UpdateLink {
  constructor(private readonly deps: UpdateLinkDeps) {}

  async execute(input: UpdateLinkInput): Promise<LinkView> {
    const { links, cache, clock } = this.deps;
    requireScope(input.access, "links:write");
    let current = await findOwnedLink(links, input.accountId, input.id, input.access);
    const checkedAt = clock.now();
    const changes: LinkChanges = {
      ...(input.url === undefined ? {} : { destination: await this.deps.destinations.check(input.url) }),
      ...(input.customSlug === undefined ? {} : { slug: parseSlug(input.customSlug) }),
      ...(input.password === undefined ? {} : { passwordHash: await this.hashOrRemove(input.password) }),
      ...(input.expiresAt === undefined ? {} : { expiresAt: checkExpiry(input.expiresAt, checkedAt) }),
      ...(input.maxClicks === undefined ? {} : { maxClicks: checkMaxClicks(input.maxClicks) }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.title === undefined ? {} : { title: parseTitle(input.title) }),
      ...(input.tags === undefined ? {} : { tags: parseTags(input.tags) }),
      ...(await checkLinkTargets(this.deps.destinations, input)),
    };
    const tagEdits = { add: parseTags(input.tagsAdd ?? []), remove: parseTags(input.tagsRemove ?? []) };
    for (let attempt = 1; ; attempt++) {
      // Tag additions and removals apply to the version being written, so a concurrent retag is kept.
      const next = nextVersion(current, withTagEdits(changes, current, tagEdits), clock.now());
      if (await this.write(next, current)) {
        await cache.invalidateLink(current.domain, current.slug);
        if (next.domain !== current.domain || next.slug !== current.slug) {
          await cache.invalidateLink(next.domain, next.slug);
        }
        const view = toLinkView(next, this.deps.urls);
        const change = {
          type: "link.updated",
          accountId: next.accountId,
          at: next.updatedAt,
          link: view,
        } as const;
        await this.deps.events?.publish(change);
        return view;
      }
      if (attempt >= UPDATE_ATTEMPTS) {
        throw new DomainError("edit_not_allowed", "The link changed while it was being edited; try again.");
      }
      current = await findOwnedLink(links, input.accountId, input.id, input.access);
    }
  }

  /** True when written; false when the stored link is no longer `current`. */
  private async write(next: Link, current: Link): Promise<boolean> {
    try {
      return await this.deps.links.update(next, current);
    } catch (error) {
      if (isDomainError(error) && error.code === "slug_taken") {
        throw new DomainError("slug_taken", `The custom slug '${next.slug}' is already taken.`);
      }
      throw error;
    }
  }

  private async hashOrRemove(password: string | null): Promise<string | null> {
    return password === null ? null : this.deps.passwords.hash(parseLinkPassword(password));
  }
}

/**
 * The link with the changes applied, stamped later than `current` even when the clock has not moved past it
 * (same millisecond, or another instance's clock ahead): a version's `updatedAt` then identifies it.
 * @throws DomainError edit_not_allowed when a gone link is edited beyond its expiry or click budget
 */
function nextVersion(current: Link, changes: LinkChanges, now: Date): Link {
  const next = applyLinkChanges(current, changes, now);
  const after = current.updatedAt.getTime() + 1;
  return now.getTime() < after ? { ...next, updatedAt: new Date(after) } : next;
}

/** The changes with the tag edits applied to the link's tags (or to the new `tags`, when given). */
function withTagEdits(
  changes: LinkChanges,
  current: Link,
  edits: { readonly add: readonly string[]; readonly remove: readonly string[] },
): LinkChanges {
  if (edits.add.length === 0 && edits.remove.length === 0) return changes;
  const base = changes.tags ?? current.tags;
  return {
    ...changes,
    tags: parseTags([...base.filter((tag) => !edits.remove.includes(tag)), ...edits.add]),
  };
}
