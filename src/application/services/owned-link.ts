import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import type { LinkRepository } from "../ports/link-repository.js";

/**
 * The link with this id if the account owns it. Another account's link answers exactly as a missing one.
 * @throws DomainError link_not_found
 */
export async function findOwnedLink(links: LinkRepository, accountId: string, id: string): Promise<Link> {
  const link = await links.findById(id);
  if (link === null || link.accountId !== accountId) throw linkNotFound();
  return link;
}

export function linkNotFound(): DomainError {
  return new DomainError("link_not_found", "No link with this id exists.");
}
