import { DomainError } from "../errors/domain-error.js";

/** A UTC calendar day as `YYYY-MM-DD`. */
export type Day = string;

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOf(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as a real calendar day (no `2026-02-31`). @throws DomainError invalid_date_range */
export function parseDay(value: string): Day {
  const match = DAY_PATTERN.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  throw new DomainError("invalid_date_range", `'${value}' is not a valid date (YYYY-MM-DD).`);
}

export function addDays(day: Day, count: number): Day {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS));
}

export function daysBetween(start: Day, end: Day): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

/** An inclusive range of UTC days, at most {@link MAX_RANGE_DAYS} long. */
export interface DayRange {
  readonly start: Day;
  readonly end: Day;
}

/** @throws DomainError invalid_date_range when inverted or longer than 366 days */
export function dayRange(start: Day, end: Day): DayRange {
  const span = daysBetween(start, end);
  if (span < 0) throw new DomainError("invalid_date_range", "The start date is after the end date.");
  if (span + 1 > MAX_RANGE_DAYS) {
    throw new DomainError("invalid_date_range", `A date range may cover at most ${MAX_RANGE_DAYS} days.`);
  }
  return { start, end };
}

/** The range's days in order. */
export function daysOf(range: DayRange): Day[] {
  const length = daysBetween(range.start, range.end) + 1;
  return Array.from({ length }, (_, index) => addDays(range.start, index));
}

/** The default analytics range: the 30 days ending today. */
export function lastDays(today: Day, count: number): DayRange {
  return { start: addDays(today, -(count - 1)), end: today };
}
