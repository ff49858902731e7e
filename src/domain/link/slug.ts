import { DomainError } from "../errors/domain-error.js";

declare const slugBrand: unique symbol;
/** A validated back-half of a short URL. Case-sensitive. */
export type Slug = string & { readonly [slugBrand]: true };

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 64;
export const SLUG_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;

/** First path segments the server itself uses; refused as slugs whatever their case. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "v1",
  "v2",
  "client",
  "t",
  "docs",
  "openapi.json",
  "healthz",
  "readyz",
  "api",
  "admin",
  "static",
  "assets",
  "favicon.ico",
  "robots.txt",
  "metrics",
  "login",
  "logout",
  "app",
]);

export function isReservedSlug(value: string): boolean {
  return RESERVED_SLUGS.has(value.toLowerCase());
}

/** @throws DomainError invalid_slug */
export function parseSlug(value: string): Slug {
  if (!SLUG_PATTERN.test(value)) {
    throw new DomainError(
      "invalid_slug",
      `The slug must be ${SLUG_MIN_LENGTH} to ${SLUG_MAX_LENGTH} characters of A-Z, a-z, 0-9, '_' or '-'.`,
    );
  }
  if (isReservedSlug(value)) {
    throw new DomainError("invalid_slug", `The slug '${value}' is reserved.`);
  }
  return value as Slug;
}

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && !isReservedSlug(value);
}
