import type { ShortUrls } from "../../../application/short-urls.js";
import type { Link } from "../../../domain/link/link.js";

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
