import { DomainError, isDomainError } from "../../domain/errors/domain-error.js";
import { parseRedirectRules, type RedirectRule, type RuleInput } from "../../domain/link/redirect-rules.js";
import { parseSplitVariants, type SplitVariant } from "../../domain/link/split-variants.js";
import type { DestinationChecker } from "./destination-checker.js";

/** Rules and variants as a create or update asks for them; an absent field is left as it is. */
export interface LinkTargetsInput {
  readonly rules?: readonly RuleInput[];
  readonly variants?: readonly SplitVariant[];
}

/** The checked rules and variants of {@link LinkTargetsInput}, only those given. */
export interface CheckedTargets {
  rules?: RedirectRule[];
  variants?: SplitVariant[];
}

/**
 * Checks rules and variants (the domain's rules), then each of their URLs as a link's own URL is checked, and
 * keeps the normalised URLs. A failure names the rule or variant at fault.
 * @throws DomainError invalid_request, invalid_destination, destination_blocked
 */
export async function checkLinkTargets(
  destinations: DestinationChecker,
  input: LinkTargetsInput,
): Promise<CheckedTargets> {
  const checked: CheckedTargets = {};
  if (input.rules !== undefined) {
    const rules = parseRedirectRules(input.rules);
    checked.rules = await Promise.all(
      rules.map(async (rule, index) => ({
        if: rule.if,
        url: await checkUrl(destinations, rule.url, `rules[${index}].url`),
      })),
    );
  }
  if (input.variants !== undefined) {
    const variants = parseSplitVariants(input.variants);
    checked.variants = await Promise.all(
      variants.map(async (variant, index) => ({
        url: await checkUrl(destinations, variant.url, `variants[${index}].url`),
        weight: variant.weight,
      })),
    );
  }
  return checked;
}

async function checkUrl(destinations: DestinationChecker, url: string, where: string): Promise<string> {
  try {
    return await destinations.check(url);
  } catch (error) {
    if (isDomainError(error)) throw new DomainError(error.code, `${where}: ${error.message}`);
    throw error;
  }
}
