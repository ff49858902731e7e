import type { Link } from "../domain/link/link.js";
import type { HexlinkSettings } from "./settings.js";

/** The public URLs of a link: short URL on its domain, tracking page on the default domain. */
export class ShortUrls {
  constructor(private readonly settings: HexlinkSettings) {}

  /** The host (with its port, if any) of links on the default domain. */
  get defaultDomain(): string {
    return this.settings.defaultDomain;
  }

  shortUrl(link: Pick<Link, "domain" | "slug">): string {
    return `${this.settings.baseUrl.protocol}//${link.domain}/${link.slug}`;
  }

  trackingUrl(link: Pick<Link, "id">): string {
    return `${this.settings.baseUrl.origin}/t/${link.id}`;
  }
}
