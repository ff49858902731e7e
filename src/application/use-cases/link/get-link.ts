import type { LinkRepository } from "../../ports/link-repository.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { findOwnedLink } from "../../services/owned-link.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

/** Reads one of the account's links by id. @throws DomainError link_not_found, forbidden (links:read) */
export class GetLink {
  constructor(
    private readonly links: LinkRepository,
    private readonly urls: ShortUrls,
  ) {}

  async execute({
    accountId,
    id,
    access,
  }: { readonly accountId: string; readonly id: string } & AccessRequest): Promise<LinkView> {
    requireScope(access, "links:read");
    return toLinkView(await findOwnedLink(this.links, accountId, id, access), this.urls);
  }
}
