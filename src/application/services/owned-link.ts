import type { KeyAccess } from "../../domain/api-key/key-access.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import type { Link } from "../../domain/link/link.js";
import type { LinkRepository } from "../ports/link-repository.js";
import { reachesDomain } from "./key-access-guard.js";

/**
 * The link with this id if the account owns it (and the key reaches its domain). Another account's link, or
 * one on a domain the key is not limited to, answers exactly as a missing one.
 * @throws DomainError link_not_found
 */
export async function findOwnedLink(
  links: LinkRepository,
  accountId: string,
  id: string,
  access?: KeyAccess,
): Promise<Link> {
  const link = await links.findById(id);
  if (link === null || link.accountId !== accountId || !reachesDomain(access, link.domain))
    throw linkNotFound();
  return link;
}

export function linkNotFound(): DomainError {
  return new DomainError("link_not_found", "No link with this id exists.");
}
