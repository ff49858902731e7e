import type { Link } from "../../../domain/link/link.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import { findOwnedLink } from "../../services/owned-link.js";

/** Reads one of the account's links by id. @throws DomainError link_not_found */
export class GetLink {
  constructor(private readonly links: LinkRepository) {}

  execute(accountId: string, id: string): Promise<Link> {
    return findOwnedLink(this.links, accountId, id);
  }
}
