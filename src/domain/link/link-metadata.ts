import { DomainError } from "../errors/domain-error.js";

export const TITLE_MAX_LENGTH = 200;
export const TAGS_MAX = 20;
export const TAG_MAX_LENGTH = 50;
const TAG_PATTERN = /^[a-z0-9_-]{1,50}$/;

/**
 * A link's title: at most {@link TITLE_MAX_LENGTH} characters (code points), no control characters; an empty
 * or blank title is no title.
 * @throws DomainError invalid_request
 */
export function parseTitle(value: string | null): string | null {
  if (value === null) return null;
  const title = value.trim();
  if (title.length === 0) return null;
  if ([...title].length > TITLE_MAX_LENGTH) {
    throw new DomainError("invalid_request", `title must be at most ${TITLE_MAX_LENGTH} characters.`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(title)) {
    throw new DomainError("invalid_request", "title must not contain control characters.");
  }
  return title;
}

/**
 * One tag, lower-cased: 1 to {@link TAG_MAX_LENGTH} of `[a-z0-9_-]`.
 * @throws DomainError invalid_request
 */
export function parseTag(value: string): string {
  const tag = value.toLowerCase();
  if (!TAG_PATTERN.test(tag)) {
    throw new DomainError(
      "invalid_request",
      `A tag must be 1 to ${TAG_MAX_LENGTH} characters of a-z, 0-9, '_' and '-'.`,
    );
  }
  return tag;
}

/**
 * A link's tags: each parsed by {@link parseTag}, duplicates (after lower-casing) kept once in their first
 * place, at most {@link TAGS_MAX} distinct.
 * @throws DomainError invalid_request
 */
export function parseTags(values: readonly string[]): readonly string[] {
  const tags = [...new Set(values.map(parseTag))];
  if (tags.length > TAGS_MAX) {
    throw new DomainError("invalid_request", `A link has at most ${TAGS_MAX} distinct tags.`);
  }
  return tags;
}

export const SEARCH_MAX_LENGTH = 200;

/** @throws DomainError invalid_request when a search text is longer than {@link SEARCH_MAX_LENGTH} */
export function parseSearch(value: string): string {
  if (value.length > SEARCH_MAX_LENGTH) {
    throw new DomainError("invalid_request", `q must be at most ${SEARCH_MAX_LENGTH} characters.`);
  }
  return value;
}

/** Whether a link's slug, destination or title holds `search`, ignoring case. */
export function matchesSearch(
  link: { readonly slug: string; readonly destination: string; readonly title: string | null },
  search: string,
): boolean {
  const needle = search.toLowerCase();
  return [link.slug, link.destination, link.title ?? ""].some((text) => text.toLowerCase().includes(needle));
}

/** Whether a link carries every one of `tags`. */
export function hasEveryTag(link: { readonly tags: readonly string[] }, tags: readonly string[]): boolean {
  return tags.every((tag) => link.tags.includes(tag));
}
