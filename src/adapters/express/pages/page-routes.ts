import type { Request } from "express";
import { z } from "zod";
import type { Hexlink } from "../../../application/hexlink.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import { pageRoutesOf } from "../routing/page-route.js";
import { countryName } from "../views/country-name.js";
import { genericErrorPage, gonePage, notFoundPage } from "../views/error-pages.js";
import { homePage } from "../views/home-page.js";
import { clampQrSize } from "../views/qr.js";
import type { QrCodes } from "../views/qr-codes.js";
import { QrRendererBusyError } from "../views/qr-renderer.js";
import { STYLESHEET, STYLESHEET_HASH, STYLESHEET_PATH } from "../views/stylesheet.js";
import { trackingPage } from "../views/tracking-page.js";
import { sendPage } from "./send-page.js";

/** The slice of hexlink the pages call. */
export type PageUseCases = Pick<Hexlink, "settings" | "getTrackingPage" | "findQrLink">;

/** What the pages need: the use cases, and the drawn QR codes (a cache in front of a renderer). */
export interface PageContext {
  readonly hexlink: PageUseCases;
  readonly qrCodes: QrCodes;
}

const trackingQuery = z.object({
  start: z.string().max(10).optional().describe("First day, YYYY-MM-DD; default 29 days before end."),
  end: z.string().max(10).optional().describe("Last day, YYYY-MM-DD; default today (UTC)."),
});
const qrQuery = z.object({
  format: z.enum(["svg", "png"]).default("svg"),
  size: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .optional()
    .describe(
      "Pixels, 64–1024, drawn at the smallest of 64, 128, 256, 512, 1024 at least that large; default 256.",
    ),
});

const isHead = (req: Request) => req.method === "HEAD";
const route = pageRoutesOf<PageContext>();

/** The pages people look at: the stylesheet, the server's root, tracking pages and QR codes. */
export const PAGE_ROUTES = [
  route({
    method: "get",
    path: STYLESHEET_PATH,
    summary: "The stylesheet of every HTML page",
    tag: "assets",
    responses: { "200": "CSS", "304": "not modified" },
    handle: (_hexlink, _input, req, res) => {
      res.set({
        "Content-Type": "text/css; charset=utf-8",
        "Cache-Control": "public, max-age=86400",
        ETag: `"${STYLESHEET_HASH}"`,
      });
      if (req.headers["if-none-match"] === `"${STYLESHEET_HASH}"`) return void res.status(304).end();
      res.send(STYLESHEET);
    },
  }),
  route({
    method: "get",
    path: "/",
    summary: "What runs here, with links to the API documentation",
    tag: "pages",
    responses: { "200": "HTML" },
    handle: ({ hexlink }, _input, req, res) =>
      sendPage(res, 200, homePage(hexlink.settings.baseUrl.origin), isHead(req)),
  }),
  route({
    method: "get",
    path: "/t/{id}",
    summary: "Tracking page with charts (?start, ?end as YYYY-MM-DD)",
    tag: "pages",
    // A bad range is ignored rather than refused: the page then shows the default range.
    query: trackingQuery,
    responses: { "200": "HTML", "400": "a range that is not one", "404": "unknown link" },
    handle: async ({ hexlink }, { params, query }, req, res) => {
      const view = await hexlink.getTrackingPage.execute({
        linkId: params.id,
        ...(query.success && query.data.start !== undefined ? { start: query.data.start } : {}),
        ...(query.success && query.data.end !== undefined ? { end: query.data.end } : {}),
      });
      const { stats } = view;
      const country = stats.breakdown.country.map((entry) => ({ ...entry, name: countryName(entry.name) }));
      const html = trackingPage({
        shortUrl: view.shortUrl,
        destination: view.destination,
        status: view.status,
        createdAt: view.createdAt.toISOString(),
        stats: { ...stats, breakdown: { ...stats.breakdown, country } },
        qrUrl: `/${encodeURIComponent(view.slug)}/qr`,
        formAction: `/t/${encodeURIComponent(view.linkId)}`,
        targets: view.targets,
      });
      sendPage(res, 200, html, isHead(req), { "X-Robots-Tag": "noindex, nofollow" });
    },
  }),
  route({
    method: "get",
    path: "/{slug}/qr",
    summary: "QR code of the short URL (SVG; ?format=png, ?size=64–1024)",
    tag: "redirects",
    query: qrQuery,
    responses: {
      "200": "image",
      "400": "bad QR request",
      "404": "unknown link",
      "410": "expired",
      "429": "too many QR requests from this address (Retry-After)",
      "503": "too many QR codes being drawn (Retry-After)",
    },
    handle: async ({ hexlink, qrCodes }, { params, query }, req, res) => {
      if (!isValidSlug(params.slug) || !query.success) {
        return sendPage(res, 400, genericErrorPage(400, "Bad QR request."));
      }
      const client = req.ip ?? req.socket.remoteAddress ?? "";
      const found = await hexlink.findQrLink.execute({
        host: req.headers.host ?? "",
        slug: params.slug,
        client,
      });
      if (found.kind === "rate_limited") {
        const message = `Too many QR code requests; retry in ${found.retryAfterSeconds} s.`;
        return sendPage(res, 429, genericErrorPage(429, message), isHead(req), {
          "Retry-After": String(found.retryAfterSeconds),
        });
      }
      // A disabled or gone link has no QR code either: it answers as its redirect does.
      if (found.kind === "not_found") return sendPage(res, 404, notFoundPage(), isHead(req));
      if (found.kind === "gone") return sendPage(res, 410, gonePage(), isHead(req));
      const { format } = query.data;
      const image = await qrCodes
        .image(found, format, clampQrSize(query.data.size))
        .catch((error: unknown) => {
          if (error instanceof QrRendererBusyError) return null;
          throw error;
        });
      if (image === null) {
        const message = "Too many QR codes are being drawn; try again shortly.";
        return sendPage(res, 503, genericErrorPage(503, message), isHead(req), { "Retry-After": "1" });
      }
      res.set({ "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" });
      res.type(format === "png" ? "image/png" : "image/svg+xml").send(image);
    },
  }),
];
