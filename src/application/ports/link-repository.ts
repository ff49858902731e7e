import type { Link, LinkStatus } from "../../domain/link/link.js";

/**
 * Position in an account's newest-first listing: the last link returned, or the last one an adapter examined
 * (which need not match the filters, nor still exist). A listing resumes strictly after it.
 */
export interface ListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

export interface LinkQuery {
  readonly limit: number;
  readonly after: ListPosition | null;
  readonly domain?: string;
  readonly status?: LinkStatus;
  /** Only links having every one of these tags (lower-case, distinct). */
  readonly tags?: readonly string[];
  /** Only links whose slug, destination or title holds this text, ignoring case (domain `matchesSearch`). */
  readonly search?: string;
}

export interface LinkPage {
  readonly links: readonly Link[];
  /**
   * Where the next page starts, or null when this was the last. A page may hold fewer than `limit` links (even
   * none) and still have a `next`: an adapter may stop examining links early, for instance under a filter that
   * matches few of them; only a null `next` means the listing is over.
   */
  readonly next: ListPosition | null;
}

/** Links by id and by (domain, slug). Every method is atomic on its own. */
export interface LinkRepository {
  /** Stores a new link. @throws DomainError slug_taken when (domain, slug) is in use; nothing is written then. */
  create(link: Link): Promise<void>;
  /** The link with this id, or null. */
  findById(id: string): Promise<Link | null>;
  /** The link answering on this domain and slug (slug case-sensitive, domain lower-case), or null. */
  findBySlug(domain: string, slug: string): Promise<Link | null>;
  /**
   * Replaces a link, compare-and-set: only while the stored link is still `previous` (same `updatedAt`, domain
   * and slug). When its (domain, slug) changed, claims the new one and frees the old atomically.
   * `clickCount` is not written: it belongs to {@link consumeClick}.
   * Callers must give `link` an `updatedAt` later than `previous.updatedAt`, so a stored version is never
   * mistaken for an older one.
   * @returns true when written; false when the stored link is no longer `previous` (a concurrent update won):
   *   nothing is written then, and no slug is claimed or freed
   * @throws DomainError slug_taken when the new slug is in use; link_not_found when the link is gone
   */
  update(link: Link, previous: Link): Promise<boolean>;
  /** Removes a link and frees its slug. Returns false when there was none. */
  delete(id: string): Promise<boolean>;
  /**
   * An account's links, newest first (ties broken by id, descending), at most `query.limit` of them. Following
   * `next` until it is null lists every link that matches exactly once; see {@link LinkPage.next}.
   */
  listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage>;
  /**
   * Counts one redirect against the link's stored `maxClicks` (never a caller's copy of it) atomically:
   * increments only while the stored count is below the stored budget. A link stored without a budget has
   * nothing to refuse: its click is counted. Returns the new count, or null when the budget was already spent
   * (or the link is gone).
   */
  consumeClick(id: string): Promise<number | null>;
  /** The account's tags with how many of its links carry each, sorted by name; counts kept at write time. */
  tagCounts(accountId: string): Promise<readonly TagCount[]>;
  /**
   * Stores many new links at once (bulk create, import), each as {@link create} would (its tag counts
   * included), one round trip per step rather than per link where the store allows. Not atomic as a whole.
   * @returns per link, in order: true when written; false when its (domain, slug) was taken (also by an earlier
   *   link of the same call): nothing is written for it then
   */
  createMany(links: readonly Link[]): Promise<boolean[]>;
  /** The links with these ids, in order, null for each that does not exist. */
  findByIds(ids: readonly string[]): Promise<(Link | null)[]>;
  /** Deletes many links as {@link delete} would (its tag counts included); per id, in order, false when there was none. */
  deleteMany(ids: readonly string[]): Promise<boolean[]>;
}

/** A tag of an account and how many of its links carry it. */
export interface TagCount {
  readonly name: string;
  readonly links: number;
}
