import type { ShortUrls } from "../../../application/short-urls.js";
import type { ClickStats } from "../../../domain/click/click-counts.js";
import { type CustomDomain, verificationRecord } from "../../../domain/custom-domain/custom-domain.js";
import type { Link } from "../../../domain/link/link.js";
import { countryName } from "../http/country-names.js";

/** The v1 link object (spec §3). */
export function linkJson(link: Link, urls: ShortUrls) {
  return {
    id: link.id,
    short_url: urls.shortUrl(link),
    long_url: link.destination,
    domain: link.domain,
    slug: link.slug,
    status: link.status,
    password_protected: link.passwordHash !== null,
    expires_at: link.expiresAt?.toISOString() ?? null,
    max_clicks: link.maxClicks,
    tracking_url: urls.trackingUrl(link),
    created_at: link.createdAt.toISOString(),
    updated_at: link.updatedAt.toISOString(),
  };
}

/** The v1 custom domain object. */
export function domainJson(domain: CustomDomain) {
  return {
    hostname: domain.hostname,
    status: domain.status,
    verification: verificationRecord(domain),
    created_at: domain.createdAt.toISOString(),
  };
}

/** The v1 analytics object; countries carry their English name and ISO code. */
export function analyticsJson(linkId: string, stats: ClickStats) {
  return {
    link_id: linkId,
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
