import { type ClickStats, toClickStats } from "../../../domain/click/click-counts.js";
import type { Link } from "../../../domain/link/link.js";
import { type DayRange, dayOf, dayRange, lastDays, parseDay } from "../../../domain/time/day.js";
import type { ClickStore } from "../../ports/click-store.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock } from "../../ports/technical.js";
import { findOwnedLink, linkNotFound } from "../../services/owned-link.js";

export const DEFAULT_ANALYTICS_DAYS = 30;

/** Clicks of one of the account's links over an inclusive UTC day range (default: the last 30 days). */
export class GetLinkAnalytics {
  constructor(
    private readonly links: LinkRepository,
    private readonly clicks: ClickStore,
    private readonly clock: Clock,
  ) {}

  /** @throws DomainError link_not_found, invalid_date_range */
  async execute(accountId: string, linkId: string, start?: string, end?: string): Promise<ClickStats> {
    const link = await findOwnedLink(this.links, accountId, linkId);
    return this.forLink(link.id, start, end);
  }

  /**
   * The link and its clicks for the public tracking page, which its unguessable id authorises.
   * @throws DomainError link_not_found, invalid_date_range
   */
  async forTrackingPage(
    linkId: string,
    start?: string,
    end?: string,
  ): Promise<{ link: Link; stats: ClickStats }> {
    const link = await this.links.findById(linkId);
    if (link === null) throw linkNotFound();
    return { link, stats: await this.forLink(link.id, start, end) };
  }

  private async forLink(linkId: string, start?: string, end?: string): Promise<ClickStats> {
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
