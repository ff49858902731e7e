import { type CustomDomain, claimHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { DomainActivation } from "../../services/domain-activation.js";

/** Operator's override: activates a domain without DNS (private networks, tests). @throws DomainError invalid_domain */
export class ActivateDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly activation: DomainActivation,
  ) {}

  async execute(hostname: string): Promise<CustomDomain> {
    const domain = await this.domains.findByHostname(claimHostname(hostname));
    if (domain === null)
      throw new DomainError("invalid_domain", `The domain '${hostname}' is not registered.`);
    return this.activation.activate(domain);
  }
}
