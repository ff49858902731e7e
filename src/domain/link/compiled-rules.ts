import { type IpRange, parseIpRange } from "./ip-range.js";
import type { QueryCondition, RedirectRule } from "./redirect-rules.js";

/**
 * A rule's conditions in one fixed shape, every field present (null or an open bound when the rule does not
 * ask): the redirect path reads ten rules of ten different shapes through one shape, not ten, and finds IP
 * ranges parsed and OS and browser names lower-cased already.
 */
export interface CompiledConditions {
  /** Epoch ms the rule applies from (inclusive); -Infinity when it does not say. */
  readonly after: number;
  /** Epoch ms the rule applies until (exclusive); Infinity when it does not say. */
  readonly before: number;
  readonly query: readonly QueryCondition[] | null;
  readonly language: readonly string[] | null;
  readonly country: readonly string[] | null;
  readonly ip: readonly IpRange[] | null;
  readonly device: readonly string[] | null;
  /** Lower-cased. */
  readonly os: readonly string[] | null;
  /** Lower-cased. */
  readonly browser: readonly string[] | null;
}

export interface CompiledRule {
  readonly when: CompiledConditions;
  readonly url: string;
}

// Compiled once per rules list: a cached link hands the same list to every visit. A memo of a pure function,
// weakly held (it goes with the link), not state that could change an answer.
const compiled = new WeakMap<readonly RedirectRule[], readonly CompiledRule[]>();

/** The rules of a link, compiled (once per list). */
export function compiledRules(rules: readonly RedirectRule[]): readonly CompiledRule[] {
  let found = compiled.get(rules);
  if (found === undefined) {
    found = rules.map((rule) => ({ when: compile(rule.if), url: rule.url }));
    compiled.set(rules, found);
  }
  return found;
}

function compile(conditions: RedirectRule["if"]): CompiledConditions {
  const lower = (names: readonly string[] | undefined) => names?.map((name) => name.toLowerCase()) ?? null;
  return {
    after: conditions.after?.getTime() ?? Number.NEGATIVE_INFINITY,
    before: conditions.before?.getTime() ?? Number.POSITIVE_INFINITY,
    query: conditions.query ?? null,
    language: conditions.language ?? null,
    country: conditions.country ?? null,
    ip: conditions.ip?.map(parseIpRange).filter((range): range is IpRange => range !== null) ?? null,
    device: conditions.device ?? null,
    os: lower(conditions.os),
    browser: lower(conditions.browser),
  };
}
