import { type CustomDomain, claimHostname } from "../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { DomainRepository } from "../ports/domain-repository.js";

/** The account's domain with this hostname; another account's answers as a missing one. @throws DomainError invalid_domain */
export async function findOwnedDomain(
  domains: DomainRepository,
  accountId: string,
  hostname: string,
): Promise<CustomDomain> {
  const domain = await domains.findByHostname(claimHostname(hostname));
  if (domain === null || domain.accountId !== accountId) {
    throw new DomainError("invalid_domain", `The domain '${hostname}' is not registered to this account.`);
  }
  return domain;
}
