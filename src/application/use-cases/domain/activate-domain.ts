import type { CustomDomain } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { normaliseHost } from "../../../domain/link/hostname.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { Clock } from "../../ports/technical.js";
import { activate } from "./verify-domain.js";

/** Operator's override: activates a domain without DNS (private networks, tests). @throws DomainError invalid_domain */
export class ActivateDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly cache: LinkCache,
    private readonly clock: Clock,
  ) {}

  async execute(hostname: string): Promise<CustomDomain> {
    const domain = await this.domains.findByHostname(normaliseHost(hostname));
    if (domain === null)
      throw new DomainError("invalid_domain", `The domain '${hostname}' is not registered.`);
    return domain.status === "active" ? domain : activate(this.domains, this.cache, domain, this.clock.now());
  }
}
