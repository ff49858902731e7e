import type { AccountAnalyticsView } from "../../../application/views/account-analytics-view.js";
import type { AnalyticsView } from "../../../application/views/analytics-view.js";
import type { ClickStats } from "../../../domain/click/click-counts.js";
import { countryName } from "../views/country-name.js";
import { targetsJson } from "./link-targets-json.js";

/** The v1 analytics object; countries carry their English name and ISO code. */
export function analyticsJson(stats: AnalyticsView) {
  return { link_id: stats.linkId, ...statsJson(stats), targets: targetsJson(stats.targets) };
}

/** The v1 account analytics object (§7): the analytics object without `link_id`, plus `top_links`. */
export function accountAnalyticsJson(stats: AccountAnalyticsView) {
  return {
    ...statsJson(stats),
    // Across links a target is only a name (`rule:1` of one link is not another's): counted by name, no URL.
    targets: stats.breakdown.target.map(({ name, clicks }) => ({ name, url: null, clicks })),
    top_links: stats.topLinks.map((link) => ({ id: link.id, short_url: link.shortUrl, clicks: link.clicks })),
  };
}

function statsJson(stats: ClickStats) {
  return {
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
  };
}
