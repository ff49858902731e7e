import type { Link } from "../../domain/link/link.js";

/**
 * The domain whose links a request `Host` serves (`null`: none, the host answers 404) and the account owning
 * it (`null` for the default domain).
 */
export interface HostRoute {
  readonly domain: string | null;
  readonly owner: string | null;
}

/**
 * Hot entries for the redirect path, invalidated on every change on every instance sharing it.
 * Reads are synchronous so that a hit costs no extra tick.
 */
export interface LinkCache {
  /** The cached link for (domain, slug): `null` is a cached "no such link", `undefined` a miss. */
  getLink(domain: string, slug: string): Link | null | undefined;
  setLink(domain: string, slug: string, link: Link | null): void;
  /** Where a request `Host` leads, as the host resolver last found it; `undefined` on a miss. */
  getHost(host: string): HostRoute | undefined;
  setHost(host: string, route: HostRoute): void;
  /** Drops (domain, slug) here and on every instance. */
  invalidateLink(domain: string, slug: string): Promise<void>;
  /** Drops what a host resolves to, here and on every instance. */
  invalidateHost(host: string): Promise<void>;
}
