import type { ClickStore } from "../../application/ports/click-store.js";
import { type ClickIncrement, type CountedDimension, mergeIncrements } from "../../domain/click/click.js";
import type { ClickCounts } from "../../domain/click/click-counts.js";
import { withScopes } from "../../domain/click/click-scope.js";
import { addStoredValue } from "../../domain/click/stored-value.js";
import type { Day, DayRange } from "../../domain/time/day.js";

interface DayCounts {
  clicks: number;
  botClicks: number;
  readonly dimensions: Map<CountedDimension, Map<string, number>>;
  /** Distinct visitors of the day. */
  uniques: number;
}

// Per visitor, the day (or days) it was seen on. Visitor ids are salted per day, so a visitor on two days is
// rare and a range's uniques are the sum of its days' minus the few repeats: no union of big sets per query.
interface LinkCounts {
  readonly days: Map<Day, DayCounts>;
  readonly visitorDays: Map<string, Day | Set<Day>>;
  readonly repeatVisitors: Set<Set<Day>>;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Adds counts per dimension and value; a link-day's own values go through the domain's cap on stored values. */
function addDimensions(
  into: Map<CountedDimension, Map<string, number>>,
  from: ReadonlyMap<CountedDimension, ReadonlyMap<string, number>>,
  add: (values: Map<string, number>, value: string, count: number) => void,
): void {
  for (const [dimension, values] of from) {
    const counts = entry(into, dimension, () => new Map<string, number>());
    for (const [value, count] of values) add(counts, value, count);
  }
}

function addValue(values: Map<string, number>, value: string, count: number): void {
  values.set(value, (values.get(value) ?? 0) + count);
}

/** Batch ids remembered, oldest forgotten first: more than a day of flushes once a second. */
export const REMEMBERED_BATCHES = 100_000;

/**
 * A ClickStore in process memory, for tests and single-instance embedding; values are Map keys, never
 * properties, at most `STORED_VALUES_PER_DIMENSION` per dimension of a link-day. A batch id seen among the last {@link REMEMBERED_BATCHES} is not applied again.
 */
export class InMemoryClickStore implements ClickStore {
  private readonly links = new Map<string, LinkCounts>();
  private readonly batches = new Set<string>();

  async add(increments: readonly ClickIncrement[], batchId: string): Promise<void> {
    if (this.batches.has(batchId)) return;
    for (const increment of withScopes(mergeIncrements(increments))) this.addOne(increment);
    this.batches.add(batchId);
    const oldest = this.batches.size > REMEMBERED_BATCHES ? this.batches.values().next().value : undefined;
    if (oldest !== undefined) this.batches.delete(oldest);
  }

  async query(linkId: string, range: DayRange): Promise<ClickCounts> {
    const days = new Map<Day, { clicks: number; botClicks: number }>();
    const dimensions = new Map<CountedDimension, Map<string, number>>();
    let uniqueClicks = 0;
    const link = this.links.get(linkId);
    if (link === undefined) return { days, dimensions, uniqueClicks };
    for (const [day, counts] of link.days) {
      if (day < range.start || day > range.end) continue;
      days.set(day, { clicks: counts.clicks, botClicks: counts.botClicks });
      uniqueClicks += counts.uniques;
      addDimensions(dimensions, counts.dimensions, addValue);
    }
    for (const seenOn of link.repeatVisitors) {
      let inRange = 0;
      for (const day of seenOn) if (day >= range.start && day <= range.end) inRange += 1;
      if (inRange > 1) uniqueClicks -= inRange - 1;
    }
    return { days, dimensions, uniqueClicks };
  }

  async deleteLink(linkId: string): Promise<void> {
    this.links.delete(linkId);
  }

  private addOne(increment: ClickIncrement): void {
    const link = entry(
      this.links,
      increment.linkId,
      (): LinkCounts => ({
        days: new Map(),
        visitorDays: new Map(),
        repeatVisitors: new Set(),
      }),
    );
    const day = entry(
      link.days,
      increment.day,
      (): DayCounts => ({ clicks: 0, botClicks: 0, dimensions: new Map(), uniques: 0 }),
    );
    day.clicks += increment.clicks;
    day.botClicks += increment.botClicks;
    addDimensions(day.dimensions, increment.dimensions, addStoredValue);
    for (const visitor of increment.visitors) {
      if (this.see(link, visitor, increment.day)) day.uniques += 1;
    }
  }

  /** Records a visitor on a day; true when it was not seen on that day before. */
  private see(link: LinkCounts, visitor: string, day: Day): boolean {
    const seen = link.visitorDays.get(visitor);
    if (seen === undefined) {
      link.visitorDays.set(visitor, day);
      return true;
    }
    if (typeof seen === "string") {
      if (seen === day) return false;
      const days = new Set([seen, day]);
      link.visitorDays.set(visitor, days);
      link.repeatVisitors.add(days);
      return true;
    }
    if (seen.has(day)) return false;
    seen.add(day);
    return true;
  }
}
