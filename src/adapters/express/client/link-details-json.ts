import type { LinkView } from "../../../application/views/link-view.js";

/** The `body` of a successful `url/get`. */
export function linkDetailsJson(link: LinkView) {
  return {
    short_url: link.shortUrl,
    long_url: link.destination,
    track_url: link.trackingUrl,
    tracking_id: link.id,
  };
}
