import { describe, expect, it } from "vitest";
import { clampQrSize, qrPng, qrSvg } from "../../../../../src/adapters/express/views/qr.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("QR codes", () => {
  it("renders an SVG document of the asked size", async () => {
    const svg = await qrSvg("https://hex.link/abc", 300);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('width="300"');
    expect(svg).not.toMatch(/style=|<script/);
  });

  it("renders a PNG", async () => {
    const png = await qrPng("https://hex.link/abc");
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(256);
  });

  it("clamps the size to a sane range", () => {
    expect(clampQrSize(undefined)).toBe(256);
    expect(clampQrSize(Number.NaN)).toBe(256);
    expect(clampQrSize(1)).toBe(64);
    expect(clampQrSize(10_000)).toBe(1024);
    expect(clampQrSize(300.4)).toBe(300);
  });
});
