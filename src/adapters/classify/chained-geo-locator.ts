import type { CountryInfo, GeoLocator } from "../../application/ports/click-classification.js";
import { UNKNOWN_COUNTRY } from "../../domain/click/click.js";
import { UNKNOWN_COUNTRY_INFO } from "./country-code.js";

/** Asks each locator in turn and keeps the first known country (e.g. CDN headers, then an MMDB file). */
export class ChainedGeoLocator implements GeoLocator {
  constructor(private readonly locators: readonly GeoLocator[]) {}

  locate(ip: string, headers: Readonly<Record<string, string | string[] | undefined>>): CountryInfo {
    for (const locator of this.locators) {
      const country = locator.locate(ip, headers);
      if (country.code !== UNKNOWN_COUNTRY) return country;
    }
    return UNKNOWN_COUNTRY_INFO;
  }
}
