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
