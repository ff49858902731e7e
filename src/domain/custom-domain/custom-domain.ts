import { DomainError } from "../errors/domain-error.js";
import { hostnameOf, normaliseHost } from "../link/hostname.js";

export type CustomDomainStatus = "pending" | "active";

/** A hostname an account serves its links on, once it proves control of it by a DNS TXT record. */
export interface CustomDomain {
  readonly hostname: string;
  readonly accountId: string;
  readonly status: CustomDomainStatus;
  readonly verificationToken: string;
  readonly createdAt: Date;
  readonly verifiedAt: Date | null;
}

export const VERIFICATION_PREFIX = "hexlink-verify=";

export function verificationRecord(domain: CustomDomain): { type: "TXT"; name: string; value: string } {
  return {
    type: "TXT",
    name: `_hexlink.${domain.hostname}`,
    value: `${VERIFICATION_PREFIX}${domain.verificationToken}`,
  };
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Parses a DNS hostname (optionally with a port, as a short URL's host carries one), lower-cased.
 * @throws DomainError invalid_domain
 */
export function parseHostname(raw: string): string {
  const value = normaliseHost(raw.trim());
  const [name = "", port, ...rest] = value.split(":");
  const labels = name.split(".");
  const portOk = port === undefined || /^[1-9][0-9]{0,4}$/.test(port);
  if (
    rest.length > 0 ||
    !portOk ||
    name.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l))
  ) {
    throw new DomainError("invalid_domain", `'${raw}' is not a valid hostname.`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) {
    throw new DomainError("invalid_domain", "An IP address cannot be a custom domain.");
  }
  return value;
}

/** The name a custom domain is claimed under: its hostname without a port (any port is the same claim). */
export function claimHostname(host: string): string {
  return hostnameOf(normaliseHost(host));
}

/** How long an unverified registration holds a hostname before another account may claim it. */
export const PENDING_CLAIM_MS = 72 * 3_600_000;

/** True when a pending registration is old enough to give way to another account's. */
export function isStaleClaim(domain: CustomDomain, now: Date): boolean {
  return domain.status === "pending" && now.getTime() - domain.createdAt.getTime() >= PENDING_CLAIM_MS;
}

/** True while a deleted domain's hostname still answers 404 instead of falling back (spec §6: 72 hours). */
export function isRecentDeletion(deletedAt: Date | null, now: Date): boolean {
  return deletedAt !== null && now.getTime() - deletedAt.getTime() < PENDING_CLAIM_MS;
}
