import type { Link, LinkStatus } from "../../domain/link/link.js";
import type { RedirectRule } from "../../domain/link/redirect-rules.js";
import type { SplitVariant } from "../../domain/link/split-variants.js";
import type { ShortUrls } from "../short-urls.js";

/** A link as the use cases return it: its public fields and URLs, never its password hash, owner or counter. */
export interface LinkView {
  readonly id: string;
  readonly shortUrl: string;
  /** The public tracking page, which the link's unguessable id authorises. */
  readonly trackingUrl: string;
  readonly destination: string;
  readonly domain: string;
  readonly slug: string;
  readonly status: LinkStatus;
  readonly passwordProtected: boolean;
  readonly expiresAt: Date | null;
  readonly maxClicks: number | null;
  readonly title: string | null;
  readonly tags: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Redirect rules, first match wins (values: plain data, no identity). */
  readonly rules: readonly RedirectRule[];
  readonly variants: readonly SplitVariant[];
}

/** The view of a stored link. */
export function toLinkView(link: Link, urls: ShortUrls): LinkView {
  return {
    id: link.id,
    shortUrl: urls.shortUrl(link),
    trackingUrl: urls.trackingUrl(link),
    destination: link.destination,
    domain: link.domain,
    slug: link.slug,
    status: link.status,
    passwordProtected: link.passwordHash !== null,
    expiresAt: link.expiresAt,
    maxClicks: link.maxClicks,
    title: link.title,
    tags: [...link.tags],
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    rules: link.rules,
    variants: link.variants,
  };
}
