import type { CountryInfo } from "../../application/ports/click-classification.js";
import { UNKNOWN_COUNTRY } from "../../domain/click/click.js";

/** The answer when no source knows the country. */
export const UNKNOWN_COUNTRY_INFO: CountryInfo = Object.freeze({ code: UNKNOWN_COUNTRY });

const ALPHA_2 = /^[A-Za-z]{2}$/;
// "XX" (Cloudflare: no data), "ZZ" (unknown), "EU"/"AP" (old MaxMind continent stand-ins) name no country;
// "T1" (Tor) and "A1"/"A2"/"O1" fail the pattern anyway.
const NOT_A_COUNTRY = new Set(["XX", "ZZ", "EU", "AP"]);

/** An ISO 3166-1 alpha-2 code from an untrusted value (header, database field), upper-cased, or undefined. */
export function countryCode(value: unknown): string | undefined {
  if (typeof value !== "string" || !ALPHA_2.test(value)) return undefined;
  const code = value.toUpperCase();
  return NOT_A_COUNTRY.has(code) ? undefined : code;
}
