import type { Day } from "../../domain/time/day.js";

/** Device, OS and browser of a user agent, with human names ("iOS", "Samsung Internet", "Mobile"). */
export interface UserAgentInfo {
  readonly device: string;
  readonly os: string;
  readonly browser: string;
  readonly bot: boolean;
}

export interface UserAgentParser {
  parse(userAgent: string): UserAgentInfo;
}

/** A country found for a client. */
export interface CountryInfo {
  /** ISO 3166-1 alpha-2, or "ZZ" when unknown. */
  readonly code: string;
}

/** Where a click came from, by CDN header or IP address. Raw IPs never leave this port. */
export interface GeoLocator {
  locate(ip: string, headers: Readonly<Record<string, string | string[] | undefined>>): CountryInfo;
}

/** Turns a client into an opaque visitor id that changes every UTC day: uniques without tracking anyone. */
export interface VisitorHasher {
  /** The same day, IP and user agent give the same id; nothing of the IP can be read back from it. */
  hash(day: Day, ip: string, userAgent: string): string;
}
