import { DEFAULT_TARGET } from "../click/click.js";
import { type CompiledConditions, type CompiledRule, compiledRules } from "./compiled-rules.js";
import { type IpAddress, type IpRange, ipInRange } from "./ip-range.js";
import type { Link } from "./link.js";
import { pickVariant } from "./split-variants.js";

/**
 * What a rule may ask of a visit. Every fact but the time is a method, so the caller can work it out only when a
 * condition asks (no user-agent parsing for a country-only rule) and remember it for the next condition.
 */
export interface Visit {
  readonly at: Date;
  /** Analytics device name: Desktop, Mobile, Tablet, Other. */
  device(): string;
  os(): string;
  browser(): string;
  /** ISO 3166-1 alpha-2, or `ZZ` when unknown. */
  country(): string;
  /** Primary tag of the most preferred `Accept-Language` entry, lower-case, or "" (see {@link preferredLanguage}). */
  language(): string;
  /** The short URL's query parameter's first value, or undefined when absent. */
  query(name: string): string | undefined;
  /** The client address, or null when it cannot be read. */
  ip(): IpAddress | null;
  /** The daily visitor hash: the same for one visitor all through a UTC day. */
  visitor(): string;
}

/** `default`, `rule:<n>` or `variant:<n>` (n from 1, in list order). */
export type TargetName = "default" | `rule:${number}` | `variant:${number}`;

/** Where one visit goes, and which of the link's targets that is. */
export interface RedirectTarget {
  readonly name: TargetName;
  readonly url: string;
}

export type TargetedLink = Pick<Link, "id" | "destination" | "rules" | "variants">;

/** True when every visit goes to the link's own URL: the redirect then needs nothing of the visit. */
export function hasOneTarget(link: Pick<Link, "rules" | "variants">): boolean {
  return link.rules.length === 0 && link.variants.length === 0;
}

/**
 * Where a visit goes: the first rule whose conditions all hold; else, with a split test, the visitor's
 * variant for the day; else the link's own URL.
 */
export function chooseTarget(link: TargetedLink, visit: Visit): RedirectTarget {
  const rules = compiledRules(link.rules);
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index] as CompiledRule;
    if (matches(rule.when, visit)) return { name: `rule:${index + 1}`, url: rule.url };
  }
  if (link.variants.length > 0) {
    const index = pickVariant(link.variants, link.id, visit.visitor());
    const variant = link.variants[index];
    if (variant !== undefined) return { name: `variant:${index + 1}`, url: variant.url };
  }
  return { name: DEFAULT_TARGET, url: link.destination };
}

/**
 * The targets a link can send visitors to, in order: its rules, then its variants or (without a split test) its
 * own URL.
 */
export function targetsOf(link: Pick<Link, "destination" | "rules" | "variants">): RedirectTarget[] {
  const rules = link.rules.map(
    (rule, index): RedirectTarget => ({ name: `rule:${index + 1}`, url: rule.url }),
  );
  const rest: RedirectTarget[] =
    link.variants.length > 0
      ? link.variants.map(
          (variant, index): RedirectTarget => ({ name: `variant:${index + 1}`, url: variant.url }),
        )
      : [{ name: DEFAULT_TARGET, url: link.destination }];
  return [...rules, ...rest];
}

// Cheapest conditions first: time and query cost nothing, the user agent costs a parse (cached by string).
function matches(when: CompiledConditions, visit: Visit): boolean {
  const at = visit.at.getTime();
  if (at < when.after || at >= when.before) return false;
  if (when.query !== null) {
    for (const { name, value } of when.query) {
      const given = visit.query(name);
      if (given === undefined || (value !== "*" && given !== value)) return false;
    }
  }
  if (when.language !== null && !when.language.includes(visit.language())) return false;
  if (when.country !== null && !when.country.includes(visit.country())) return false;
  if (when.ip !== null && !inAnyRange(visit.ip(), when.ip)) return false;
  if (when.device !== null && !when.device.includes(visit.device())) return false;
  if (when.os !== null && !when.os.includes(visit.os().toLowerCase())) return false;
  if (when.browser !== null && !when.browser.includes(visit.browser().toLowerCase())) return false;
  return true;
}

function inAnyRange(address: IpAddress | null, ranges: readonly IpRange[]): boolean {
  if (address === null) return false;
  for (const range of ranges) if (ipInRange(address, range)) return true;
  return false;
}

/**
 * The primary tag of the most preferred language of an `Accept-Language` header (`fr-CH, fr;q=0.9, en;q=0.8`
 * → `fr`), lower-case; "" when there is none or only `*`. Ties keep the header's order.
 */
export function preferredLanguage(header: string): string {
  if (header === "") return "";
  let best = "";
  let bestQuality = 0;
  for (const part of header.split(",", 50)) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().split("-")[0]?.toLowerCase() ?? "";
    if (!/^[a-z]{1,8}$/.test(primary)) continue;
    let quality = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key?.trim() === "q") quality = Number(value);
    }
    // Quality is 0 to 1 (RFC 9110); anything else is a broken header's, and counts for nothing.
    if (Number.isFinite(quality) && quality <= 1 && quality > bestQuality) {
      best = primary;
      bestQuality = quality;
    }
  }
  return best;
}
