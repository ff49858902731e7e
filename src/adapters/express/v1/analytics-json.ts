import type { AnalyticsView } from "../../../application/views/analytics-view.js";
import { countryName } from "../views/country-name.js";
import { targetsJson } from "./link-targets-json.js";

/** The v1 analytics object; countries carry their English name and ISO code. */
export function analyticsJson(stats: AnalyticsView) {
  return {
    link_id: stats.linkId,
    start: stats.start,
    end: stats.end,
    total_clicks: stats.totalClicks,
    unique_clicks: stats.uniqueClicks,
    bot_clicks: stats.botClicks,
    timeseries: stats.timeseries,
    devices: stats.breakdown.device,
    os: stats.breakdown.os,
    browsers: stats.breakdown.browser,
    countries: stats.breakdown.country.map(({ name, clicks }) => ({
      name: countryName(name),
      code: name,
      clicks,
    })),
    referrers: stats.breakdown.referrer,
    targets: targetsJson(stats.targets),
  };
}
