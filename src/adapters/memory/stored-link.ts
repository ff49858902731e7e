import type { Link } from "../../domain/link/link.js";

/**
 * One link as the memory store keeps it, compact: a fixed-shape object, dates as epoch milliseconds, the
 * account and domain strings shared between links, every string flat. A Link (12 fields, two Dates) held as
 * is costs about 660 bytes of heap; this about 330.
 */
export class StoredLink {
  constructor(
    readonly id: string,
    readonly accountId: string,
    readonly domain: string,
    readonly slug: string,
    readonly destination: string,
    readonly status: Link["status"],
    readonly passwordHash: string | null,
    /** Epoch ms, or `null`. */
    readonly expiresAt: number | null,
    readonly maxClicks: number | null,
    readonly title: string | null,
    readonly tags: readonly string[],
    public clickCount: number,
    /** Epoch ms. */
    readonly createdAt: number,
    /** Milliseconds after `createdAt`: a small integer V8 stores unboxed, where a second timestamp would not be. */
    readonly updatedAfter: number,
    /** The link's rules and variants, copied in; the one shared empty list for the many links without. */
    readonly rules: Link["rules"] = NONE,
    readonly variants: Link["variants"] = NONE,
  ) {}

  /** A new Link with its own Dates: callers never share state with the store. */
  toLink(): Link {
    return {
      id: this.id,
      accountId: this.accountId,
      domain: this.domain,
      slug: this.slug,
      destination: this.destination,
      status: this.status,
      passwordHash: this.passwordHash,
      expiresAt: this.expiresAt === null ? null : new Date(this.expiresAt),
      maxClicks: this.maxClicks,
      title: this.title,
      tags: [...this.tags],
      clickCount: this.clickCount,
      createdAt: new Date(this.createdAt),
      updatedAt: new Date(this.createdAt + this.updatedAfter),
      rules: copied(this.rules),
      variants: copied(this.variants),
    };
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** A copy of a list of rules or variants (their dates too), so callers never share them with the store. */
function copied<T>(list: readonly T[]): T[] {
  return list.length === 0 ? [] : structuredClone(list as T[]);
}

/** Keeps one copy of strings many links repeat (account ids, domains). */
export class StringPool {
  private readonly strings = new Map<string, string>();

  shared(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    const copy = flat(value);
    this.strings.set(copy, copy);
    return copy;
  }
}

/**
 * A flat copy of a string. Strings built by concatenation (ids and codes are, a character at a time) are trees
 * of V8 cons strings several times their length in heap; a store that keeps millions of them keeps a flat copy.
 */
export function flat(value: string): string {
  return value.length < 13 ? value : structuredClone(value);
}

const NO_TAGS: readonly string[] = Object.freeze([]);

/** The stored form of a link, its click count as given. */
export function storedLink(link: Link, pool: StringPool, clickCount: number): StoredLink {
  const createdAt = link.createdAt.getTime();
  return new StoredLink(
    flat(link.id),
    pool.shared(link.accountId),
    pool.shared(link.domain),
    flat(link.slug),
    flat(link.destination),
    link.status,
    link.passwordHash === null ? null : flat(link.passwordHash),
    link.expiresAt === null ? null : link.expiresAt.getTime(),
    link.maxClicks,
    link.title === null ? null : flat(link.title),
    link.tags.length === 0 ? NO_TAGS : Object.freeze(link.tags.map((tag) => pool.shared(tag))),
    clickCount,
    createdAt,
    link.updatedAt.getTime() - createdAt,
    link.rules.length === 0 ? NONE : copied(link.rules),
    link.variants.length === 0 ? NONE : copied(link.variants),
  );
}
