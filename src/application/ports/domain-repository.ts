import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";

/** Custom domains; a hostname belongs to at most one account. */
export interface DomainRepository {
  /** @throws DomainError invalid_domain when the hostname is already registered (by any account). */
  create(domain: CustomDomain): Promise<void>;
  findByHostname(hostname: string): Promise<CustomDomain | null>;
  listByAccount(accountId: string): Promise<CustomDomain[]>;
  /** Replaces the stored domain with the same hostname. */
  update(domain: CustomDomain): Promise<void>;
  /**
   * Removes the domain; returns false when there was none. Given `at`, the deletion is remembered (a tombstone
   * that {@link deletedAt} reads), so the hostname can be kept from falling back for a while.
   */
  delete(hostname: string, at?: Date): Promise<boolean>;
  /** When the hostname's domain was last deleted with a time given, or `null`. */
  deletedAt(hostname: string): Promise<Date | null>;
}
