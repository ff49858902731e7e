import { claimHostname, parseHostname } from "../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import { normaliseHost } from "../../domain/link/hostname.js";
import type { DomainRepository } from "../ports/domain-repository.js";
import type { HexlinkSettings } from "../settings.js";

/** Decides which domain a new or edited link may live on for an account. */
export class LinkDomainResolver {
  constructor(
    private readonly settings: HexlinkSettings,
    private readonly domains: DomainRepository,
  ) {}

  /**
   * The default domain when none is given; otherwise the given one if it is the default domain or
   * an active custom domain of the account.
   * @throws DomainError invalid_domain
   */
  async resolve(accountId: string, requested: string | undefined): Promise<string> {
    if (requested === undefined) return this.settings.defaultDomain;
    if (normaliseHost(requested.trim()) === this.settings.defaultDomain) return this.settings.defaultDomain;
    const hostname = claimHostname(parseHostname(requested));
    const domain = await this.domains.findByHostname(hostname);
    if (domain === null || domain.accountId !== accountId || domain.status !== "active") {
      throw new DomainError(
        "invalid_domain",
        `The domain '${requested}' is not an active domain of this account.`,
      );
    }
    return hostname;
  }
}
