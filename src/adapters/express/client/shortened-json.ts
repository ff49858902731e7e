import type { LinkView } from "../../../application/views/link-view.js";

/** The `body` of a successful shorten: the seed's three fields. */
export function shortenedJson(link: LinkView) {
  return { short_url: link.shortUrl, track_url: link.trackingUrl, tracking_id: link.id };
}
