/** Smallest QR code served, in pixels. */
export const QR_MIN_SIZE = 64;
/** Largest QR code served, in pixels. */
export const QR_MAX_SIZE = 1024;
/** QR code size when none (or no usable one) is asked for, in pixels. */
export const QR_DEFAULT_SIZE = 256;
/** The sizes drawn: a request takes the smallest at least as large, so a cache holds few sizes per link. */
export const QR_SIZES = [64, 128, 256, 512, 1024] as const;

export type QrFormat = "svg" | "png";

/**
 * Brings a requested QR size in pixels to the smallest of {@link QR_SIZES} at least as large (at most
 * {@link QR_MAX_SIZE}), defaulting when unusable.
 */
export function clampQrSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return QR_DEFAULT_SIZE;
  return QR_SIZES.find((step) => step >= size) ?? QR_MAX_SIZE;
}

/** How every QR code is drawn (the worker that draws them reads these too). */
export function qrOptions(size: number) {
  return { errorCorrectionLevel: "M", margin: 2, width: clampQrSize(size) } as const;
}
