import { isGone } from "../../../domain/link/link.js";
import type { Clock } from "../../ports/technical.js";
import type { ServedLinks } from "../../services/served-links.js";
import type { ShortUrls } from "../../short-urls.js";

/** What a QR code request finds: the short URL to draw, or the answer the link itself would give. */
export type QrLookup =
  | { readonly kind: "found"; readonly shortUrl: string; readonly linkId: string; readonly updatedAt: Date }
  | { readonly kind: "not_found" }
  | { readonly kind: "gone" };

/** The short URL a QR code for (host, slug) shows; a disabled or gone link has none, as its redirect says. */
export class FindQrLink {
  constructor(
    private readonly served: ServedLinks,
    private readonly shortUrls: ShortUrls,
    private readonly clock: Clock,
  ) {}

  async execute(request: { readonly host: string; readonly slug: string }): Promise<QrLookup> {
    const { link } = await this.served.find(request.host, request.slug);
    if (link === null || link.status === "disabled") return { kind: "not_found" };
    if (isGone(link, this.clock.now())) return { kind: "gone" };
    return {
      kind: "found",
      shortUrl: this.shortUrls.shortUrl(link),
      linkId: link.id,
      updatedAt: link.updatedAt,
    };
  }
}
