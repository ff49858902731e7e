import type { ShortUrls } from "../../../application/short-urls.js";
import type { Link } from "../../../domain/link/link.js";

/** The `body` of a successful shorten: the seed's three fields. */
export function shortenedJson(link: Link, urls: ShortUrls) {
  return { short_url: urls.shortUrl(link), track_url: urls.trackingUrl(link), tracking_id: link.id };
}
