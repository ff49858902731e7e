import { DomainError } from "../../../domain/errors/domain-error.js";
import type { RedirectRule, RuleInput } from "../../../domain/link/redirect-rules.js";
import { MAX_RULES } from "../../../domain/link/redirect-rules.js";
import { MAX_VARIANTS, type SplitVariant } from "../../../domain/link/split-variants.js";
import { commaList, utcDateTime } from "./dashboard-forms.js";

/** The condition fields of one rule row, in the order the form shows them. */
export const CONDITION_FIELDS = [
  "device",
  "os",
  "browser",
  "country",
  "language",
  "query",
  "ip",
  "after",
  "before",
] as const;
type ConditionField = (typeof CONDITION_FIELDS)[number];
type ListField = "device" | "os" | "browser" | "country" | "language" | "ip";
const LIST_FIELDS: readonly ListField[] = ["device", "os", "browser", "country", "language", "ip"];

/** Field names of the rule and variant rows: `rule_url_0`, `rule_device_0`, …, `variant_url_0`, `variant_weight_0`. */
export const TARGET_FIELD =
  /^(rule_(url|device|os|browser|country|language|query|ip|after|before)|variant_(url|weight))_\d{1,2}$/;

const invalid = (message: string) => new DomainError("invalid_request", message);
const list = (values: readonly string[] | undefined) => (values ?? []).join(", ");
const minute = (date: Date | undefined) => (date === undefined ? "" : date.toISOString().slice(0, 16));

/** A link's rules and variants as the form's fields (every row the link has). */
export function targetFieldsOf(
  rules: readonly RedirectRule[],
  variants: readonly SplitVariant[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  rules.forEach((rule, index) => {
    fields[`rule_url_${index}`] = rule.url;
    for (const name of LIST_FIELDS) fields[`rule_${name}_${index}`] = list(rule.if[name]);
    fields[`rule_query_${index}`] = (rule.if.query ?? [])
      .map(({ name, value }) => `${name}=${value}`)
      .join(", ");
    fields[`rule_after_${index}`] = minute(rule.if.after);
    fields[`rule_before_${index}`] = minute(rule.if.before);
  });
  variants.forEach((variant, index) => {
    fields[`variant_url_${index}`] = variant.url;
    fields[`variant_weight_${index}`] = String(variant.weight);
  });
  return fields;
}

function instant(value: string, label: string): Date {
  const date = utcDateTime(value);
  if (date === null) throw invalid(`${label} is not a date and time.`);
  return date;
}

function query(value: string, label: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const entry of commaList(value)) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw invalid(`${label}: write each query condition as name=value (value * for any).`);
    pairs[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return pairs;
}

function ruleAt(fields: Record<string, string>, index: number): RuleInput | null {
  const at = (name: string) => (fields[`rule_${name}_${index}`] ?? "").trim();
  const label = `Rule ${index + 1}`;
  const given = CONDITION_FIELDS.filter((name) => at(name) !== "");
  if (at("url") === "" && given.length === 0) return null;
  if (at("url") === "") throw invalid(`${label}: give the URL it sends visitors to.`);
  const conditions: Record<string, unknown> = {};
  for (const name of given as ConditionField[]) {
    if (name === "after" || name === "before") conditions[name] = instant(at(name), `${label}: ${name}`);
    else if (name === "query") conditions.query = query(at(name), label);
    else conditions[name] = commaList(at(name));
  }
  return { if: conditions as RuleInput["if"], url: at("url") };
}

function variantAt(fields: Record<string, string>, index: number): SplitVariant | null {
  const url = (fields[`variant_url_${index}`] ?? "").trim();
  const weight = (fields[`variant_weight_${index}`] ?? "").trim();
  if (url === "" && weight === "") return null;
  const label = `Variant ${index + 1}`;
  if (url === "") throw invalid(`${label}: give its URL.`);
  if (!/^\d{1,3}$/.test(weight)) throw invalid(`${label}: its weight is a whole number from 1 to 100.`);
  return { url, weight: Number(weight) };
}

/** The rules and variants the form's rows describe; empty rows are left out. @throws DomainError invalid_request */
export function targetsFromFields(fields: Record<string, string>): {
  rules: RuleInput[];
  variants: SplitVariant[];
} {
  const rules: RuleInput[] = [];
  for (let index = 0; index < MAX_RULES; index++) {
    const rule = ruleAt(fields, index);
    if (rule !== null) rules.push(rule);
  }
  const variants: SplitVariant[] = [];
  for (let index = 0; index < MAX_VARIANTS; index++) {
    const variant = variantAt(fields, index);
    if (variant !== null) variants.push(variant);
  }
  return { rules, variants };
}

/** Whether the typed rows differ from the stored ones (the form is then saved with its rules and variants). */
export function targetsChanged(typed: Record<string, string>, stored: Record<string, string>): boolean {
  const names = new Set([...Object.keys(typed), ...Object.keys(stored)]);
  return [...names].some((name) => (typed[name] ?? "").trim() !== (stored[name] ?? ""));
}
