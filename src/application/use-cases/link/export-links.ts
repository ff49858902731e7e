import { addDays, type Day, dayOf, dayRange, daysBetween, MAX_RANGE_DAYS } from "../../../domain/time/day.js";
import type { ClickStore } from "../../ports/click-store.js";
import type { Clock } from "../../ports/technical.js";
import type { LinkView } from "../../views/link-view.js";
import type { ListLinks, ListLinksInput } from "./list-links.js";

/** One exported link: its view and its human clicks since it was made. */
export interface ExportedLink {
  readonly link: LinkView;
  readonly totalClicks: number;
}

/** The filters of an export: those of the listing, without its paging. */
export type ExportLinksInput = Omit<ListLinksInput, "limit" | "cursor">;

/** Links read from the store per page; the export holds one page at a time. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * Every link of the account that matches the listing's filters, newest first, with its total clicks; an async
 * sequence read one page at a time as the consumer pulls, so an export of any size runs in constant memory
 * and at the pace of its reader. @throws DomainError invalid_request (bad filters), unavailable
 */
export class ExportLinks {
  constructor(
    private readonly listLinks: ListLinks,
    private readonly clicks: ClickStore,
    private readonly clock: Clock,
  ) {}

  async *execute(input: ExportLinksInput): AsyncGenerator<ExportedLink, void, undefined> {
    let cursor: string | null = null;
    do {
      const page = await this.listLinks.execute({
        ...input,
        limit: EXPORT_PAGE_SIZE,
        ...(cursor === null ? {} : { cursor }),
      });
      const totals = await Promise.all(page.links.map((link) => this.totalClicks(link)));
      for (const [index, link] of page.links.entries()) yield { link, totalClicks: totals[index] ?? 0 };
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  /** Human clicks from the link's first day to today, a range of at most 366 days at a time. */
  private async totalClicks(link: LinkView): Promise<number> {
    const today = dayOf(this.clock.now());
    let total = 0;
    for (let start: Day = dayOf(link.createdAt); start <= today; start = addDays(start, MAX_RANGE_DAYS)) {
      const end = daysBetween(start, today) < MAX_RANGE_DAYS ? today : addDays(start, MAX_RANGE_DAYS - 1);
      const counts = await this.clicks.query(link.id, dayRange(start, end));
      for (const day of counts.days.values()) total += day.clicks;
    }
    return total;
  }
}
