import type { ClickStats } from "../../domain/click/click-counts.js";

/** One of the links with the most clicks in an account analytics range. */
export interface TopLinkView {
  readonly id: string;
  readonly shortUrl: string;
  readonly clicks: number;
}

/** Clicks of an account's links (or those of one tag or domain) over an inclusive UTC day range. */
export interface AccountAnalyticsView extends ClickStats {
  /** At most `TOP_LINKS` links, most clicks first. */
  readonly topLinks: readonly TopLinkView[];
}
