import { OVERFLOW_VALUE, UNKNOWN_COUNTRY } from "../../../domain/click/click.js";
import { onFirstUse } from "./on-first-use.js";

const names = onFirstUse(() => new Intl.DisplayNames(["en"], { type: "region", fallback: "code" }));

/** English name of an ISO 3166 country code; `Other` for the values folded past the bound; else `Unknown`. */
export function countryName(code: string): string {
  if (code === OVERFLOW_VALUE) return OVERFLOW_VALUE;
  if (code === UNKNOWN_COUNTRY || !/^[A-Z]{2}$/.test(code)) return "Unknown";
  try {
    return names().of(code) ?? code;
  } catch {
    return "Unknown";
  }
}
