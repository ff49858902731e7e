import type { ClickStats } from "../../domain/click/click-counts.js";
import type { Link } from "../../domain/link/link.js";
import type { ShortUrls } from "../short-urls.js";

/** One link's clicks over an inclusive UTC day range, with the link's id and short URL. */
export interface AnalyticsView extends ClickStats {
  readonly linkId: string;
  readonly shortUrl: string;
}

/** The view of a link's click statistics. */
export function toAnalyticsView(link: Link, urls: ShortUrls, stats: ClickStats): AnalyticsView {
  return { linkId: link.id, shortUrl: urls.shortUrl(link), ...stats };
}
