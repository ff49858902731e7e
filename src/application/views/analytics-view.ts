import type { ClickStats } from "../../domain/click/click-counts.js";
import type { Link } from "../../domain/link/link.js";
import { targetsOf } from "../../domain/link/redirect-target.js";
import { type TargetCount, targetCounts } from "../../domain/link/target-counts.js";
import type { ShortUrls } from "../short-urls.js";

/** One link's clicks over an inclusive UTC day range, with the link's id and short URL. */
export interface AnalyticsView extends ClickStats {
  readonly linkId: string;
  readonly shortUrl: string;
  /** Clicks per target of the link (spec §8): its rules, variants or default, and names it no longer has. */
  readonly targets: readonly TargetCount[];
}

/** The view of a link's click statistics. */
export function toAnalyticsView(link: Link, urls: ShortUrls, stats: ClickStats): AnalyticsView {
  return {
    linkId: link.id,
    shortUrl: urls.shortUrl(link),
    ...stats,
    targets: targetCounts(targetsOf(link), stats.breakdown.target),
  };
}
