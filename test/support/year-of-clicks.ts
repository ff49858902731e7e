import { type ClickIncrement, DIMENSIONS, type Dimension } from "../../src/domain/click/click.js";
import { addDays, type DayRange } from "../../src/domain/time/day.js";

// Distinct values per dimension and day, about what a busy link sees.
const CARDINALITY: Record<Dimension, number> = {
  device: 4,
  os: 8,
  browser: 12,
  country: 60,
  referrer: 40,
  target: 3,
};

function dayIncrement(linkId: string, day: string, clicks: number): ClickIncrement {
  const dimensions = new Map<Dimension, Map<string, number>>();
  for (const dimension of DIMENSIONS) {
    const values = new Map<string, number>();
    const size = CARDINALITY[dimension];
    for (let index = 0; index < size; index += 1) {
      const count = Math.floor(clicks / size) + (index < clicks % size ? 1 : 0);
      if (count > 0) values.set(`${dimension}-${index}`, count);
    }
    dimensions.set(dimension, values);
  }
  const visitors = new Set(Array.from({ length: Math.floor(clicks * 0.7) }, (_, index) => `${day}:${index}`));
  return { linkId, day, clicks, botClicks: Math.floor(clicks / 20), dimensions, visitors };
}

/** A year of one link's clicks, `total` in all, spread over 365 days, as the increments a store is given. */
export function yearOfClicks(
  linkId: string,
  total: number,
): { increments: ClickIncrement[]; range: DayRange } {
  const start = "2025-03-16";
  const perDay = Math.ceil(total / 365);
  const increments = Array.from({ length: 365 }, (_, index) =>
    dayIncrement(linkId, addDays(start, index), perDay),
  );
  return { increments, range: { start, end: addDays(start, 364) } };
}
