import type { LinkRepository } from "../../ports/link-repository.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import type { LinkClicks } from "../../services/link-clicks.js";
import { findOwnedLink } from "../../services/owned-link.js";
import type { ShortUrls } from "../../short-urls.js";
import { type AnalyticsView, toAnalyticsView } from "../../views/analytics-view.js";

export { DEFAULT_ANALYTICS_DAYS } from "../../services/link-clicks.js";

/** Clicks of one of the account's links over an inclusive UTC day range (default: the last 30 days). */
export class GetLinkAnalytics {
  constructor(
    private readonly links: LinkRepository,
    private readonly clicks: LinkClicks,
    private readonly urls: ShortUrls,
  ) {}

  /** @throws DomainError link_not_found, invalid_date_range, forbidden (analytics:read) */
  async execute(
    request: AccessRequest & {
      readonly accountId: string;
      readonly linkId: string;
      /** First day, `YYYY-MM-DD` (UTC). */
      readonly start?: string;
      /** Last day, inclusive. */
      readonly end?: string;
    },
  ): Promise<AnalyticsView> {
    requireScope(request.access, "analytics:read");
    const link = await findOwnedLink(this.links, request.accountId, request.linkId, request.access);
    return toAnalyticsView(link, this.urls, await this.clicks.stats(link.id, request.start, request.end));
  }
}
