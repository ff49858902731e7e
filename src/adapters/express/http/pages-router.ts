import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { Hexlink } from "../../../application/hexlink.js";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import { genericErrorPage, gonePage, notFoundPage } from "../pages/error-pages.js";
import { homePage } from "../pages/home-page.js";
import { clampQrSize, qrPng, qrSvg } from "../pages/qr.js";
import { STYLESHEET, STYLESHEET_HASH, STYLESHEET_PATH } from "../pages/stylesheet.js";
import { trackingPage } from "../pages/tracking-page.js";
import { countryName } from "./country-names.js";
import { sendPage } from "./page-headers.js";
import { type RedirectOptions, serveRedirect } from "./serve-redirect.js";

const trackingQuery = z.object({ start: z.string().max(10).optional(), end: z.string().max(10).optional() });
const qrQuery = z.object({
  format: z.enum(["svg", "png"]).default("svg"),
  size: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .optional(),
});
const passwordForm = z.object({ password: z.string().max(1024) });

/** The pages people look at: short links, the password form, tracking pages, QR codes, the stylesheet. */
export function pagesRouter(hexlink: Hexlink, redirectStatus: number): Router {
  const router = Router();
  const isHead = (req: Request) => req.method === "HEAD";

  router.get(STYLESHEET_PATH, (req, res) => {
    res.set({
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      ETag: `"${STYLESHEET_HASH}"`,
    });
    if (req.headers["if-none-match"] === `"${STYLESHEET_HASH}"`) return void res.status(304).end();
    res.send(STYLESHEET);
  });

  router.get("/", (req, res) => {
    sendPage(res, 200, homePage(hexlink.settings.baseUrl.origin), isHead(req));
  });

  router.get("/t/:id", async (req, res) => {
    const query = trackingQuery.safeParse(req.query);
    try {
      const view = await hexlink.getTrackingPage.execute({
        linkId: String(req.params.id),
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
      });
      sendPage(res, 200, html, isHead(req), { "X-Robots-Tag": "noindex, nofollow" });
    } catch (error) {
      pageError(res, error, isHead(req));
    }
  });

  router.get("/:slug/qr", async (req, res) => {
    const query = qrQuery.safeParse(req.query);
    if (!isValidSlug(req.params.slug) || !query.success) {
      return sendPage(res, 400, genericErrorPage(400, "Bad QR request."));
    }
    try {
      const found = await hexlink.findQrLink.execute({ host: req.headers.host ?? "", slug: req.params.slug });
      // A disabled or gone link has no QR code either: it answers as its redirect does.
      if (found.kind === "not_found") return sendPage(res, 404, notFoundPage(), isHead(req));
      if (found.kind === "gone") return sendPage(res, 410, gonePage(), isHead(req));
      const url = found.shortUrl;
      const size = clampQrSize(query.data.size);
      res.set({ "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" });
      if (query.data.format === "png") res.type("image/png").send(await qrPng(url, size));
      else res.type("image/svg+xml").send(await qrSvg(url, size));
    } catch (error) {
      pageError(res, error, isHead(req));
    }
  });

  router.get("/:slug", (req, res) => serveFromExpress(req, res, undefined));
  router.post(
    "/:slug",
    express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 5 }),
    (req, res) => {
      const form = passwordForm.safeParse(req.body ?? {});
      return serveFromExpress(req, res, form.success ? form.data.password : "");
    },
  );

  function serveFromExpress(
    req: Request,
    res: Response,
    password: string | undefined,
  ): Promise<void> | undefined {
    const slug = String(req.params.slug);
    if (!isValidSlug(slug)) return void sendPage(res, 404, notFoundPage(), isHead(req));
    const at = req.originalUrl.indexOf("?");
    const query = at === -1 ? "" : req.originalUrl.slice(at + 1);
    const options: RedirectOptions = { redirectStatus, ipOf: () => req.ip ?? req.socket.remoteAddress ?? "" };
    return serveRedirect(
      hexlink,
      req,
      res,
      { slug, query, ...(password === undefined ? {} : { password }) },
      options,
    );
  }

  return router;
}

function pageError(res: Response, error: unknown, head: boolean): void {
  const code = isDomainError(error) ? error.code : "unavailable";
  if (code === "link_not_found") sendPage(res, 404, notFoundPage(), head);
  else if (code === "invalid_date_range" && isDomainError(error)) {
    sendPage(res, 400, genericErrorPage(400, error.message), head);
  } else sendPage(res, 503, genericErrorPage(503, "The service is unavailable; try again shortly."), head);
}
