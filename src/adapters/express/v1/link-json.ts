import type { LinkView } from "../../../application/views/link-view.js";
import { rulesJson, variantsJson } from "./link-targets-json.js";

/** The v1 link object (spec §3). */
export function linkJson(link: LinkView) {
  return {
    id: link.id,
    short_url: link.shortUrl,
    long_url: link.destination,
    domain: link.domain,
    slug: link.slug,
    status: link.status,
    password_protected: link.passwordProtected,
    expires_at: link.expiresAt?.toISOString() ?? null,
    max_clicks: link.maxClicks,
    title: link.title,
    tags: [...link.tags],
    tracking_url: link.trackingUrl,
    created_at: link.createdAt.toISOString(),
    updated_at: link.updatedAt.toISOString(),
    rules: rulesJson(link.rules),
    variants: variantsJson(link.variants),
  };
}
