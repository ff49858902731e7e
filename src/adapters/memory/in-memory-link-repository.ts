import type {
  LinkPage,
  LinkQuery,
  LinkRepository,
  TagCount,
} from "../../application/ports/link-repository.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import { hasEveryTag, matchesSearch } from "../../domain/link/link-metadata.js";
import { type StoredLink, StringPool, storedLink } from "./stored-link.js";

/**
 * Links in Maps, kept compact (see {@link StoredLink}) and copied in and out so callers never share state with
 * the store: by id, and by domain then slug, both maps holding the same record and its own strings as keys.
 */
export class InMemoryLinkRepository implements LinkRepository {
  private readonly byId = new Map<string, StoredLink>();
  private readonly byDomain = new Map<string, Map<string, StoredLink>>();
  private readonly pool = new StringPool();
  /** Per account, per tag, how many links carry it: kept with every write, as the other stores do. */
  private readonly tags = new Map<string, Map<string, number>>();

  async create(link: Link): Promise<void> {
    if (this.bySlug(link.domain, link.slug) !== undefined) throw slugTaken(link.slug);
    this.put(storedLink(link, this.pool, link.clickCount));
  }

  async findById(id: string): Promise<Link | null> {
    return this.byId.get(id)?.toLink() ?? null;
  }

  async findBySlug(domain: string, slug: string): Promise<Link | null> {
    return this.bySlug(domain, slug)?.toLink() ?? null;
  }

  async update(link: Link, previous: Link): Promise<boolean> {
    const stored = this.byId.get(link.id);
    if (stored === undefined) throw new DomainError("link_not_found", "No link with this id exists.");
    const isPrevious =
      stored.createdAt + stored.updatedAfter === previous.updatedAt.getTime() &&
      stored.domain === previous.domain &&
      stored.slug === previous.slug;
    if (!isPrevious) return false;
    const moved = link.domain !== stored.domain || link.slug !== stored.slug;
    if (moved && this.bySlug(link.domain, link.slug) !== undefined) throw slugTaken(link.slug);
    this.remove(stored);
    this.put(storedLink(link, this.pool, stored.clickCount));
    return true;
  }

  async delete(id: string): Promise<boolean> {
    const stored = this.byId.get(id);
    if (stored === undefined) return false;
    this.remove(stored);
    return true;
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    const after =
      query.after === null ? null : { createdAt: query.after.createdAt.getTime(), id: query.after.id };
    const matching = [...this.byId.values()]
      .filter((link) => link.accountId === accountId)
      .filter((link) => query.domain === undefined || link.domain === query.domain)
      .filter((link) => query.status === undefined || link.status === query.status)
      .filter((link) => query.tags === undefined || hasEveryTag(link, query.tags))
      .filter((link) => query.search === undefined || matchesSearch(link, query.search))
      .sort(newestFirstStored)
      .filter((link) => after === null || newestFirstStored(link, after) > 0);
    const links = matching.slice(0, query.limit).map((link) => link.toLink());
    const last = links[links.length - 1];
    const next =
      matching.length > query.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
    return { links, next };
  }

  async consumeClick(id: string): Promise<number | null> {
    const link = this.byId.get(id);
    if (link === undefined || (link.maxClicks !== null && link.clickCount >= link.maxClicks)) return null;
    link.clickCount += 1;
    return link.clickCount;
  }

  async tagCounts(accountId: string): Promise<readonly TagCount[]> {
    return [...(this.tags.get(accountId) ?? [])]
      .map(([name, links]) => ({ name, links }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async createMany(links: readonly Link[]): Promise<boolean[]> {
    return links.map((link) => {
      if (this.bySlug(link.domain, link.slug) !== undefined) return false;
      this.put(storedLink(link, this.pool, link.clickCount));
      return true;
    });
  }

  async findByIds(ids: readonly string[]): Promise<(Link | null)[]> {
    return ids.map((id) => this.byId.get(id)?.toLink() ?? null);
  }

  async deleteMany(ids: readonly string[]): Promise<boolean[]> {
    return ids.map((id) => {
      const stored = this.byId.get(id);
      if (stored === undefined) return false;
      this.remove(stored);
      return true;
    });
  }

  private bySlug(domain: string, slug: string): StoredLink | undefined {
    return this.byDomain.get(domain)?.get(slug);
  }

  private put(stored: StoredLink): void {
    this.byId.set(stored.id, stored);
    let slugs = this.byDomain.get(stored.domain);
    if (slugs === undefined) {
      slugs = new Map();
      this.byDomain.set(stored.domain, slugs);
    }
    slugs.set(stored.slug, stored);
    this.countTags(stored, 1);
  }

  private countTags(stored: StoredLink, delta: number): void {
    if (stored.tags.length === 0) return;
    let counts = this.tags.get(stored.accountId);
    if (counts === undefined) {
      counts = new Map();
      this.tags.set(stored.accountId, counts);
    }
    for (const tag of stored.tags) {
      const count = (counts.get(tag) ?? 0) + delta;
      if (count > 0) counts.set(tag, count);
      else counts.delete(tag);
    }
    if (counts.size === 0) this.tags.delete(stored.accountId);
  }

  private remove(stored: StoredLink): void {
    this.byId.delete(stored.id);
    const slugs = this.byDomain.get(stored.domain);
    slugs?.delete(stored.slug);
    if (slugs?.size === 0) this.byDomain.delete(stored.domain);
    this.countTags(stored, -1);
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError("slug_taken", `The custom slug '${slug}' is already taken.`);
}

/** Newest first; ties broken by id, descending. Negative when `a` comes before `b`. */
export function newestFirst(a: Pick<Link, "createdAt" | "id">, b: Pick<Link, "createdAt" | "id">): number {
  return newestFirstStored(
    { createdAt: a.createdAt.getTime(), id: a.id },
    { createdAt: b.createdAt.getTime(), id: b.id },
  );
}

function newestFirstStored(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  const byTime = b.createdAt - a.createdAt;
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
