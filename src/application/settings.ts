import type { RateLimits } from "../domain/api-key/api-key.js";

/** What the use cases need to know of the deployment; built once by the composition root. */
export interface HexlinkSettings {
  /** Public origin of short links, e.g. `https://sho.rt`. Its host is the default domain. */
  readonly baseUrl: URL;
  /** Host of {@link baseUrl}, lower-case, with the port when it is not the scheme's default. */
  readonly defaultDomain: string;
  /** Destination hosts refused; each blocks its subdomains. */
  readonly blockedDomains: readonly string[];
  /** Length of random codes (default 7), grown by one after repeated collisions. */
  readonly codeLength: number;
  /** Attempts at one length before growing it. */
  readonly codeAttempts: number;
  readonly rateLimits: RateLimits;
  /** Wrong password guesses allowed per link, client and minute. */
  readonly passwordAttemptsPerMinute: number;
}

export function defaultDomainOf(baseUrl: URL): string {
  return baseUrl.host.toLowerCase();
}

export function makeSettings(
  baseUrl: string | URL,
  overrides: Partial<Omit<HexlinkSettings, "baseUrl" | "defaultDomain">> = {},
): HexlinkSettings {
  const url = new URL(baseUrl);
  return {
    baseUrl: url,
    defaultDomain: defaultDomainOf(url),
    blockedDomains: [],
    codeLength: 7,
    codeAttempts: 3,
    rateLimits: { perSecond: 10, perHour: 1000, perMonth: 100_000 },
    passwordAttemptsPerMinute: 5,
    ...overrides,
  };
}
