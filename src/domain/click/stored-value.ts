import { OVERFLOW_VALUE } from "./click.js";

/**
 * At most this many named values (besides {@link OVERFLOW_VALUE}) a store keeps per dimension of one link-day,
 * so an anonymous client sending endless distinct referrers or user agents cannot grow the counters without
 * limit. 256 holds every ISO 3166 country code and `ZZ`, so countries never fold.
 */
export const STORED_VALUES_PER_DIMENSION = 256;

/**
 * The value under which one dimension of a link-day stores a click of `value`, given whether it already
 * holds `value` and how many named values it holds: first come keeps its slot, and once the dimension is
 * full a new value counts under {@link OVERFLOW_VALUE}. Every store applies this rule atomically.
 */
export function storedValue(value: string, held: boolean, named: number): string {
  if (held || value === OVERFLOW_VALUE || named < STORED_VALUES_PER_DIMENSION) return value;
  return OVERFLOW_VALUE;
}

/** Adds `count` clicks of `value` to one dimension of a link-day in place, by {@link storedValue}. */
export function addStoredValue(values: Map<string, number>, value: string, count: number): void {
  const named = values.size - (values.has(OVERFLOW_VALUE) ? 1 : 0);
  const into = storedValue(value, values.has(value), named);
  values.set(into, (values.get(into) ?? 0) + count);
}
