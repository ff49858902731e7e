import { DomainError } from "../../../domain/errors/domain-error.js";
import { normaliseHost } from "../../../domain/link/hostname.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import { type AccessRequest, reachesDomain, requireScope } from "../../services/key-access-guard.js";
import type { ShortUrls } from "../../short-urls.js";
import { type LinkView, toLinkView } from "../../views/link-view.js";

/** Reads one of the account's links by its short URL (`https://sho.rt/slug`, scheme optional). */
export class GetLinkByShortUrl {
  constructor(
    private readonly links: LinkRepository,
    private readonly urls: ShortUrls,
  ) {}

  /** @throws DomainError link_not_found (code LI16 in the client API), forbidden (links:read) */
  async execute({
    accountId,
    shortUrl,
    access,
  }: AccessRequest & {
    readonly accountId: string;
    readonly shortUrl: string;
  }): Promise<LinkView> {
    requireScope(access, "links:read");
    const notFound = new DomainError("link_not_found", "No link with this short URL exists.");
    let url: URL;
    let slug: string;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(shortUrl) ? shortUrl : `http://${shortUrl}`);
      slug = decodeURIComponent(url.pathname.slice(1)).replace(/\/$/, "");
    } catch {
      // An unparsable URL or a malformed %-escape names no link.
      throw notFound;
    }
    const link = await this.links.findBySlug(normaliseHost(url.host), slug);
    if (link === null || link.accountId !== accountId || !reachesDomain(access, link.domain)) throw notFound;
    return toLinkView(link, this.urls);
  }
}
