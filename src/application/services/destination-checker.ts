import { type Destination, normaliseDestination, parseDestination } from "../../domain/link/destination.js";
import { normaliseHost } from "../../domain/link/hostname.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { HexlinkSettings } from "../settings.js";

/** Applies the destination rules with what only storage knows: which hosts are hexlink's own. */
export class DestinationChecker {
  constructor(
    private readonly settings: HexlinkSettings,
    private readonly domains: DomainRepository,
  ) {}

  /** @throws DomainError invalid_destination, destination_blocked */
  async check(raw: string): Promise<Destination> {
    const host = normaliseHost(normaliseDestination(raw).host);
    const ownHosts = new Set([this.settings.defaultDomain]);
    if (host !== this.settings.defaultDomain && (await this.domains.findByHostname(host)) !== null) {
      ownHosts.add(host);
    }
    return parseDestination(raw, { ownHosts, blockedHosts: this.settings.blockedDomains });
  }
}
