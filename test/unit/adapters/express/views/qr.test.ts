import { afterAll, describe, expect, it } from "vitest";
import { clampQrSize } from "../../../../../src/adapters/express/views/qr.js";
import { QrCodes } from "../../../../../src/adapters/express/views/qr-codes.js";
import {
  QrRendererBusyError,
  WorkerQrRenderer,
} from "../../../../../src/adapters/express/views/qr-renderer.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("QR codes", () => {
  const renderer = new WorkerQrRenderer();
  afterAll(() => renderer.close());

  it("renders an SVG document of the asked size on the worker", async () => {
    const svg = (await renderer.render("https://hex.link/abc", "svg", 512)).toString("utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('width="512"');
    expect(svg).not.toMatch(/style=|<script/);
  });

  it("renders a PNG on the worker", async () => {
    const png = await renderer.render("https://hex.link/abc", "png", 256);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(256);
  });

  it("rejects text too long for a QR code, and keeps drawing after", async () => {
    await expect(renderer.render("x".repeat(5000), "png", 64)).rejects.toThrow(/too big/);
    expect((await renderer.render("https://hex.link/b", "png", 64)).readUInt32BE(16)).toBe(64);
  });

  it("refuses a drawing past its queue bound rather than queueing without end", async () => {
    const small = new WorkerQrRenderer(1);
    try {
      const first = small.render("https://hex.link/q", "png", 128);
      await expect(small.render("https://hex.link/r", "png", 128)).rejects.toBeInstanceOf(
        QrRendererBusyError,
      );
      expect((await first).readUInt32BE(16)).toBe(128);
    } finally {
      await small.close();
    }
  });

  it("brings the size to the smallest step at least as large, within 64–1024", () => {
    expect(clampQrSize(undefined)).toBe(256);
    expect(clampQrSize(Number.NaN)).toBe(256);
    expect(clampQrSize(1)).toBe(64);
    expect(clampQrSize(10_000)).toBe(1024);
    expect(clampQrSize(300.4)).toBe(512);
    expect(clampQrSize(256)).toBe(256);
    expect(clampQrSize(257)).toBe(512);
  });

  it("draws a code once per link version, format and size; a new version draws again", async () => {
    const drawn: string[] = [];
    const codes = new QrCodes({
      render: async (text, format, size) => {
        drawn.push(`${text} ${format} ${size}`);
        return Buffer.from(`${text} ${format} ${size}`);
      },
    });
    const link = { linkId: "l1", updatedAt: new Date(1000), shortUrl: "https://hex.link/a" };
    await Promise.all([codes.image(link, "png", 256), codes.image(link, "png", 256)]);
    await codes.image(link, "png", 256);
    await codes.image(link, "svg", 256);
    const moved = { ...link, updatedAt: new Date(2000), shortUrl: "https://hex.link/b" };
    expect((await codes.image(moved, "png", 256)).toString()).toBe("https://hex.link/b png 256");
    expect(drawn).toEqual([
      "https://hex.link/a png 256",
      "https://hex.link/a svg 256",
      "https://hex.link/b png 256",
    ]);
  });
});
