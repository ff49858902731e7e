import type { KeyAccess } from "../../../domain/api-key/key-access.js";
import { claimHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { Link, LinkStatus } from "../../../domain/link/link.js";
import { parseSearch, parseTags } from "../../../domain/link/link-metadata.js";
import type { LinkPage, LinkQuery, LinkRepository, ListPosition } from "../../ports/link-repository.js";
import {
  type AccessRequest,
  reachesDomain,
  requireDomain,
  requireScope,
} from "../../services/key-access-guard.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

export interface ListLinksInput extends AccessRequest {
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

/** Store pages a domain-limited key's listing reads at most to fill one page of its own links. */
const LIMITED_LIST_READS = 5;

/**
 * An account's links, newest first, a page at a time; a domain-limited key lists only its domains' links.
 * @throws DomainError invalid_request; forbidden without links:read or for a domain the key is not limited to
 */
export class ListLinks {
  constructor(
    private readonly links: LinkRepository,
    private readonly urls: ShortUrls,
  ) {}

  async execute(input: ListLinksInput): Promise<LinkList> {
    requireScope(input.access, "links:read");
    if (input.domain !== undefined) requireDomain(input.access, input.domain);
    const limit = input.limit ?? LIST_LIMIT_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
      throw new DomainError("invalid_request", `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`);
    }
    const domain = input.domain?.toLowerCase() ?? this.onlyDomainOf(input.access);
    const query: LinkQuery = {
      limit,
      after: input.cursor === undefined ? null : decodeCursor(input.cursor),
      ...(domain === undefined ? {} : { domain }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.tags === undefined || input.tags.length === 0 ? {} : { tags: parseTags(input.tags) }),
      ...(input.search === undefined || input.search === "" ? {} : { search: parseSearch(input.search) }),
    };
    const page =
      input.access?.domains == null || domain !== undefined
        ? await this.links.listByAccount(input.accountId, query)
        : await this.limitedPage(input, query);
    return {
      links: page.links.map((link) => toLinkView(link, this.urls)),
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    };
  }

  /** The link domain of a key limited to one domain: the store then filters by it (links keep a port). */
  private onlyDomainOf(access: KeyAccess | undefined): string | undefined {
    const [only, ...more] = access?.domains ?? [];
    if (only === undefined || more.length > 0) return undefined;
    return only === claimHostname(this.urls.defaultDomain) ? this.urls.defaultDomain : only;
  }

  /**
   * The links of a key's several domains among the next store pages: a few pages are read to fill one (the
   * port allows a short page with a cursor, so sparse domains answer short pages rather than scanning on).
   */
  private async limitedPage(input: ListLinksInput, query: LinkQuery): Promise<LinkPage> {
    const found: Link[] = [];
    let after = query.after;
    for (let read = 0; read < LIMITED_LIST_READS && found.length < query.limit; read++) {
      const page = await this.links.listByAccount(input.accountId, { ...query, after });
      for (const link of page.links) {
        if (!reachesDomain(input.access, link.domain)) continue;
        found.push(link);
        if (found.length === query.limit)
          return { links: found, next: { createdAt: link.createdAt, id: link.id } };
      }
      if (page.next === null) return { links: found, next: null };
      after = page.next;
    }
    return { links: found, next: after };
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
