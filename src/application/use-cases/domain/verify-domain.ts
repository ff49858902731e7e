import { verificationRecord } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { DomainVerifier } from "../../ports/technical.js";
import type { DomainActivation } from "../../services/domain-activation.js";
import { type AccessRequest, requireDomain, requireScope } from "../../services/key-access-guard.js";
import { findOwnedDomain } from "../../services/owned-domain.js";
import { type DomainView, toDomainView } from "../../views/domain-view.js";

/** Activates a custom domain once its `_hexlink.<hostname>` TXT record is found. @throws DomainError invalid_domain, forbidden */
export class VerifyDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly verifier: DomainVerifier,
    private readonly activation: DomainActivation,
  ) {}

  async execute({
    accountId,
    hostname,
    access,
  }: AccessRequest & {
    readonly accountId: string;
    readonly hostname: string;
  }): Promise<DomainView> {
    requireScope(access, "domains:write");
    requireDomain(access, hostname);
    const domain = await findOwnedDomain(this.domains, accountId, hostname);
    if (domain.status === "active") return toDomainView(domain);
    const record = verificationRecord(domain);
    if (!(await this.verifier.hasTxtRecord(record.name, record.value))) {
      throw new DomainError(
        "invalid_domain",
        `No TXT record '${record.value}' was found at ${record.name}; add it and try again.`,
      );
    }
    return toDomainView(await this.activation.activate(domain));
  }
}
