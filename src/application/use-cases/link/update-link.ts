import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import {
  applyLinkChanges,
  checkExpiry,
  checkMaxClicks,
  checkPassword,
  type Link,
  type LinkChanges,
  type LinkStatus,
} from "../../../domain/link/link.js";
import { parseSlug } from "../../../domain/link/slug.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock, PasswordHasher } from "../../ports/technical.js";
import type { DestinationChecker } from "../../services/destination-checker.js";
import { findOwnedLink } from "../../services/owned-link.js";

/** What to change; an absent field stays as it is, `null` removes an optional one. */
export interface UpdateLinkInput {
  readonly accountId: string;
  readonly id: string;
  readonly url?: string;
  readonly customSlug?: string;
  readonly password?: string | null;
  readonly expiresAt?: Date | null;
  readonly maxClicks?: number | null;
  readonly status?: LinkStatus;
}

export interface UpdateLinkDeps {
  readonly links: LinkRepository;
  readonly cache: LinkCache;
  readonly destinations: DestinationChecker;
  readonly passwords: PasswordHasher;
  readonly clock: Clock;
}

/**
 * Changes a link's destination, slug, password, expiry, click budget or status.
 * @throws DomainError link_not_found, edit_not_allowed, invalid_destination, destination_blocked,
 *   invalid_slug, slug_taken, invalid_request
 */
export class UpdateLink {
  constructor(private readonly deps: UpdateLinkDeps) {}

  async execute(input: UpdateLinkInput): Promise<Link> {
    const { links, cache, clock } = this.deps;
    const now = clock.now();
    const current = await findOwnedLink(links, input.accountId, input.id);
    const changes: LinkChanges = {
      ...(input.url === undefined ? {} : { destination: await this.deps.destinations.check(input.url) }),
      ...(input.customSlug === undefined ? {} : { slug: parseSlug(input.customSlug) }),
      ...(input.password === undefined ? {} : { passwordHash: await this.hashOrRemove(input.password) }),
      ...(input.expiresAt === undefined ? {} : { expiresAt: checkExpiry(input.expiresAt, now) }),
      ...(input.maxClicks === undefined ? {} : { maxClicks: checkMaxClicks(input.maxClicks) }),
      ...(input.status === undefined ? {} : { status: input.status }),
    };
    const next = applyLinkChanges(current, changes, now);
    try {
      await links.update(next, current);
    } catch (error) {
      if (isDomainError(error) && error.code === "slug_taken") {
        throw new DomainError("slug_taken", `The custom slug '${next.slug}' is already taken.`);
      }
      throw error;
    }
    await cache.invalidateLink(current.domain, current.slug);
    if (next.slug !== current.slug) await cache.invalidateLink(next.domain, next.slug);
    return next;
  }

  private async hashOrRemove(password: string | null): Promise<string | null> {
    return password === null ? null : this.deps.passwords.hash(checkPassword(password));
  }
}
