import { LRUCache } from "lru-cache";
import type { QrFormat } from "./qr.js";
import type { QrRenderer } from "./qr-renderer.js";

/** The link a QR code draws, as FindQrLink finds it. */
export interface QrLink {
  readonly linkId: string;
  readonly updatedAt: Date;
  readonly shortUrl: string;
}

interface Drawing {
  readonly text: string;
  readonly format: QrFormat;
  readonly size: number;
}

/** Bytes of drawn QR codes kept by default: thousands of codes (a 1024 px PNG is about 7 KB). */
export const QR_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Drawn QR codes, kept in a bounded LRU by link, version, format and size: a repeat request costs no drawing,
 * and a changed link (slug, domain: a new `updatedAt`) never gets an old code. Concurrent requests for one
 * code share one drawing.
 */
export class QrCodes {
  private readonly cache: LRUCache<string, Buffer, Drawing>;

  constructor(renderer: QrRenderer, maxBytes = QR_CACHE_BYTES) {
    this.cache = new LRUCache<string, Buffer, Drawing>({
      maxSize: maxBytes,
      sizeCalculation: (image, key) => image.byteLength + key.length,
      fetchMethod: (_key, _stale, { context }) => renderer.render(context.text, context.format, context.size),
    });
  }

  /** The code of `link` in `format`, `size` pixels wide (a size of `QR_SIZES`). @throws what the renderer throws */
  async image(link: QrLink, format: QrFormat, size: number): Promise<Buffer> {
    const key = `${link.linkId}\n${link.updatedAt.getTime()}\n${link.shortUrl}\n${format}\n${size}`;
    const image = await this.cache.fetch(key, { context: { text: link.shortUrl, format, size } });
    if (image === undefined) throw new Error("The QR code could not be drawn.");
    return image;
  }
}
