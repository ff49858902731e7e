import { isGone } from "../../../domain/link/link.js";
import { decide, minuteWindow } from "../../../domain/rate-limit/rate-window.js";
import type { RateLimiter } from "../../ports/rate-limiter.js";
import type { Clock, KeyHasher } from "../../ports/technical.js";
import type { ServedLinks } from "../../services/served-links.js";
import type { HexlinkSettings } from "../../settings.js";
import type { ShortUrls } from "../../short-urls.js";

/** What a QR code request finds: the short URL to draw, or the answer the link itself would give. */
export type QrLookup =
  | { readonly kind: "found"; readonly shortUrl: string; readonly linkId: string; readonly updatedAt: Date }
  | { readonly kind: "not_found" }
  | { readonly kind: "gone" }
  | { readonly kind: "rate_limited"; readonly retryAfterSeconds: number };

/** What counts QR requests per client address: the shared limiter, so the limit holds across instances. */
export interface QrRequestLimit {
  readonly limiter: RateLimiter;
  readonly hasher: KeyHasher;
  readonly settings: Pick<HexlinkSettings, "qrCodesPerMinute">;
}

/**
 * The short URL a QR code for (host, slug) shows; a disabled or gone link has none, as its redirect says.
 * A QR code is drawn for anyone, so requests are counted per client address: past `qrCodesPerMinute` in a
 * minute (across every instance sharing the limiter) the address is refused until the minute ends.
 */
export class FindQrLink {
  constructor(
    private readonly served: ServedLinks,
    private readonly shortUrls: ShortUrls,
    private readonly clock: Clock,
    private readonly limit?: QrRequestLimit,
  ) {}

  async execute(request: {
    readonly host: string;
    readonly slug: string;
    /** The client's address; when given, the request counts against its per-minute limit. */
    readonly client?: string;
  }): Promise<QrLookup> {
    if (request.client !== undefined && this.limit !== undefined) {
      const refused = await this.spend(this.limit, request.client);
      if (refused !== null) return refused;
    }
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

  private async spend(limit: QrRequestLimit, client: string): Promise<QrLookup | null> {
    const now = this.clock.now();
    const window = minuteWindow(now, limit.settings.qrCodesPerMinute);
    // The address is hashed: counters in a shared store never hold a client's IP.
    const counts = await limit.limiter.consume(`qr:${limit.hasher.hash(client)}`, [window]);
    const decision = decide([window], counts, now);
    return decision.allowed ? null : { kind: "rate_limited", retryAfterSeconds: decision.resetSeconds };
  }
}
