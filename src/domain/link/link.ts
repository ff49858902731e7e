import { DomainError } from "../errors/domain-error.js";
import type { RedirectRule } from "./redirect-rules.js";
import type { SplitVariant } from "./split-variants.js";

export type LinkStatus = "active" | "disabled";

/** A short link: identity is (domain, slug); `id` is the stable, unguessable handle. */
export interface Link {
  readonly id: string;
  readonly accountId: string;
  readonly domain: string;
  readonly slug: string;
  readonly destination: string;
  readonly status: LinkStatus;
  readonly passwordHash: string | null;
  readonly expiresAt: Date | null;
  readonly maxClicks: number | null;
  /** Free text for people (see `parseTitle`), or null. */
  readonly title: string | null;
  /** Distinct lower-case tags (see `parseTags`), in the order given. */
  readonly tags: readonly string[];
  /** Redirects consumed so far; kept exact for `maxClicks`. */
  readonly clickCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Redirect rules, first match wins (spec §8); empty for a link that always goes to `destination`. */
  readonly rules: readonly RedirectRule[];
  /** A split test when not empty: 2–10 variants whose weights sum to 100. */
  readonly variants: readonly SplitVariant[];
}

/** Where a link stands at one instant, all rules folded into one answer. */
export type LinkState = "active" | "disabled" | "expired" | "exhausted";

export const LINK_ID_PREFIX = "lnk_";
export const LINK_ID_PATTERN = /^lnk_[A-Za-z0-9_-]{21}$/;

export function linkStateAt(link: Link, now: Date): LinkState {
  if (link.status === "disabled") return "disabled";
  if (isGone(link, now)) return link.expiresAt !== null && link.expiresAt <= now ? "expired" : "exhausted";
  return "active";
}

/** Gone: past its expiry or out of clicks. A gone link answers 410, never redirects. */
export function isGone(link: Link, now: Date): boolean {
  if (link.expiresAt !== null && link.expiresAt.getTime() <= now.getTime()) return true;
  return link.maxClicks !== null && link.clickCount >= link.maxClicks;
}

/** The fields an owner may change. `undefined` leaves a field as it is. */
export interface LinkChanges {
  readonly destination?: string;
  readonly slug?: string;
  readonly passwordHash?: string | null;
  readonly expiresAt?: Date | null;
  readonly maxClicks?: number | null;
  readonly status?: LinkStatus;
  readonly title?: string | null;
  readonly tags?: readonly string[];
  readonly rules?: readonly RedirectRule[];
  readonly variants?: readonly SplitVariant[];
}

// A gone link may be revived by a new expiry or click budget; other edits on it make no sense.
const REVIVING_FIELDS: ReadonlySet<keyof LinkChanges> = new Set(["expiresAt", "maxClicks"]);

/**
 * Applies changes to a link under its rules.
 * @throws DomainError edit_not_allowed when a gone link is edited beyond its expiry or click budget
 */
export function applyLinkChanges(link: Link, changes: LinkChanges, now: Date): Link {
  const touched = (Object.keys(changes) as (keyof LinkChanges)[]).filter((key) => changes[key] !== undefined);
  if (isGone(link, now) && touched.some((key) => !REVIVING_FIELDS.has(key))) {
    throw new DomainError(
      "edit_not_allowed",
      "This link has expired; only its expires_at and max_clicks can be changed.",
    );
  }
  return {
    ...link,
    destination: changes.destination ?? link.destination,
    slug: changes.slug ?? link.slug,
    passwordHash: changes.passwordHash === undefined ? link.passwordHash : changes.passwordHash,
    expiresAt: changes.expiresAt === undefined ? link.expiresAt : changes.expiresAt,
    maxClicks: changes.maxClicks === undefined ? link.maxClicks : changes.maxClicks,
    status: changes.status ?? link.status,
    title: changes.title === undefined ? link.title : changes.title,
    tags: changes.tags ?? link.tags,
    rules: changes.rules ?? link.rules,
    variants: changes.variants ?? link.variants,
    updatedAt: now,
  };
}

/** @throws DomainError invalid_request when max_clicks is not a positive whole number */
export function checkMaxClicks(value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new DomainError("invalid_request", "max_clicks must be a whole number of at least 1.");
  }
  return value;
}

/** @throws DomainError invalid_request when a new expiry is not in the future */
export function checkExpiry(value: Date | null, now: Date): Date | null {
  if (value === null) return null;
  if (Number.isNaN(value.getTime()))
    throw new DomainError("invalid_request", "expires_at is not a valid date.");
  if (value.getTime() <= now.getTime()) {
    throw new DomainError("invalid_request", "expires_at must be in the future.");
  }
  return value;
}

export const PASSWORD_MAX_LENGTH = 1024;

/** @throws DomainError invalid_request for an empty or oversized password */
export function parseLinkPassword(value: string): string {
  if (value.length === 0 || value.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError("invalid_request", `A password must be 1 to ${PASSWORD_MAX_LENGTH} characters.`);
  }
  return value;
}
