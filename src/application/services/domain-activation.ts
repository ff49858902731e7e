import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { LinkCache } from "../ports/link-cache.js";
import type { Clock } from "../ports/technical.js";

/** Marks a custom domain active and makes every instance see it; verification and the operator's override share it. */
export class DomainActivation {
  constructor(
    private readonly domains: DomainRepository,
    private readonly cache: LinkCache,
    private readonly clock: Clock,
  ) {}

  async activate(domain: CustomDomain): Promise<CustomDomain> {
    if (domain.status === "active") return domain;
    const active: CustomDomain = { ...domain, status: "active", verifiedAt: this.clock.now() };
    await this.domains.update(active);
    // Hosts that resolved to the default domain while the claim was pending must now resolve to it.
    await this.cache.invalidateHost(domain.hostname);
    return active;
  }
}
