import { normaliseHost } from "../../domain/link/hostname.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { HostRoute, LinkCache } from "../ports/link-cache.js";
import type { HexlinkSettings } from "../settings.js";

/**
 * Which domain's links a request `Host` serves: an active custom domain serves its own account's links;
 * any other host resolves against the default domain (spec §6). Answers are cached per host.
 */
export class HostResolver {
  private readonly fallback: HostRoute;

  constructor(
    private readonly settings: HexlinkSettings,
    private readonly domains: DomainRepository,
    private readonly cache: LinkCache,
  ) {
    this.fallback = { domain: settings.defaultDomain, owner: null };
  }

  /** The route when it is known without a store read (the default domain, or cached); else `undefined`. */
  known(rawHost: string): HostRoute | undefined {
    // Most requests carry the default domain exactly as configured: skip normalising it.
    if (rawHost === this.settings.defaultDomain) return this.fallback;
    const host = normaliseHost(rawHost);
    return host === this.fallback.domain ? this.fallback : this.cache.getHost(host);
  }

  async resolve(rawHost: string): Promise<HostRoute> {
    const known = this.known(rawHost);
    if (known !== undefined) return known;
    const host = normaliseHost(rawHost);
    const custom = await this.domains.findByHostname(host);
    const route =
      custom !== null && custom.status === "active"
        ? { domain: host, owner: custom.accountId }
        : this.fallback;
    this.cache.setHost(host, route);
    return route;
  }
}
