import { DomainError } from "../../../domain/errors/domain-error.js";
import type { LinkRepository, TagCount } from "../../ports/link-repository.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";

/**
 * The account's tags with how many of its links carry each, sorted by name.
 * @throws DomainError forbidden without links:read, or for a domain-limited key: the counts span every domain
 */
export class ListTags {
  constructor(private readonly links: LinkRepository) {}

  async execute(request: { readonly accountId: string } & AccessRequest): Promise<readonly TagCount[]> {
    requireScope(request.access, "links:read");
    if (request.access?.domains != null) {
      throw new DomainError(
        "forbidden",
        "Tag counts span every domain of the account; this API key is limited to some.",
      );
    }
    return this.links.tagCounts(request.accountId);
  }
}
