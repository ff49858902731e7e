import { type CustomDomain, parseHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
import type { Clock, IdGenerator } from "../../ports/technical.js";
import type { HexlinkSettings } from "../../settings.js";

/** Registers a custom domain for an account, pending until its TXT record is verified. @throws DomainError invalid_domain */
export class RegisterDomain {
  constructor(
    private readonly domains: DomainRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly settings: HexlinkSettings,
  ) {}

  async execute(accountId: string, rawHostname: string): Promise<CustomDomain> {
    const hostname = parseHostname(rawHostname);
    if (hostname === this.settings.defaultDomain) {
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
    await this.domains.create(domain);
    return domain;
  }
}
