import type { ShortUrls } from "../../../application/short-urls.js";
import type { Link } from "../../../domain/link/link.js";

/** The `body` of a successful `url/get`. */
export function linkDetailsJson(link: Link, urls: ShortUrls) {
  return {
    short_url: urls.shortUrl(link),
    long_url: link.destination,
    track_url: urls.trackingUrl(link),
    tracking_id: link.id,
  };
}
