import { type ApiKeyScope, allowsDomain, hasScope, type KeyAccess } from "../../domain/api-key/key-access.js";
import { DomainError } from "../../domain/errors/domain-error.js";

/**
 * What a use case's caller may do: an API request passes its key's access; operator tools and a host
 * application's own sign-in pass none and may do all the account may.
 */
export interface AccessRequest {
  readonly access?: KeyAccess;
}

/** @throws DomainError forbidden when the key lacks the scope */
export function requireScope(access: KeyAccess | undefined, scope: ApiKeyScope): void {
  if (access !== undefined && !hasScope(access, scope)) {
    throw new DomainError("forbidden", `This API key lacks the scope '${scope}'.`);
  }
}

/** Whether the caller reaches links (or a custom domain) on this domain. */
export function reachesDomain(access: KeyAccess | undefined, domain: string): boolean {
  return access === undefined || allowsDomain(access, domain);
}

/** @throws DomainError forbidden when the key is limited to other domains */
export function requireDomain(access: KeyAccess | undefined, domain: string): void {
  if (!reachesDomain(access, domain)) {
    throw new DomainError("forbidden", `This API key may not use the domain '${domain}'.`);
  }
}
