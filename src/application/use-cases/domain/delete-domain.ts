import type { DomainRepository } from "../../ports/domain-repository.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { Clock } from "../../ports/technical.js";
import { type AccessRequest, requireDomain, requireScope } from "../../services/key-access-guard.js";
import { findOwnedDomain } from "../../services/owned-domain.js";

/** Removes a custom domain; its links stop redirecting at once, on every instance. @throws DomainError invalid_domain, forbidden */
export class DeleteDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly cache: LinkCache,
    private readonly clock: Clock,
  ) {}

  async execute({
    accountId,
    hostname,
    access,
  }: AccessRequest & {
    readonly accountId: string;
    readonly hostname: string;
  }): Promise<void> {
    requireScope(access, "domains:write");
    requireDomain(access, hostname);
    const domain = await findOwnedDomain(this.domains, accountId, hostname);
    // Remembered, so for 72 hours the hostname answers 404 rather than the default domain's links.
    await this.domains.delete(domain.hostname, this.clock.now());
    await this.cache.invalidateHost(domain.hostname);
  }
}
