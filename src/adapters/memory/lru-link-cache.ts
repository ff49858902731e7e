import { LRUCache } from "lru-cache";
import type { HostRoute, LinkCache } from "../../application/ports/link-cache.js";
import type { Link } from "../../domain/link/link.js";

export interface LruLinkCacheOptions {
  /** Most entries kept (links and hosts together). */
  readonly max?: number;
  /** Longest an entry lives, in ms: the bound on staleness if an invalidation is ever missed. */
  readonly ttlMs?: number;
}

type Entry = { readonly link: Link | null } | { readonly route: HostRoute };

/** An in-process LRU of hot links; invalidation is local. Redis adds cross-instance invalidation. */
export class LruLinkCache implements LinkCache {
  protected readonly entries: LRUCache<string, Entry>;

  constructor(options: LruLinkCacheOptions = {}) {
    // Entry ages read against a time refreshed every 100 ms, not on each get (the redirect path).
    this.entries = new LRUCache<string, Entry>({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? 60_000,
      ttlResolution: 100,
    });
  }

  getLink(domain: string, slug: string): Link | null | undefined {
    const entry = this.entries.get(linkKey(domain, slug));
    return entry !== undefined && "link" in entry ? entry.link : undefined;
  }

  setLink(domain: string, slug: string, link: Link | null): void {
    this.entries.set(linkKey(domain, slug), { link });
  }

  getHost(host: string): HostRoute | undefined {
    const entry = this.entries.get(hostKey(host));
    return entry !== undefined && "route" in entry ? entry.route : undefined;
  }

  setHost(host: string, route: HostRoute): void {
    this.entries.set(hostKey(host), { route });
  }

  async invalidateLink(domain: string, slug: string): Promise<void> {
    this.drop(linkKey(domain, slug));
  }

  async invalidateHost(host: string): Promise<void> {
    this.drop(hostKey(host));
  }

  /** Drops one entry by its key; what a remote invalidation message carries. */
  drop(key: string): void {
    this.entries.delete(key);
  }
}

export function linkKey(domain: string, slug: string): string {
  return `l:${domain}/${slug}`;
}

export function hostKey(host: string): string {
  return `h:${host}`;
}
