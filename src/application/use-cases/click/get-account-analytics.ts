import { LINK_DIMENSION, OVERFLOW_VALUE } from "../../../domain/click/click.js";
import { type NamedCount, sortedCounts, toClickStats } from "../../../domain/click/click-counts.js";
import { type AccountScope, scopeId } from "../../../domain/click/click-scope.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { parseTag } from "../../../domain/link/link-metadata.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import { type AccessRequest, requireDomain, requireScope } from "../../services/key-access-guard.js";
import type { LinkClicks } from "../../services/link-clicks.js";
import type { ShortUrls } from "../../short-urls.js";
import type { AccountAnalyticsView, TopLinkView } from "../../views/account-analytics-view.js";

/** How many links `top_links` lists at most. */
export const TOP_LINKS = 20;

export interface AccountAnalyticsRequest extends AccessRequest {
  readonly accountId: string;
  /** First day, `YYYY-MM-DD` (UTC); default 29 days before `end`. */
  readonly start?: string;
  /** Last day, inclusive; default today (UTC). */
  readonly end?: string;
  /** Only clicks of links carrying this tag (when they were clicked). */
  readonly tag?: string;
  /** Only clicks of links on this domain. */
  readonly domain?: string;
}

/**
 * Clicks of all the account's links, or of those with one tag or on one domain, over an inclusive UTC day
 * range, with its most clicked links. Read from the scope's counters, which every ClickStore keeps as clicks
 * are stored, so it costs the same for one link or a million: one query of the range, and at most a page of
 * link reads for `top_links`. A link's tags count as they were at each click: moving a tag on or off a link
 * changes where its clicks count from then on, never before. Clicks of links deleted since stay in the
 * totals; deleted links are left out of `top_links`.
 */
export class GetAccountAnalytics {
  constructor(
    private readonly links: LinkRepository,
    private readonly clicks: LinkClicks,
    private readonly urls: ShortUrls,
  ) {}

  /**
   * A domain-limited key reads the analytics of one of its domains only (`domain` required): account and tag
   * counters span every domain.
   * @throws DomainError invalid_date_range, invalid_request (a bad tag, or both tag and domain), forbidden
   */
  async execute(request: AccountAnalyticsRequest): Promise<AccountAnalyticsView> {
    requireScope(request.access, "analytics:read");
    if (request.access?.domains != null) {
      if (request.domain === undefined) {
        throw new DomainError(
          "forbidden",
          "This API key is limited to some domains: ask for the analytics of one of them with domain.",
        );
      }
      requireDomain(request.access, request.domain);
    }
    const { range, counts } = await this.clicks.countsOf(
      scopeId(scopeOf(request)),
      request.start,
      request.end,
    );
    const ranked = sortedCounts(counts.dimensions.get(LINK_DIMENSION)).filter(
      (entry) => entry.name !== OVERFLOW_VALUE,
    );
    return { ...toClickStats(range, counts), topLinks: await this.topLinks(request.accountId, ranked) };
  }

  /** The first {@link TOP_LINKS} ranked links that still exist, read a page at a time. */
  private async topLinks(accountId: string, ranked: readonly NamedCount[]): Promise<TopLinkView[]> {
    const top: TopLinkView[] = [];
    for (let from = 0; from < ranked.length && top.length < TOP_LINKS; from += TOP_LINKS) {
      const page = ranked.slice(from, from + TOP_LINKS);
      const found = await Promise.all(page.map((entry) => this.links.findById(entry.name)));
      found.forEach((link, index) => {
        const clicks = page[index]?.clicks ?? 0;
        if (link === null || link.accountId !== accountId || top.length >= TOP_LINKS) return;
        top.push({ id: link.id, shortUrl: this.urls.shortUrl(link), clicks });
      });
    }
    return top;
  }
}

function scopeOf(request: AccountAnalyticsRequest): AccountScope {
  const { accountId, tag, domain } = request;
  if (tag !== undefined && domain !== undefined) {
    throw new DomainError("invalid_request", "Give tag or domain, not both.");
  }
  if (tag !== undefined) return { accountId, tag: parseTag(tag) };
  if (domain !== undefined) return { accountId, domain: domain.toLowerCase() };
  return { accountId };
}
