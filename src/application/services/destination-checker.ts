import { claimHostname } from "../../domain/custom-domain/custom-domain.js";
import { type Destination, normaliseDestination, parseDestination } from "../../domain/link/destination.js";
import { hostnameOf, normaliseHost } from "../../domain/link/hostname.js";
import { isPrivateHost } from "../../domain/link/ip-host.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { HexlinkSettings } from "../settings.js";

/** Applies the destination rules with what only storage knows: which hosts are hexlink's own. */
export class DestinationChecker {
  private readonly serverHosts: ReadonlySet<string>;

  constructor(
    private readonly settings: HexlinkSettings,
    private readonly domains: DomainRepository,
  ) {
    this.serverHosts = serverHostsOf(settings);
  }

  /** @throws DomainError invalid_destination, destination_blocked */
  async check(raw: string): Promise<Destination> {
    const host = normaliseHost(normaliseDestination(raw).host);
    let ownHosts = this.serverHosts;
    if (!ownHosts.has(host)) {
      // Only an active (verified) custom domain is the service's own: a pending claim gives no rights over
      // anybody's destinations. Any port on it is the same claim.
      const domain = await this.domains.findByHostname(claimHostname(host));
      if (domain !== null && domain.status === "active") ownHosts = new Set([...ownHosts, host]);
    }
    return parseDestination(raw, {
      ownHosts,
      blockedHosts: this.settings.blockedDomains,
      allowPrivate: this.settings.allowPrivateDestinations,
    });
  }
}

/**
 * The hosts that reach this server itself: the default domain, its aliases and, when the default domain is a
 * loopback host (a local server), every loopback spelling of it on the same port.
 */
function serverHostsOf(settings: HexlinkSettings): ReadonlySet<string> {
  const hosts = new Set([settings.defaultDomain, ...settings.domainAliases]);
  const hostname = hostnameOf(settings.defaultDomain);
  if (isPrivateHost(hostname)) {
    const port = settings.baseUrl.port === "" ? "" : `:${settings.baseUrl.port}`;
    for (const loopback of ["localhost", "127.0.0.1", "[::1]"]) hosts.add(`${loopback}${port}`);
  }
  return hosts;
}
