import { COUNTED_DIMENSIONS, type CountedDimension } from "../../domain/click/click.js";

/** Hash field of a day's human clicks. */
export const CLICKS_FIELD = "clicks";
/** Hash field of a day's bot clicks. */
export const BOTS_FIELD = "bots";

/**
 * Hash field of how many named values one dimension of the day holds, for the cap on stored values; it has
 * no colon, so it is never read as a dimension's field.
 */
export function namedCountField(dimension: CountedDimension): string {
  return `distinct#${dimension}`;
}

const KNOWN: ReadonlySet<string> = new Set(COUNTED_DIMENSIONS);

/**
 * The hash field of one dimension value: `device:"Mobile"`. JSON quoting keeps any string intact (dots,
 * `$`, colons, unicode, even lone surrogates), and a field with no colon can never be a dimension's.
 */
export function dimensionField(dimension: CountedDimension, value: string): string {
  return `${dimension}:${JSON.stringify(value)}`;
}

/** The dimension and value a field names, or null for a total or a field this version does not know. */
export function parseDimensionField(field: string): { dimension: CountedDimension; value: string } | null {
  const colon = field.indexOf(":");
  if (colon === -1) return null;
  const dimension = field.slice(0, colon);
  if (!KNOWN.has(dimension)) return null;
  try {
    const value: unknown = JSON.parse(field.slice(colon + 1));
    return typeof value === "string" ? { dimension: dimension as CountedDimension, value } : null;
  } catch {
    return null;
  }
}
