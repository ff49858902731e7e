import { DomainError } from "../errors/domain-error.js";

/** One arm of a split test: `weight` percent of visitors go to `url`. */
export interface SplitVariant {
  readonly url: string;
  readonly weight: number;
}

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 10;
export const TOTAL_WEIGHT = 100;

/**
 * Checks a split test: 2–10 variants, whole weights of 1–100 summing to 100. An empty list means no split test.
 * Their URLs are left to the destination checks.
 * @throws DomainError invalid_request
 */
export function parseSplitVariants(input: readonly SplitVariant[]): SplitVariant[] {
  if (input.length === 0) return [];
  if (input.length < MIN_VARIANTS || input.length > MAX_VARIANTS) {
    throw new DomainError(
      "invalid_request",
      `A split test has ${MIN_VARIANTS} to ${MAX_VARIANTS} variants (an empty list removes it).`,
    );
  }
  input.forEach((variant, index) => {
    if (!Number.isInteger(variant.weight) || variant.weight < 1 || variant.weight > TOTAL_WEIGHT) {
      throw new DomainError(
        "invalid_request",
        `variants[${index}].weight must be a whole number from 1 to 100.`,
      );
    }
  });
  const total = input.reduce((sum, variant) => sum + variant.weight, 0);
  if (total !== TOTAL_WEIGHT) {
    throw new DomainError("invalid_request", `The variants' weights must sum to 100 (they sum to ${total}).`);
  }
  return input.map((variant) => ({ url: variant.url, weight: variant.weight }));
}

/**
 * The variant a visitor gets, by its place among 100 slots: a hash of the link and the visitor id. The visitor id
 * is the daily visitor hash, so a visitor keeps its variant for the UTC day; the link takes part so that one
 * visitor's slot is independent from one link to the next.
 */
export function pickVariant(variants: readonly SplitVariant[], linkId: string, visitor: string): number {
  const slot = fnv1a(`${linkId}\u0000${visitor}`) % TOTAL_WEIGHT;
  let upTo = 0;
  for (let index = 0; index < variants.length; index++) {
    upTo += variants[index]?.weight ?? 0;
    if (slot < upTo) return index;
  }
  return variants.length - 1;
}

/** FNV-1a, 32 bits, over UTF-16 code units, then avalanched: cheap, and even enough for 100 slots. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final mix (murmur3's), so that inputs differing in the last characters spread over every slot.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
