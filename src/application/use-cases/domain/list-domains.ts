import type { CustomDomain } from "../../../domain/custom-domain/custom-domain.js";
import type { DomainRepository } from "../../ports/domain-repository.js";

/** The account's custom domains, oldest first. */
export class ListDomains {
  constructor(private readonly domains: DomainRepository) {}

  async execute(accountId: string): Promise<CustomDomain[]> {
    const list = await this.domains.listByAccount(accountId);
    return list.sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.hostname < b.hostname ? -1 : 1),
    );
  }
}
