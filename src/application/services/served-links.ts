import type { Link } from "../../domain/link/link.js";
import type { HostRoute, LinkCache } from "../ports/link-cache.js";
import type { LinkRepository } from "../ports/link-repository.js";
import type { HostResolver } from "./host-resolver.js";

/** What a request for (host, slug) finds: the host's route, and the link it serves there if any. */
export interface ServedLink {
  readonly route: HostRoute;
  readonly link: Link | null;
}

/** Finds the link a short URL serves, through the link cache; the redirect and the QR code share it. */
export class ServedLinks {
  constructor(
    private readonly hosts: HostResolver,
    private readonly links: LinkRepository,
    private readonly cache: LinkCache,
  ) {}

  async find(host: string, slug: string): Promise<ServedLink> {
    // Cache hits stay synchronous: the redirect path pays one await, not three.
    const route = this.hosts.known(host) ?? (await this.hosts.resolve(host));
    if (route.domain === null) return { route, link: null };
    const cached = this.cache.getLink(route.domain, slug); // null is a cached "no such link"
    const link = cached !== undefined ? cached : await this.storedLink(route.domain, slug);
    return { route, link: servedBy(route, link) };
  }

  /** What {@link find} would answer's link, when the cache alone knows it (no store read); else `undefined`. */
  cachedLink(host: string, slug: string): Link | null | undefined {
    const route = this.hosts.known(host);
    if (route === undefined) return undefined;
    if (route.domain === null) return null;
    const cached = this.cache.getLink(route.domain, slug);
    return cached === undefined ? undefined : servedBy(route, cached);
  }

  private async storedLink(domain: string, slug: string): Promise<Link | null> {
    const link = await this.links.findBySlug(domain, slug);
    this.cache.setLink(domain, slug, link);
    return link;
  }
}

// A custom domain's links answer only while their account owns it: a hostname deleted and then registered by
// another account must not serve the first account's links.
function servedBy(route: HostRoute, link: Link | null): Link | null {
  return link !== null && route.owner !== null && link.accountId !== route.owner ? null : link;
}
