import { DomainError } from "../errors/domain-error.js";
import { isSameOrSubdomain, normaliseHost } from "./hostname.js";
import { embeddedIpv4, isPrivateHost } from "./ip-host.js";

declare const destinationBrand: unique symbol;
/** A normalised absolute http(s) URL that a link may redirect to. */
export type Destination = string & { readonly [destinationBrand]: true };

export const DESTINATION_MAX_LENGTH = 8192;
// C0 controls, DEL and C1 controls: never allowed, they could split a header or hide a target.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export interface DestinationPolicy {
  /** Hosts (with port when not the scheme's default) that serve hexlink's own short links. */
  readonly ownHosts: ReadonlySet<string>;
  /** Hosts refused as destinations; each blocks its subdomains too, an IPv4 address its IPv6 spellings. */
  readonly blockedHosts: readonly string[];
  /** Accept loopback, private and link-local addresses and `localhost` (refused unless true). */
  readonly allowPrivate?: boolean;
}

/**
 * Parses and normalises a destination once (WHATWG URL), then applies the policy.
 * @throws DomainError invalid_destination, destination_blocked
 */
export function parseDestination(raw: string, policy: DestinationPolicy): Destination {
  const url = normaliseDestination(raw);
  const host = normaliseHost(url.host);
  if (policy.ownHosts.has(host)) {
    throw new DomainError(
      "invalid_destination",
      "The destination points at a short link domain (a redirect loop).",
    );
  }
  if (policy.allowPrivate !== true && isPrivateHost(url.hostname)) {
    throw new DomainError(
      "invalid_destination",
      "The destination is a loopback, private or link-local address, which this server does not link to.",
    );
  }
  if (policy.blockedHosts.some((blocked) => isBlocked(url.hostname, asUrlHostname(blocked)))) {
    throw new DomainError("destination_blocked", `Links to '${url.hostname}' are not allowed.`);
  }
  return url.href as Destination;
}

function isBlocked(hostname: string, blocked: string): boolean {
  if (isSameOrSubdomain(hostname, blocked)) return true;
  // An IPv4 entry also blocks the address spelled inside IPv6 (::ffff:a.b.c.d, ::a.b.c.d).
  const address = embeddedIpv4(hostname);
  const entry = embeddedIpv4(blocked);
  return address !== null && entry !== null && address.every((octet, i) => octet === entry[i]);
}

/** A blocklist entry as URL spells hosts (punycode, canonical IPv4), so `bücher.de` blocks too. */
function asUrlHostname(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/**
 * The syntactic half of {@link parseDestination}: absolute http(s), no control characters, length bound.
 * @throws DomainError invalid_destination
 */
export function normaliseDestination(raw: string): URL {
  if (raw.length === 0 || raw.length > DESTINATION_MAX_LENGTH) {
    throw new DomainError(
      "invalid_destination",
      `The destination must be 1 to ${DESTINATION_MAX_LENGTH} characters long.`,
    );
  }
  if (CONTROL_CHARACTERS.test(raw)) {
    throw new DomainError("invalid_destination", "The destination contains control characters.");
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError("invalid_destination", "The destination is not an absolute URL.");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw new DomainError("invalid_destination", "The destination must be an http or https URL.");
  }
  // `https://bank.example@evil.example/` reads as the bank's address to people: refuse credentials in URLs.
  if (url.username !== "" || url.password !== "") {
    throw new DomainError("invalid_destination", "The destination must not contain a user name or password.");
  }
  if (url.href.length > DESTINATION_MAX_LENGTH) {
    throw new DomainError("invalid_destination", "The destination is too long once normalised.");
  }
  return url;
}

/** Appends the short URL's query to the destination's (`?a=1` + `b=2` → `?a=1&b=2`). */
export function withForwardedQuery(destination: string, query: string): string {
  const extra = query.startsWith("?") ? query.slice(1) : query;
  if (extra === "") return destination;
  const hashAt = destination.indexOf("#");
  const base = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : destination.slice(hashAt);
  const joiner = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${joiner}${extra}${hash}`;
}
