import { type ClickStats, toClickStats } from "../../domain/click/click-counts.js";
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
    const range = this.rangeOf(start, end);
    return toClickStats(range, await this.clicks.query(linkId, range));
  }

  private rangeOf(start: string | undefined, end: string | undefined): DayRange {
    const fallback = lastDays(dayOf(this.clock.now()), DEFAULT_ANALYTICS_DAYS);
    if (start === undefined && end === undefined) return fallback;
    const last = end === undefined ? fallback.end : parseDay(end);
    const first = start === undefined ? lastDays(last, DEFAULT_ANALYTICS_DAYS).start : parseDay(start);
    return dayRange(first, last);
  }
}
