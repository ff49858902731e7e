import type { DomainRepository } from "../../ports/domain-repository.js";
import { type DomainView, toDomainView } from "../../views/domain-view.js";

/** The account's custom domains, oldest first. */
export class ListDomains {
  constructor(private readonly domains: DomainRepository) {}

  async execute({ accountId }: { readonly accountId: string }): Promise<DomainView[]> {
    const list = await this.domains.listByAccount(accountId);
    return list
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.hostname < b.hostname ? -1 : 1))
      .map(toDomainView);
  }
}
