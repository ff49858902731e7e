import type { ClickStats } from "../../../domain/click/click-counts.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { LinkClicks } from "../../services/link-clicks.js";
import { findOwnedLink } from "../../services/owned-link.js";

export { DEFAULT_ANALYTICS_DAYS } from "../../services/link-clicks.js";

/** Clicks of one of the account's links over an inclusive UTC day range (default: the last 30 days). */
export class GetLinkAnalytics {
  constructor(
    private readonly links: LinkRepository,
    private readonly clicks: LinkClicks,
  ) {}

  /** @throws DomainError link_not_found, invalid_date_range */
  async execute(accountId: string, linkId: string, start?: string, end?: string): Promise<ClickStats> {
    const link = await findOwnedLink(this.links, accountId, linkId);
    return this.clicks.stats(link.id, start, end);
  }
}
