import {
  type CustomDomain,
  claimHostname,
  isStaleClaim,
  parseHostname,
} from "../../../domain/custom-domain/custom-domain.js";
import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { Clock, IdGenerator } from "../../ports/technical.js";
import { type AccessRequest, requireDomain, requireScope } from "../../services/key-access-guard.js";
import type { HexlinkSettings } from "../../settings.js";
import { type DomainView, toDomainView } from "../../views/domain-view.js";

/**
 * Registers a custom domain for an account, pending until its TXT record is verified. Registering it again
 * returns the account's pending record; another account's unverified claim gives way after 72 hours, so
 * nobody can hold a hostname they cannot prove.
 * @throws DomainError invalid_domain; forbidden without domains:write or outside a domain-limited key's domains
 */
export class RegisterDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly settings: HexlinkSettings,
  ) {}

  async execute(
    request: AccessRequest & { readonly accountId: string; readonly hostname: string },
  ): Promise<DomainView> {
    requireScope(request.access, "domains:write");
    requireDomain(request.access, request.hostname);
    return toDomainView(await this.register(request.accountId, request.hostname));
  }

  private async register(accountId: string, rawHostname: string): Promise<CustomDomain> {
    // A hostname with a port is the same claim as without: custom domains are DNS names.
    const hostname = claimHostname(parseHostname(rawHostname));
    const serverHosts = [this.settings.defaultDomain, ...this.settings.domainAliases].map(claimHostname);
    if (serverHosts.includes(hostname)) {
      throw new DomainError("invalid_domain", "The default domain cannot be registered as a custom domain.");
    }
    const domain: CustomDomain = {
      hostname,
      accountId,
      status: "pending",
      verificationToken: this.ids.secret(),
      createdAt: this.clock.now(),
      verifiedAt: null,
    };
    try {
      await this.domains.create(domain);
      return domain;
    } catch (error) {
      if (!(isDomainError(error) && error.code === "invalid_domain")) throw error;
      return this.claimTaken(domain, error);
    }
  }

  private async claimTaken(wanted: CustomDomain, taken: DomainError): Promise<CustomDomain> {
    const existing = await this.domains.findByHostname(wanted.hostname);
    if (existing === null) throw taken;
    if (existing.accountId === wanted.accountId) return existing;
    if (!isStaleClaim(existing, wanted.createdAt)) {
      throw new DomainError("invalid_domain", `The domain '${wanted.hostname}' is already registered.`);
    }
    await this.domains.delete(existing.hostname);
    await this.domains.create(wanted);
    return wanted;
  }
}
