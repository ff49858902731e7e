import type { DomainRepository } from "../../application/ports/domain-repository.js";
import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../domain/errors/domain-error.js";

/** Custom domains in a Map keyed by hostname. */
export class InMemoryDomainRepository implements DomainRepository {
  private readonly domains = new Map<string, CustomDomain>();
  private readonly tombstones = new Map<string, Date>();

  async create(domain: CustomDomain): Promise<void> {
    if (this.domains.has(domain.hostname)) {
      throw new DomainError("invalid_domain", `The domain '${domain.hostname}' is already registered.`);
    }
    this.domains.set(domain.hostname, structuredClone(domain));
  }

  async findByHostname(hostname: string): Promise<CustomDomain | null> {
    const domain = this.domains.get(hostname);
    return domain === undefined ? null : structuredClone(domain);
  }

  async listByAccount(accountId: string): Promise<CustomDomain[]> {
    return [...this.domains.values()].filter((d) => d.accountId === accountId).map((d) => structuredClone(d));
  }

  async update(domain: CustomDomain): Promise<void> {
    if (this.domains.has(domain.hostname)) this.domains.set(domain.hostname, structuredClone(domain));
  }

  async delete(hostname: string, at?: Date): Promise<boolean> {
    const deleted = this.domains.delete(hostname);
    if (deleted && at !== undefined) this.tombstones.set(hostname, new Date(at));
    return deleted;
  }

  async deletedAt(hostname: string): Promise<Date | null> {
    const at = this.tombstones.get(hostname);
    return at === undefined ? null : new Date(at);
  }
}
