import { claimHostname, isRecentDeletion, isStaleClaim } from "../../domain/custom-domain/custom-domain.js";
import { normaliseHost } from "../../domain/link/hostname.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { HostRoute, LinkCache } from "../ports/link-cache.js";
import type { Clock } from "../ports/technical.js";
import type { HexlinkSettings } from "../settings.js";

const NO_ROUTE: HostRoute = { domain: null, owner: null };

/**
 * Which domain's links a request `Host` serves (spec §6): an active custom domain serves its own account's
 * links, on any port; a hostname with a live claim (pending) or deleted within 72 hours serves none, so one
 * account's links never show under another's brand; any other host serves the default domain's links, or none when the operator set
 * `unknownHosts` to 404. Answers are cached per claimed hostname and dropped when a domain changes.
 */
export class HostResolver {
  private readonly fallback: HostRoute;
  private readonly defaultHosts: ReadonlySet<string>;

  constructor(
    private readonly settings: HexlinkSettings,
    private readonly domains: DomainRepository,
    private readonly cache: LinkCache,
    private readonly clock: Clock,
  ) {
    this.fallback = { domain: settings.defaultDomain, owner: null };
    this.defaultHosts = new Set([settings.defaultDomain, ...settings.domainAliases]);
  }

  /** The route when it is known without a store read (the default domain, or cached); else `undefined`. */
  known(rawHost: string): HostRoute | undefined {
    // Most requests carry the default domain exactly as configured: skip normalising it.
    if (rawHost === this.settings.defaultDomain) return this.fallback;
    const host = normaliseHost(rawHost);
    return this.defaultHosts.has(host) ? this.fallback : this.cache.getHost(claimHostname(host));
  }

  async resolve(rawHost: string): Promise<HostRoute> {
    const known = this.known(rawHost);
    if (known !== undefined) return known;
    const name = claimHostname(rawHost);
    const custom = await this.domains.findByHostname(name);
    const now = this.clock.now();
    let route = this.settings.unknownHosts === "404" ? NO_ROUTE : this.fallback;
    if (custom !== null && custom.status === "active") route = { domain: name, owner: custom.accountId };
    else if (custom !== null && !isStaleClaim(custom, now)) route = NO_ROUTE;
    else if (route !== NO_ROUTE && isRecentDeletion(await this.domains.deletedAt(name), now))
      route = NO_ROUTE;
    this.cache.setHost(name, route);
    return route;
  }
}
