import { claimHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { DomainActivation } from "../../services/domain-activation.js";
import { type DomainView, toDomainView } from "../../views/domain-view.js";

/** Operator's override: activates a domain without DNS (private networks, tests). @throws DomainError invalid_domain */
export class ActivateDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly activation: DomainActivation,
  ) {}

  async execute({ hostname }: { readonly hostname: string }): Promise<DomainView> {
    const domain = await this.domains.findByHostname(claimHostname(hostname));
    if (domain === null)
      throw new DomainError("invalid_domain", `The domain '${hostname}' is not registered.`);
    return toDomainView(await this.activation.activate(domain));
  }
}
