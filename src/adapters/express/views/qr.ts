import QRCode from "qrcode";

/** Smallest QR code served, in pixels. */
export const QR_MIN_SIZE = 64;
/** Largest QR code served, in pixels. */
export const QR_MAX_SIZE = 1024;
/** QR code size when none (or no usable one) is asked for, in pixels. */
export const QR_DEFAULT_SIZE = 256;

/** Brings a requested QR size in pixels into [{@link QR_MIN_SIZE}, {@link QR_MAX_SIZE}], defaulting when unusable. */
export function clampQrSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return QR_DEFAULT_SIZE;
  return Math.min(QR_MAX_SIZE, Math.max(QR_MIN_SIZE, Math.round(size)));
}

function options(size: number | undefined) {
  return { errorCorrectionLevel: "M", margin: 2, width: clampQrSize(size) } as const;
}

/** Renders `text` as a QR code SVG document. @throws Error when the text is too long for a QR code */
export function qrSvg(text: string, size?: number): Promise<string> {
  return QRCode.toString(text, { ...options(size), type: "svg" });
}

/** Renders `text` as a QR code PNG image. @throws Error when the text is too long for a QR code */
export function qrPng(text: string, size?: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options(size), type: "png" });
}
