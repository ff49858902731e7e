/**
 * Every key and channel hexlink writes to Redis. A key's hash tag (`{kind:value}`) names what it belongs to,
 * so that all keys one command or Lua script touches hash to one Redis Cluster slot.
 */
export class RedisKeys {
  constructor(readonly prefix = "hexlink:") {
    if (/[{}]/.test(prefix)) throw new TypeError("A Redis key prefix must not contain '{' or '}'.");
  }

  /** Hash of one link: `json` (all but the click count), `loc` (`domain/slug`) and `clicks`. */
  link(id: string): string {
    return this.tagged("l", id);
  }

  /** Hash of one link's counters on one UTC day. */
  linkDay(id: string, day: string): string {
    return `${this.link(id)}:c:${day}`;
  }

  /** HyperLogLog of one link's visitors on one UTC day. */
  linkVisitors(id: string, day: string): string {
    return `${this.link(id)}:u:${day}`;
  }

  /** Hash of each recorder's highest applied batch sequence for a link and day. */
  linkGuard(id: string, day: string): string {
    return `${this.link(id)}:g:${day}`;
  }

  /**
   * String set once the increment of one link and UTC day of a batch whose id is not `<source>.<sequence>` is
   * applied; it expires on its own.
   */
  linkBatch(id: string, batchId: string, day: string): string {
    return `${this.link(id)}:b:${batchId}:${day}`;
  }

  /** Set of the days a link has counters for, so they can be deleted without a scan. */
  linkDays(id: string): string {
    return `${this.link(id)}:days`;
  }

  /** Hash `{id, at}`: which link holds a slug on a domain, and since when (ms). */
  slug(domain: string, slug: string): string {
    return this.slugAt(`${domain}/${slug}`);
  }

  /** The slug key for a stored `loc` (`domain/slug`). */
  slugAt(loc: string): string {
    return this.tagged("s", loc);
  }

  /** Sorted set of an account's link ids, scored by creation time (ms). */
  accountLinks(accountId: string): string {
    return `${this.tagged("a", accountId)}:links`;
  }

  /** Sorted set of the ids of an account's links carrying one tag, scored by creation time (ms). */
  accountTagLinks(accountId: string, tag: string): string {
    return `${this.accountTagLinksPrefix(accountId)}${tag}`;
  }

  /** What {@link accountTagLinks} keys start with; the account's index script adds the tag. */
  accountTagLinksPrefix(accountId: string): string {
    return `${this.tagged("a", accountId)}:tag:`;
  }

  /** Hash tag → how many of an account's links carry it. */
  accountTags(accountId: string): string {
    return `${this.tagged("a", accountId)}:tags`;
  }

  /** Hash link id → `{v, t}`: the version (updatedAt ms) and tags the account's index holds for that link. */
  accountLinkTags(accountId: string): string {
    return `${this.tagged("a", accountId)}:linktags`;
  }

  /** String: one custom domain as JSON. */
  domain(hostname: string): string {
    return this.tagged("d", hostname);
  }

  /** String: when a custom domain was deleted (ISO), kept for the tombstone TTL. */
  deletedDomain(hostname: string): string {
    return this.tagged("dd", hostname);
  }

  /** Set of an account's custom domain hostnames. */
  accountDomains(accountId: string): string {
    return `${this.tagged("a", accountId)}:domains`;
  }

  /** Hash of one API key: `json` and, once revoked, `revokedAt`. */
  apiKey(id: string): string {
    return this.tagged("k", id);
  }

  /** String: the id of the API key with this hash. */
  apiKeyHash(hash: string): string {
    return this.tagged("h", hash);
  }

  /** Set of an account's API key ids. */
  accountApiKeys(accountId: string): string {
    return `${this.tagged("a", accountId)}:keys`;
  }

  /** String: one dashboard session as JSON, expiring with it. */
  session(id: string): string {
    return this.tagged("ds", id);
  }

  /** Counter of one rate-limit subject in one window; all windows of a subject share a slot. */
  rate(subject: string, windowId: string): string {
    return `${this.tagged("r", subject)}:${windowId}`;
  }

  /** String: one webhook endpoint as JSON. */
  webhook(id: string): string {
    return this.tagged("w", id);
  }

  /** Set of an account's webhook endpoint ids. */
  accountWebhooks(accountId: string): string {
    return `${this.tagged("a", accountId)}:webhooks`;
  }

  /**
   * One shard of the webhook outbox: `due` (sorted set of message ids by due time, or lease expiry, in ms),
   * `events` (hash id → JSON) and `leases` (hash id → lease token); the three share a slot.
   */
  outbox(shard: number): { readonly due: string; readonly events: string; readonly leases: string } {
    const base = this.tagged("o", String(shard));
    return { due: `${base}:due`, events: `${base}:events`, leases: `${base}:leases` };
  }

  /** List of the failed webhook messages (dead letters) as JSON, newest first. */
  outboxDead(): string {
    return `${this.tagged("o", "dead")}:list`;
  }

  /** One endpoint's delivery log: `records` (hash id → JSON) and `order` (sorted set by creation, ms). */
  deliveryLog(endpointId: string): { readonly records: string; readonly order: string } {
    const base = this.tagged("wl", endpointId);
    return { records: `${base}:records`, order: `${base}:order` };
  }

  /** String: one `Idempotency-Key` of an account, its fingerprint and (once answered) the answer, as JSON. */
  idempotency(accountId: string, key: string): string {
    return `${this.tagged("i", accountId)}:${key}`;
  }

  /** Pub/sub channel of link-cache invalidations. */
  cacheChannel(): string {
    return `${this.prefix}cache`;
  }

  private tagged(kind: string, value: string): string {
    return `${this.prefix}{${kind}:${escapeTag(value)}}`;
  }
}

/** Escapes `%`, `{` and `}` so a value can neither end its hash tag early nor collide with another. */
export function escapeTag(value: string): string {
  return value.replace(/[%{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The part of a key Redis Cluster hashes: the first non-empty `{…}`, else the whole key. */
export function hashTagOf(key: string): string {
  const open = key.indexOf("{");
  const close = open === -1 ? -1 : key.indexOf("}", open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
