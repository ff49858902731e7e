import { type CustomDomain, verificationRecord } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { LinkCache } from "../../ports/link-cache.js";
import type { Clock, DomainVerifier } from "../../ports/technical.js";
import { findOwnedDomain } from "./owned-domain.js";

/** Activates a custom domain once its `_hexlink.<hostname>` TXT record is found. @throws DomainError invalid_domain */
export class VerifyDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly verifier: DomainVerifier,
    private readonly cache: LinkCache,
    private readonly clock: Clock,
  ) {}

  async execute(accountId: string, hostname: string): Promise<CustomDomain> {
    const domain = await findOwnedDomain(this.domains, accountId, hostname);
    if (domain.status === "active") return domain;
    const record = verificationRecord(domain);
    if (!(await this.verifier.hasTxtRecord(record.name, record.value))) {
      throw new DomainError(
        "invalid_domain",
        `No TXT record '${record.value}' was found at ${record.name}; add it and try again.`,
      );
    }
    return activate(this.domains, this.cache, domain, this.clock.now());
  }
}

/** Marks a domain active and makes every instance see it. */
export async function activate(
  domains: DomainRepository,
  cache: LinkCache,
  domain: CustomDomain,
  now: Date,
): Promise<CustomDomain> {
  const active: CustomDomain = { ...domain, status: "active", verifiedAt: now };
  await domains.update(active);
  await cache.invalidateHost(domain.hostname);
  return active;
}
