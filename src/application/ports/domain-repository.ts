import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";

/** Custom domains; a hostname belongs to at most one account. */
export interface DomainRepository {
  /** @throws DomainError invalid_domain when the hostname is already registered (by any account). */
  create(domain: CustomDomain): Promise<void>;
  findByHostname(hostname: string): Promise<CustomDomain | null>;
  listByAccount(accountId: string): Promise<CustomDomain[]>;
  /** Replaces the stored domain with the same hostname. */
  update(domain: CustomDomain): Promise<void>;
  /** Returns false when there was none. */
  delete(hostname: string): Promise<boolean>;
}
