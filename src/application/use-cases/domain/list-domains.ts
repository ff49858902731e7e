import type { DomainRepository } from "../../ports/domain-repository.js";
import { type AccessRequest, reachesDomain, requireScope } from "../../services/key-access-guard.js";
import { type DomainView, toDomainView } from "../../views/domain-view.js";

/** The account's custom domains, oldest first (a domain-limited key's only). @throws DomainError forbidden */
export class ListDomains {
  constructor(private readonly domains: DomainRepository) {}

  async execute({
    accountId,
    access,
  }: AccessRequest & { readonly accountId: string }): Promise<DomainView[]> {
    requireScope(access, "domains:read");
    const list = await this.domains.listByAccount(accountId);
    return list
      .filter((domain) => reachesDomain(access, domain.hostname))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.hostname < b.hostname ? -1 : 1))
      .map(toDomainView);
  }
}
