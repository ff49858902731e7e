import type { Day, DayRange } from "../time/day.js";
import { daysOf } from "../time/day.js";
import {
  type ClickIncrement,
  type CountedDimension,
  DEFAULT_TARGET,
  DIMENSIONS,
  type Dimension,
  OVERFLOW_VALUE,
} from "./click.js";
import { addStoredValue } from "./stored-value.js";

/** What a ClickStore answers for one link over a day range. */
export interface ClickCounts {
  /** Per day with any click: human and bot clicks. Days without clicks may be absent. */
  readonly days: ReadonlyMap<Day, { readonly clicks: number; readonly botClicks: number }>;
  readonly dimensions: ReadonlyMap<CountedDimension, ReadonlyMap<string, number>>;
  /** Distinct visitors over the whole range (may be an estimate, e.g. HyperLogLog). */
  readonly uniqueClicks: number;
}

/**
 * The oracle: the counts a store must answer after adding `increments` in this order. Each link-day keeps its
 * dimension values by {@link addStoredValue} (values in the order given), and the range sums its days.
 */
export function countsFromIncrements(
  increments: Iterable<ClickIncrement>,
  linkId: string,
  range: DayRange,
): ClickCounts {
  const days = new Map<Day, { clicks: number; botClicks: number }>();
  const stored = new Map<Day, Map<CountedDimension, Map<string, number>>>();
  const visitors = new Set<string>();
  for (const increment of increments) {
    if (increment.linkId !== linkId || increment.day < range.start || increment.day > range.end) continue;
    const day = days.get(increment.day) ?? { clicks: 0, botClicks: 0 };
    day.clicks += increment.clicks;
    day.botClicks += increment.botClicks;
    days.set(increment.day, day);
    const dayValues = stored.get(increment.day) ?? new Map<CountedDimension, Map<string, number>>();
    stored.set(increment.day, dayValues);
    for (const [dimension, values] of increment.dimensions) {
      const into = dayValues.get(dimension) ?? new Map<string, number>();
      for (const [value, count] of values) addStoredValue(into, value, count);
      dayValues.set(dimension, into);
    }
    for (const visitor of increment.visitors) visitors.add(visitor);
  }
  const dimensions = new Map<CountedDimension, Map<string, number>>();
  for (const dayValues of stored.values()) {
    for (const [dimension, values] of dayValues) {
      const into = dimensions.get(dimension) ?? new Map<string, number>();
      for (const [value, count] of values) into.set(value, (into.get(value) ?? 0) + count);
      dimensions.set(dimension, into);
    }
  }
  return { days, dimensions, uniqueClicks: visitors.size };
}

export interface NamedCount {
  readonly name: string;
  readonly clicks: number;
}

/**
 * At most this many entries an analytics list shows per dimension: the top values, and the rest summed under
 * {@link OVERFLOW_VALUE}, so a range of many days stays small while its sums stay exact.
 */
export const LISTED_VALUES_PER_DIMENSION = 100;

/** Analytics as the APIs show them: a full timeseries and bounded lists sorted by clicks, descending. */
export interface ClickStats {
  readonly start: Day;
  readonly end: Day;
  readonly totalClicks: number;
  readonly uniqueClicks: number;
  readonly botClicks: number;
  readonly timeseries: readonly { readonly date: Day; readonly clicks: number }[];
  readonly breakdown: Readonly<Record<Dimension, readonly NamedCount[]>>;
}

export function sortedCounts(values: ReadonlyMap<string, number> | undefined): NamedCount[] {
  return [...(values ?? new Map<string, number>())]
    .filter(([, clicks]) => clicks > 0)
    .map(([name, clicks]) => ({ name, clicks }))
    .sort((a, b) => b.clicks - a.clicks || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The counts sorted by clicks, descending, and at most {@link LISTED_VALUES_PER_DIMENSION} of them: past that,
 * the top values and one {@link OVERFLOW_VALUE} entry holding the rest (and what was stored under it).
 */
export function listedCounts(values: ReadonlyMap<string, number> | undefined): NamedCount[] {
  const sorted = sortedCounts(values);
  if (sorted.length <= LISTED_VALUES_PER_DIMENSION) return sorted;
  const named = sorted.filter((entry) => entry.name !== OVERFLOW_VALUE);
  const kept = named.slice(0, LISTED_VALUES_PER_DIMENSION - 1);
  const keptClicks = kept.reduce((sum, entry) => sum + entry.clicks, 0);
  const allClicks = sorted.reduce((sum, entry) => sum + entry.clicks, 0);
  return sortedCounts(
    new Map([
      ...kept.map((entry): [string, number] => [entry.name, entry.clicks]),
      [OVERFLOW_VALUE, allClicks - keptClicks],
    ]),
  );
}

export function toClickStats(range: DayRange, counts: ClickCounts): ClickStats {
  const timeseries = daysOf(range).map((date) => ({ date, clicks: counts.days.get(date)?.clicks ?? 0 }));
  const totalClicks = timeseries.reduce((sum, day) => sum + day.clicks, 0);
  let botClicks = 0;
  for (const day of counts.days.values()) botClicks += day.botClicks;
  const breakdown = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const values = counts.dimensions.get(dimension);
      const full = dimension === "target" ? withDefaultTarget(values, totalClicks) : values;
      return [dimension, listedCounts(full)];
    }),
  ) as Record<Dimension, NamedCount[]>;
  return {
    start: range.start,
    end: range.end,
    totalClicks,
    uniqueClicks: counts.uniqueClicks,
    botClicks,
    timeseries,
    breakdown,
  };
}

/**
 * The target counts with the default target's added: the clicks no other target took (the fold stores none for
 * it). Clicks recorded before targets existed count as the default's.
 */
function withDefaultTarget(
  values: ReadonlyMap<string, number> | undefined,
  total: number,
): Map<string, number> {
  const full = new Map(values ?? []);
  let others = 0;
  for (const [name, clicks] of full) if (name !== DEFAULT_TARGET) others += clicks;
  full.set(DEFAULT_TARGET, Math.max(0, total - others));
  return full;
}
