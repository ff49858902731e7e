import type { Link, LinkStatus } from "../../domain/link/link.js";
import type { RedirectRule } from "../../domain/link/redirect-rules.js";
import type { SplitVariant } from "../../domain/link/split-variants.js";

/** A link as stored in the `links` collection: every field of the link, its id as `_id`. */
export interface LinkDocument {
  _id: string;
  accountId: string;
  domain: string;
  slug: string;
  destination: string;
  status: LinkStatus;
  passwordHash: string | null;
  expiresAt: Date | null;
  maxClicks: number | null;
  /** Absent in documents written before titles. */
  title?: string | null;
  /** Absent in documents written before tags; a multikey index (`account_tag_newest`) serves tag filters. */
  tags?: string[];
  clickCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** Absent in documents written before rules existed (read as none). */
  rules?: RedirectRule[];
  variants?: SplitVariant[];
}

/** The document stored for a link. */
export function toLinkDocument(link: Link): LinkDocument {
  return {
    _id: link.id,
    accountId: link.accountId,
    domain: link.domain,
    slug: link.slug,
    destination: link.destination,
    status: link.status,
    passwordHash: link.passwordHash,
    expiresAt: link.expiresAt,
    maxClicks: link.maxClicks,
    title: link.title,
    tags: [...link.tags],
    clickCount: link.clickCount,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    rules: [...link.rules],
    variants: [...link.variants],
  };
}

/** The link a stored document holds. */
export function fromLinkDocument(document: LinkDocument): Link {
  return {
    id: document._id,
    accountId: document.accountId,
    domain: document.domain,
    slug: document.slug,
    destination: document.destination,
    status: document.status,
    passwordHash: document.passwordHash,
    expiresAt: document.expiresAt,
    maxClicks: document.maxClicks,
    title: document.title ?? null,
    tags: document.tags ?? [],
    clickCount: document.clickCount,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    rules: document.rules ?? [],
    variants: document.variants ?? [],
  };
}
