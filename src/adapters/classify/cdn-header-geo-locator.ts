import type { CountryInfo, GeoLocator } from "../../application/ports/click-classification.js";
import { countryCode, UNKNOWN_COUNTRY_INFO } from "./country-code.js";

/** Country headers set by Cloudflare, Amazon CloudFront and Vercel, lower-cased as Node hands them over. */
export const CDN_COUNTRY_HEADERS: readonly string[] = [
  "cf-ipcountry",
  "cloudfront-viewer-country",
  "x-vercel-ip-country",
];

/** Options of {@link CdnHeaderGeoLocator}. */
export interface CdnHeaderGeoLocatorOptions {
  /** Only a trusted proxy sets these headers; otherwise any client could pick its own country. */
  readonly trustProxy: boolean;
  /** Header names to read, lower-case, first found wins. */
  readonly headers?: readonly string[];
}

/** Reads the country a CDN in front of the server found, when that CDN is trusted. */
export class CdnHeaderGeoLocator implements GeoLocator {
  private readonly trustProxy: boolean;
  private readonly headers: readonly string[];

  constructor(options: CdnHeaderGeoLocatorOptions) {
    this.trustProxy = options.trustProxy;
    this.headers = options.headers ?? CDN_COUNTRY_HEADERS;
  }

  locate(_ip: string, headers: Readonly<Record<string, string | string[] | undefined>>): CountryInfo {
    if (!this.trustProxy) return UNKNOWN_COUNTRY_INFO;
    for (const name of this.headers) {
      const value = headers[name];
      const code = countryCode(Array.isArray(value) ? value[0] : value);
      if (code !== undefined) return { code };
    }
    return UNKNOWN_COUNTRY_INFO;
  }
}
