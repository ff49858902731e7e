import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { LRUCache } from "lru-cache";
import { type CountryResponse, open as openMmdb, Reader } from "maxmind";
import type { CountryInfo, GeoLocator } from "../../application/ports/click-classification.js";
import { countryCode, UNKNOWN_COUNTRY_INFO } from "./country-code.js";
import { publicAddress } from "./private-ip.js";

/** The country database shipped with the package: ip-location-db geo-whois-asn-country (CC0, IPv4 and IPv6). */
export const DEFAULT_GEOIP_DATABASE = createRequire(import.meta.url).resolve(
  "@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb",
);

/** Options of {@link MaxMindGeoLocator.open} and {@link MaxMindGeoLocator.openSync}. */
export interface MaxMindGeoLocatorOptions {
  /** An MMDB file: ip-location-db country (`country_code`) or MaxMind GeoLite2/GeoIP2 Country or City. */
  readonly path?: string;
}

/** What the locator needs of an MMDB reader (maxmind's `Reader` has it). */
export interface MmdbReader {
  readonly metadata: { readonly ipVersion: number };
  get(ip: string): unknown;
}

// ip-location-db writes `country_code`; MaxMind writes `country.iso_code` (and `registered_country` as fallback).
interface AnyCountryRecord {
  readonly country_code?: unknown;
  readonly country?: { readonly iso_code?: unknown };
  readonly registered_country?: { readonly iso_code?: unknown };
}

function codeOf(found: unknown): string | undefined {
  if (typeof found !== "object" || found === null) return undefined;
  const record: AnyCountryRecord = found;
  return (
    countryCode(record.country_code) ??
    countryCode(record.country?.iso_code) ??
    countryCode(record.registered_country?.iso_code)
  );
}

/** Finds a client's country in an offline MMDB file; lookups are synchronous, in memory. */
export class MaxMindGeoLocator implements GeoLocator {
  constructor(private readonly reader: MmdbReader) {}

  /** Opens the database asynchronously (the file is read once, into memory). */
  static async open(options: MaxMindGeoLocatorOptions = {}): Promise<MaxMindGeoLocator> {
    return new MaxMindGeoLocator(await openMmdb<CountryResponse>(options.path ?? DEFAULT_GEOIP_DATABASE));
  }

  /** Opens the database synchronously, for a composition root that cannot await. */
  static openSync(options: MaxMindGeoLocatorOptions = {}): MaxMindGeoLocator {
    const cache = new LRUCache<string | number, object>({ max: 10_000 });
    return new MaxMindGeoLocator(new Reader(readFileSync(options.path ?? DEFAULT_GEOIP_DATABASE), { cache }));
  }

  locate(ip: string): CountryInfo {
    const address = publicAddress(ip);
    // An IPv4-only database would walk an IPv6 address's first 32 bits and answer nonsense.
    if (address === null || (this.reader.metadata.ipVersion === 4 && address.includes(":"))) {
      return UNKNOWN_COUNTRY_INFO;
    }
    let code: string | undefined;
    try {
      code = codeOf(this.reader.get(address));
    } catch {
      // A damaged database must cost a country, not a click.
    }
    return code === undefined ? UNKNOWN_COUNTRY_INFO : { code };
  }
}
