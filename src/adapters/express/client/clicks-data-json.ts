import type { AnalyticsView } from "../../../application/views/analytics-view.js";
import type { Dimension } from "../../../domain/click/click.js";
import { type NamedCount, sortedCounts } from "../../../domain/click/click-counts.js";
import { countryName } from "../views/country-name.js";
import { formatClientDate } from "./client-date.js";

/** The `body` of a successful `clicksdata/*`: one breakdown, sorted by clicks, descending. */
export function clicksDataJson(stats: AnalyticsView, dimension: Dimension) {
  return {
    tracking_id: stats.linkId,
    start_date: formatClientDate(stats.start),
    end_date: formatClientDate(stats.end),
    short_url: stats.shortUrl,
    clicks_data:
      dimension === "country" ? byCountryName(stats.breakdown.country) : stats.breakdown[dimension],
  };
}

// Several codes may share a display name ("Unknown"), so counts are summed by name and sorted again.
function byCountryName(countries: readonly NamedCount[]): NamedCount[] {
  const byName = new Map<string, number>();
  for (const { name, clicks } of countries) {
    const display = countryName(name);
    byName.set(display, (byName.get(display) ?? 0) + clicks);
  }
  return sortedCounts(byName);
}
