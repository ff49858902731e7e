import type { DomainRepository } from "../../application/ports/domain-repository.js";
import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** How long Redis keeps a deleted domain's tombstone: past the 72 h the application reads it for. */
const TOMBSTONE_TTL_MS = 7 * 24 * 3_600_000;

const DATES: readonly (keyof CustomDomain & string)[] = ["createdAt", "verifiedAt"];

/**
 * Custom domains: one JSON string per hostname (`SET NX` makes a hostname belong to one account) and a set
 * of hostnames per account, written first and checked against the domain's record when read.
 */
export class RedisDomainRepository implements DomainRepository {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async create(domain: CustomDomain): Promise<void> {
    return guarded(async () => {
      const accountKey = this.keys.accountDomains(domain.accountId);
      await this.client.sadd(accountKey, domain.hostname);
      const written = await this.client.set(this.keys.domain(domain.hostname), encodeRecord(domain), "NX");
      if (written === "OK") return;
      const existing = await this.findByHostname(domain.hostname);
      if (existing?.accountId !== domain.accountId) await this.client.srem(accountKey, domain.hostname);
      throw new DomainError("invalid_domain", `The domain '${domain.hostname}' is already registered.`);
    });
  }

  async findByHostname(hostname: string): Promise<CustomDomain | null> {
    return guarded(async () => {
      const json = await this.client.get(this.keys.domain(hostname));
      return json === null ? null : decodeRecord<CustomDomain>(json, DATES);
    });
  }

  async listByAccount(accountId: string): Promise<CustomDomain[]> {
    return guarded(async () => {
      const hostnames = await this.client.smembers(this.keys.accountDomains(accountId));
      const domains = await Promise.all(hostnames.map((hostname) => this.findByHostname(hostname)));
      return domains
        .filter((domain): domain is CustomDomain => domain?.accountId === accountId)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.hostname, b.hostname));
    });
  }

  async update(domain: CustomDomain): Promise<void> {
    await guarded(() => this.client.set(this.keys.domain(domain.hostname), encodeRecord(domain), "XX"));
  }

  async delete(hostname: string, at?: Date): Promise<boolean> {
    return guarded(async () => {
      const existing = await this.findByHostname(hostname);
      if (existing === null || (await this.client.del(this.keys.domain(hostname))) === 0) return false;
      await this.client.srem(this.keys.accountDomains(existing.accountId), hostname);
      if (at !== undefined) {
        // The tombstone outlives every use the application makes of it, then Redis drops it.
        await this.client.set(this.keys.deletedDomain(hostname), at.toISOString(), "PX", TOMBSTONE_TTL_MS);
      }
      return true;
    });
  }

  async deletedAt(hostname: string): Promise<Date | null> {
    return guarded(async () => {
      const at = await this.client.get(this.keys.deletedDomain(hostname));
      return at === null ? null : new Date(at);
    });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
