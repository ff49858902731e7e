import type { ClickStats } from "../../../domain/click/click-counts.js";
import { type LinkState, linkStateAt } from "../../../domain/link/link.js";
import { targetsOf } from "../../../domain/link/redirect-target.js";
import { type TargetCount, targetCounts } from "../../../domain/link/target-counts.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { Clock } from "../../ports/technical.js";
import type { LinkClicks } from "../../services/link-clicks.js";
import { linkNotFound } from "../../services/owned-link.js";
import type { ShortUrls } from "../../short-urls.js";

/** What the public tracking page shows of a link. */
export interface TrackingPageView {
  readonly linkId: string;
  readonly slug: string;
  readonly shortUrl: string;
  /** `null` unless the link is active and has no password: the page never reveals more than the link does. */
  readonly destination: string | null;
  readonly status: LinkState;
  readonly createdAt: Date;
  readonly stats: ClickStats;
  /** Clicks per target (spec §8); their URLs only when `destination` is shown, else null. */
  readonly targets: readonly TargetCount[];
}

/** The public tracking page of a link, which its unguessable id authorises. */
export class GetTrackingPage {
  constructor(
    private readonly links: LinkRepository,
    private readonly clicks: LinkClicks,
    private readonly shortUrls: ShortUrls,
    private readonly clock: Clock,
  ) {}

  /** @throws DomainError link_not_found, invalid_date_range */
  async execute(request: {
    readonly linkId: string;
    readonly start?: string;
    readonly end?: string;
  }): Promise<TrackingPageView> {
    const link = await this.links.findById(request.linkId);
    if (link === null) throw linkNotFound();
    const stats = await this.clicks.stats(link.id, request.start, request.end);
    const status = linkStateAt(link, this.clock.now());
    const shown = status === "active" && link.passwordHash === null;
    const targets = targetCounts(targetsOf(link), stats.breakdown.target);
    return {
      linkId: link.id,
      slug: link.slug,
      shortUrl: this.shortUrls.shortUrl(link),
      destination: shown ? link.destination : null,
      status,
      createdAt: link.createdAt,
      stats,
      targets: shown ? targets : targets.map((target) => ({ ...target, url: null })),
    };
  }
}
