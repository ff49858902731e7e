import type { LinkPage, LinkQuery, LinkRepository } from "../../application/ports/link-repository.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";

/** Links in a Map, copied in and out so callers never share state with the store. */
export class InMemoryLinkRepository implements LinkRepository {
  private readonly byId = new Map<string, Link>();
  private readonly bySlug = new Map<string, string>();

  async create(link: Link): Promise<void> {
    const slugKey = keyOf(link.domain, link.slug);
    if (this.bySlug.has(slugKey)) throw slugTaken(link.slug);
    this.byId.set(link.id, structuredClone(link));
    this.bySlug.set(slugKey, link.id);
  }

  async findById(id: string): Promise<Link | null> {
    const link = this.byId.get(id);
    return link === undefined ? null : structuredClone(link);
  }

  async findBySlug(domain: string, slug: string): Promise<Link | null> {
    const id = this.bySlug.get(keyOf(domain, slug));
    return id === undefined ? null : this.findById(id);
  }

  async update(link: Link, previous: Link): Promise<boolean> {
    const stored = this.byId.get(link.id);
    if (stored === undefined) throw new DomainError("link_not_found", "No link with this id exists.");
    const oldKey = keyOf(previous.domain, previous.slug);
    const isPrevious =
      stored.updatedAt.getTime() === previous.updatedAt.getTime() &&
      keyOf(stored.domain, stored.slug) === oldKey;
    if (!isPrevious) return false;
    const newKey = keyOf(link.domain, link.slug);
    if (newKey !== oldKey) {
      if (this.bySlug.has(newKey)) throw slugTaken(link.slug);
      this.bySlug.delete(oldKey);
      this.bySlug.set(newKey, link.id);
    }
    this.byId.set(link.id, { ...structuredClone(link), clickCount: stored.clickCount });
    return true;
  }

  async delete(id: string): Promise<boolean> {
    const link = this.byId.get(id);
    if (link === undefined) return false;
    this.byId.delete(id);
    this.bySlug.delete(keyOf(link.domain, link.slug));
    return true;
  }

  async listByAccount(accountId: string, query: LinkQuery): Promise<LinkPage> {
    const after = query.after;
    const matching = [...this.byId.values()]
      .filter((link) => link.accountId === accountId)
      .filter((link) => query.domain === undefined || link.domain === query.domain)
      .filter((link) => query.status === undefined || link.status === query.status)
      .sort(newestFirst)
      .filter(
        (link) => after === null || newestFirst(link, { createdAt: after.createdAt, id: after.id }) > 0,
      );
    const links = matching.slice(0, query.limit).map((link) => structuredClone(link));
    const last = links[links.length - 1];
    const next =
      matching.length > query.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
    return { links, next };
  }

  async consumeClick(id: string): Promise<number | null> {
    const link = this.byId.get(id);
    if (link === undefined || (link.maxClicks !== null && link.clickCount >= link.maxClicks)) return null;
    const clickCount = link.clickCount + 1;
    this.byId.set(id, { ...link, clickCount });
    return clickCount;
  }
}

function keyOf(domain: string, slug: string): string {
  return `${domain}/${slug}`;
}

function slugTaken(slug: string): DomainError {
  return new DomainError("slug_taken", `The custom slug '${slug}' is already taken.`);
}

/** Newest first; ties broken by id, descending. Negative when `a` comes before `b`. */
export function newestFirst(a: Pick<Link, "createdAt" | "id">, b: Pick<Link, "createdAt" | "id">): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
