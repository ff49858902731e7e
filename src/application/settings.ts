import type { RateLimits } from "../domain/api-key/api-key.js";

/** What the use cases need to know of the deployment; built once by the composition root. */
export interface HexlinkSettings {
  /** Public origin of short links, e.g. `https://sho.rt`. Its host is the default domain. */
  readonly baseUrl: URL;
  /** Host of {@link baseUrl}, lower-case, with the port when it is not the scheme's default. */
  readonly defaultDomain: string;
  /** Destination hosts refused; each blocks its subdomains. */
  readonly blockedDomains: readonly string[];
  /** Accept loopback, private and link-local destinations and `localhost` (spec §11). Default false. */
  readonly allowPrivateDestinations: boolean;
  /** Other hosts of the default domain (e.g. `www.sho.rt`), lower-case, with a port when not the default. */
  readonly domainAliases: readonly string[];
  /** What a host that is no domain of this server gets: the default domain's links, or 404 (spec §6). */
  readonly unknownHosts: "fallback" | "404";
  /** Length of random codes (default 7), grown by one after repeated collisions. */
  readonly codeLength: number;
  /** Attempts at one length before growing it. */
  readonly codeAttempts: number;
  readonly rateLimits: RateLimits;
  /** Wrong password guesses allowed per link, client and minute. */
  readonly passwordAttemptsPerMinute: number;
  /** Failed API authentications allowed per client address and minute before every attempt is refused. */
  readonly authFailuresPerMinute: number;
  /** QR code requests allowed per client address and minute (anonymous and costly to draw). */
  readonly qrCodesPerMinute: number;
  /** Dashboard sign-in attempts allowed per client address and minute, right keys included. */
  readonly signInsPerMinute: number;
  /** Accept webhook URLs on http and on loopback, private and link-local addresses (spec §10). Default false. */
  readonly allowPrivateWebhooks: boolean;
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
    allowPrivateDestinations: false,
    unknownHosts: "fallback",
    codeLength: 7,
    codeAttempts: 3,
    rateLimits: { perSecond: 10, perHour: 1000, perMonth: 100_000 },
    passwordAttemptsPerMinute: 5,
    authFailuresPerMinute: 30,
    qrCodesPerMinute: 60,
    signInsPerMinute: 10,
    allowPrivateWebhooks: false,
    ...overrides,
    domainAliases: (overrides.domainAliases ?? []).map((alias) => alias.toLowerCase()),
  };
}
