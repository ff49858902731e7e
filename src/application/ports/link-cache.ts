import type { Link } from "../../domain/link/link.js";

/**
 * Hot entries for the redirect path, invalidated on every change on every instance sharing it.
 * Reads are synchronous so that a hit costs no extra tick.
 */
export interface LinkCache {
  /** The cached link for (domain, slug): `null` is a cached "no such link", `undefined` a miss. */
  getLink(domain: string, slug: string): Link | null | undefined;
  setLink(domain: string, slug: string, link: Link | null): void;
  /** What a request `Host` resolves to, as the resolver encoded it (opaque to the cache). */
  getHost(host: string): string | undefined;
  setHost(host: string, domain: string): void;
  /** Drops (domain, slug) here and on every instance. */
  invalidateLink(domain: string, slug: string): Promise<void>;
  /** Drops what a host resolves to, here and on every instance. */
  invalidateHost(host: string): Promise<void>;
}
