import { claimHostname } from "../custom-domain/custom-domain.js";
import { DomainError } from "../errors/domain-error.js";
import { normaliseHost } from "../link/hostname.js";

/** What an API key may do (spec §13); a key without a scope gets `forbidden` from the use cases that need it. */
export const API_KEY_SCOPES = [
  "links:read",
  "links:write",
  "analytics:read",
  "domains:read",
  "domains:write",
  "keys:write",
  "webhooks:write",
] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * What a request may reach: the scopes of its key and the domains it is limited to (`null`: every domain of
 * its account). A request without one (operator tools, a host application's own sign-in) may do all its
 * account may.
 */
export interface KeyAccess {
  readonly scopes: readonly ApiKeyScope[];
  /** Hostnames without port, lower-cased; null when the key is not limited to some domains. */
  readonly domains: readonly string[] | null;
}

/** Every scope and no domain limit: what keys stored before scopes existed may do. */
export const FULL_ACCESS: KeyAccess = { scopes: API_KEY_SCOPES, domains: null };

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** The distinct scopes in the canonical order. @throws DomainError invalid_request for an unknown one */
export function parseScopes(values: readonly string[]): ApiKeyScope[] {
  const unknown = values.filter((value) => !isApiKeyScope(value));
  if (unknown.length > 0) {
    throw new DomainError(
      "invalid_request",
      `Unknown scope '${unknown[0]}'; scopes are ${API_KEY_SCOPES.join(", ")}.`,
    );
  }
  return API_KEY_SCOPES.filter((scope) => values.includes(scope));
}

const KEY_DOMAIN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;

/** The most domains one key may be limited to. */
export const KEY_DOMAINS_MAX = 50;

/**
 * The distinct hostnames a key is limited to, lower-cased, ports dropped (a domain is one claim on any port).
 * @throws DomainError invalid_request for an empty list, too many, or one that is no hostname
 */
export function parseKeyDomains(values: readonly string[]): string[] {
  if (values.length === 0 || values.length > KEY_DOMAINS_MAX) {
    throw new DomainError("invalid_request", `A key is limited to 1 to ${KEY_DOMAINS_MAX} domains.`);
  }
  const hosts = values.map((value) => claimHostname(normaliseHost(value.trim())));
  const bad = values.find((_, at) => !KEY_DOMAIN.test(hosts[at] ?? ""));
  if (bad !== undefined) throw new DomainError("invalid_request", `'${bad}' is not a hostname.`);
  return [...new Set(hosts)];
}

export function hasScope(access: KeyAccess, scope: ApiKeyScope): boolean {
  return access.scopes.includes(scope);
}

/** Whether the access reaches links on this domain (a link's domain, a port allowed). */
export function allowsDomain(access: KeyAccess, domain: string): boolean {
  return access.domains === null || access.domains.includes(claimHostname(domain));
}

/**
 * Why `wanted` reaches further than `held`, or null when it does not: a key never makes (or revokes) a key
 * with a scope or a domain it does not have itself.
 */
export function widening(held: KeyAccess, wanted: KeyAccess): string | null {
  const extra = wanted.scopes.filter((scope) => !hasScope(held, scope));
  if (extra.length > 0) return `This key does not have the scope '${extra[0]}' itself.`;
  if (held.domains === null) return null;
  if (wanted.domains === null) {
    return `This key is limited to ${held.domains.join(", ")}; so must be the keys it manages.`;
  }
  const outside = wanted.domains.find((domain) => !allowsDomain(held, domain));
  return outside === undefined ? null : `This key is not allowed the domain '${outside}'.`;
}
