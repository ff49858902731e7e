import { type ClickCounts, type ClickStats, toClickStats } from "../../domain/click/click-counts.js";
import { type DayRange, dayOf, dayRange, lastDays, parseDay } from "../../domain/time/day.js";
import type { ClickStore } from "../ports/click-store.js";
import type { Clock } from "../ports/technical.js";

export const DEFAULT_ANALYTICS_DAYS = 30;

/** A link's clicks over an inclusive UTC day range given as optional `YYYY-MM-DD` ends (default: 30 days). */
export class LinkClicks {
  constructor(
    private readonly clicks: ClickStore,
    private readonly clock: Clock,
  ) {}

  /** @throws DomainError invalid_date_range */
  async stats(linkId: string, start?: string, end?: string): Promise<ClickStats> {
    const { range, counts } = await this.countsOf(linkId, start, end);
    return toClickStats(range, counts);
  }

  /** The stored counts of a link or scope id over the range, as the store answers them. */
  async countsOf(
    id: string,
    start?: string,
    end?: string,
  ): Promise<{ range: DayRange; counts: ClickCounts }> {
    const range = this.rangeOf(start, end);
    return { range, counts: await this.clicks.query(id, range) };
  }

  private rangeOf(start: string | undefined, end: string | undefined): DayRange {
    const fallback = lastDays(dayOf(this.clock.now()), DEFAULT_ANALYTICS_DAYS);
    if (start === undefined && end === undefined) return fallback;
    const last = end === undefined ? fallback.end : parseDay(end);
    const first = start === undefined ? lastDays(last, DEFAULT_ANALYTICS_DAYS).start : parseDay(start);
    return dayRange(first, last);
  }
}
