import { DomainError } from "../errors/domain-error.js";
import { formatIpRange, parseIpRange } from "./ip-range.js";

/** A query parameter a rule asks for: `value` `"*"` means "present, with any value". */
export interface QueryCondition {
  readonly name: string;
  readonly value: string;
}

/**
 * When a rule applies: every condition given must hold; a list holds when any of its entries does. Names are
 * kept canonical (device as analytics names it, country upper-case, language lower-case, CIDR normalised).
 * An absent condition is no key at all, never `undefined`, so stores keep no empty fields.
 */
export interface RuleConditions {
  /** Analytics device names: Desktop, Mobile, Tablet, Other. */
  readonly device?: readonly string[];
  /** Analytics OS names ("iOS", "Android"…), compared without regard to letter case. */
  readonly os?: readonly string[];
  /** Analytics browser names ("Chrome", "Safari"…), compared without regard to letter case. */
  readonly browser?: readonly string[];
  /** ISO 3166-1 alpha-2 codes. */
  readonly country?: readonly string[];
  /** Primary language subtags (`en`, `pt`), matched against the visitor's most preferred language. */
  readonly language?: readonly string[];
  /** Parameters of the short URL's query that must all be present (with this value, or any for `*`). */
  readonly query?: readonly QueryCondition[];
  /** CIDR ranges, IPv4 and IPv6. */
  readonly ip?: readonly string[];
  /** The rule applies from this instant on (inclusive). */
  readonly after?: Date;
  /** The rule applies until this instant (exclusive). */
  readonly before?: Date;
}

/** One redirect rule: the first rule of a link whose conditions all hold sends the visitor to `url`. */
export interface RedirectRule {
  readonly if: RuleConditions;
  readonly url: string;
}

/** A rule as an API hands it over, its shape already checked: values are checked and made canonical here. */
export interface RuleInput {
  readonly if: {
    readonly device?: readonly string[];
    readonly os?: readonly string[];
    readonly browser?: readonly string[];
    readonly country?: readonly string[];
    readonly language?: readonly string[];
    readonly query?: Readonly<Record<string, string>>;
    readonly ip?: readonly string[];
    readonly after?: Date;
    readonly before?: Date;
  };
  readonly url: string;
}

export const MAX_RULES = 25;
/** Entries of one condition list (and query parameters of one rule): enough for any real rule, bounded work. */
export const MAX_CONDITION_VALUES = 50;
const MAX_NAME_LENGTH = 100;
const MAX_QUERY_VALUE_LENGTH = 1000;

/** The device names analytics gives (see the user-agent classification). */
export const DEVICE_NAMES: readonly string[] = ["Desktop", "Mobile", "Tablet", "Other"];
const DEVICE_BY_LOWER = new Map(DEVICE_NAMES.map((name) => [name.toLowerCase(), name]));

const COUNTRY = /^[A-Za-z]{2}$/;
const LANGUAGE = /^[A-Za-z]{2,8}$/;

const invalid = (message: string) => new DomainError("invalid_request", message);
/** A refused value as an error repeats it: clipped, so an error never echoes a huge input. */
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * Checks rules and makes their values canonical; their URLs are left to the destination checks.
 * @throws DomainError invalid_request naming the rule and condition at fault
 */
export function parseRedirectRules(input: readonly RuleInput[]): RedirectRule[] {
  if (input.length > MAX_RULES) throw invalid(`A link has at most ${MAX_RULES} rules.`);
  return input.map((rule, index) => ({ if: parseConditions(rule.if, `rules[${index}]`), url: rule.url }));
}

function parseConditions(raw: RuleInput["if"], where: string): RuleConditions {
  const conditions: {
    -readonly [K in keyof RuleConditions]: RuleConditions[K];
  } = {};
  if (raw.device !== undefined)
    conditions.device = list(raw.device, `${where}.if.device`, (value) => {
      const name = DEVICE_BY_LOWER.get(value.toLowerCase());
      if (name === undefined)
        throw invalid(`${where}.if.device: ${shown(value)} is none of ${DEVICE_NAMES.join(", ")}.`);
      return name;
    });
  if (raw.os !== undefined)
    conditions.os = list(raw.os, `${where}.if.os`, (value) => name(value, `${where}.if.os`));
  if (raw.browser !== undefined)
    conditions.browser = list(raw.browser, `${where}.if.browser`, (value) =>
      name(value, `${where}.if.browser`),
    );
  if (raw.country !== undefined)
    conditions.country = list(raw.country, `${where}.if.country`, (value) => {
      if (!COUNTRY.test(value))
        throw invalid(`${where}.if.country: ${shown(value)} is not an ISO 3166 alpha-2 code.`);
      return value.toUpperCase();
    });
  if (raw.language !== undefined)
    conditions.language = list(raw.language, `${where}.if.language`, (value) => {
      if (!LANGUAGE.test(value))
        throw invalid(`${where}.if.language: ${shown(value)} is not a primary language tag (e.g. en).`);
      return value.toLowerCase();
    });
  if (raw.query !== undefined) conditions.query = queryConditions(raw.query, `${where}.if.query`);
  if (raw.ip !== undefined)
    conditions.ip = list(raw.ip, `${where}.if.ip`, (value) => {
      const range = parseIpRange(value);
      if (range === null) throw invalid(`${where}.if.ip: ${shown(value)} is not an IPv4 or IPv6 CIDR range.`);
      return formatIpRange(range);
    });
  if (raw.after !== undefined) conditions.after = instant(raw.after, `${where}.if.after`);
  if (raw.before !== undefined) conditions.before = instant(raw.before, `${where}.if.before`);
  if (
    conditions.after !== undefined &&
    conditions.before !== undefined &&
    conditions.after >= conditions.before
  ) {
    throw invalid(`${where}.if: after must be earlier than before.`);
  }
  if (Object.keys(conditions).length === 0) {
    throw invalid(
      `${where}.if needs at least one condition: a rule without one would hide every rule after it.`,
    );
  }
  return conditions;
}

function list(values: readonly string[], where: string, check: (value: string) => string): string[] {
  if (values.length === 0 || values.length > MAX_CONDITION_VALUES) {
    throw invalid(`${where} must list 1 to ${MAX_CONDITION_VALUES} values.`);
  }
  return [...new Set(values.map(check))];
}

function name(value: string, where: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) {
    throw invalid(`${where}: each name must be 1 to ${MAX_NAME_LENGTH} characters.`);
  }
  return trimmed;
}

function queryConditions(raw: Readonly<Record<string, string>>, where: string): QueryCondition[] {
  const entries = Object.entries(raw);
  if (entries.length === 0 || entries.length > MAX_CONDITION_VALUES) {
    throw invalid(`${where} must name 1 to ${MAX_CONDITION_VALUES} parameters.`);
  }
  return entries.map(([paramName, value]) => {
    if (paramName.length === 0 || paramName.length > MAX_NAME_LENGTH) {
      throw invalid(`${where}: parameter names must be 1 to ${MAX_NAME_LENGTH} characters.`);
    }
    if (value.length > MAX_QUERY_VALUE_LENGTH) {
      throw invalid(`${where}.${paramName}: values are at most ${MAX_QUERY_VALUE_LENGTH} characters.`);
    }
    return { name: paramName, value };
  });
}

function instant(value: Date, where: string): Date {
  if (Number.isNaN(value.getTime())) throw invalid(`${where} is not a valid date.`);
  return value;
}
