import { DomainError } from "../../../domain/errors/domain-error.js";
import type { LinkStatus } from "../../../domain/link/link.js";
import { parseSearch, parseTags } from "../../../domain/link/link-metadata.js";
import type { LinkRepository, ListPosition } from "../../ports/link-repository.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

export interface ListLinksInput {
  readonly accountId: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly domain?: string;
  readonly status?: LinkStatus;
  /** Only links having every one of these tags. */
  readonly tags?: readonly string[];
  /** Only links whose slug, destination or title holds this text, ignoring case. */
  readonly search?: string;
}

export interface LinkList {
  readonly links: readonly LinkView[];
  readonly nextCursor: string | null;
}

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 100;

/** An account's links, newest first, a page at a time. @throws DomainError invalid_request */
export class ListLinks {
  constructor(
    private readonly links: LinkRepository,
    private readonly urls: ShortUrls,
  ) {}

  async execute(input: ListLinksInput): Promise<LinkList> {
    const limit = input.limit ?? LIST_LIMIT_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
      throw new DomainError("invalid_request", `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`);
    }
    const page = await this.links.listByAccount(input.accountId, {
      limit,
      after: input.cursor === undefined ? null : decodeCursor(input.cursor),
      ...(input.domain === undefined ? {} : { domain: input.domain.toLowerCase() }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.tags === undefined || input.tags.length === 0 ? {} : { tags: parseTags(input.tags) }),
      ...(input.search === undefined || input.search === "" ? {} : { search: parseSearch(input.search) }),
    });
    return {
      links: page.links.map((link) => toLinkView(link, this.urls)),
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    };
  }
}

/** Cursors are opaque to clients: unpadded base64url of the ASCII text `<created ms>.<id>`. */
export function encodeCursor(position: ListPosition): string {
  // btoa/atob are the platform's base64 (Node and browsers); link ids are ASCII, so Latin-1 is exact.
  const base64 = btoa(`${position.createdAt.getTime()}.${position.id}`);
  return base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): ListPosition {
  const text = fromBase64Url(cursor);
  const match = /^(\d{1,15})\.(lnk_[A-Za-z0-9_-]{1,64})$/.exec(text);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new DomainError("invalid_request", "cursor is not one this API returned.");
  }
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}

function fromBase64Url(cursor: string): string {
  if (!/^[A-Za-z0-9_-]{0,200}$/.test(cursor)) return "";
  try {
    return atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return ""; // not base64 at all: refused below like any other foreign cursor
  }
}
