import type { z } from "zod";
import type { LinkTargetsInput } from "../../../application/services/link-targets.js";
import type { RedirectRule, RuleInput } from "../../../domain/link/redirect-rules.js";
import type { SplitVariant } from "../../../domain/link/split-variants.js";
import type { TargetCount } from "../../../domain/link/target-counts.js";
import type { ruleBody, variantBody } from "./link-targets-schemas.js";

type RuleBody = z.infer<typeof ruleBody>;
type VariantBody = z.infer<typeof variantBody>;

/** The rules and variants of a request body as the use cases take them; null (PATCH) removes them. */
export function linkTargetsInput(body: {
  readonly rules?: readonly RuleBody[] | null | undefined;
  readonly variants?: readonly VariantBody[] | null | undefined;
}): LinkTargetsInput {
  return {
    ...(body.rules === undefined ? {} : { rules: (body.rules ?? []).map(ruleInput) }),
    ...(body.variants === undefined ? {} : { variants: body.variants ?? [] }),
  };
}

function ruleInput(rule: RuleBody): RuleInput {
  const { after, before, ...rest } = rule.if;
  return {
    if: {
      ...rest,
      ...(after === undefined ? {} : { after: new Date(after) }),
      ...(before === undefined ? {} : { before: new Date(before) }),
    },
    url: rule.url,
  };
}

/** Rules as the v1 link object shows them: query as `{name: value}`, dates as ISO strings. */
export function rulesJson(rules: readonly RedirectRule[]) {
  return rules.map((rule) => {
    const { query, after, before, ...lists } = rule.if;
    return {
      if: {
        ...lists,
        ...(query === undefined ? {} : { query: Object.fromEntries(query.map((q) => [q.name, q.value])) }),
        ...(after === undefined ? {} : { after: after.toISOString() }),
        ...(before === undefined ? {} : { before: before.toISOString() }),
      },
      url: rule.url,
    };
  });
}

export function variantsJson(variants: readonly SplitVariant[]) {
  return variants.map((variant) => ({ url: variant.url, weight: variant.weight }));
}

export function targetsJson(targets: readonly TargetCount[]) {
  return targets.map((target) => ({ name: target.name, url: target.url, clicks: target.clicks }));
}
