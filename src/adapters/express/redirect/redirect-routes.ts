import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { Hexlink } from "../../../application/hexlink.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import { sendPage } from "../pages/send-page.js";
import { leaveToHost } from "../routing/leave-to-host.js";
import { pageRoutesOf } from "../routing/page-route.js";
import { notFoundPage } from "../views/error-pages.js";
import { type RedirectOptions, serveRedirect } from "./serve-redirect.js";

/** What the redirect routes need: the use case that follows a link, and the status redirects answer with. */
export interface RedirectContext {
  readonly hexlink: Pick<Hexlink, "resolveRedirect">;
  /** `HEXLINK_REDIRECT_STATUS`: 301, 302, 307 or 308. */
  readonly redirectStatus: number;
  /** True in a host app: a slug that names no link goes on to the host's routes instead of hexlink's 404. */
  readonly passUnknown: boolean;
}

const passwordForm = z.object({ password: z.string().max(1024).describe("The link's password.") });

// The server's fast path answers GET|HEAD /:slug before Express; these serve apps that mount the router.
function serveFromExpress(
  { hexlink, redirectStatus, passUnknown }: RedirectContext,
  req: Request,
  res: Response,
  next: NextFunction,
  slug: string,
  password: string | undefined,
): Promise<void> | undefined {
  const notFound = passUnknown ? () => leaveToHost(res, next) : undefined;
  if (!isValidSlug(slug)) {
    if (notFound !== undefined) return void notFound();
    return void sendPage(res, 404, notFoundPage(), req.method === "HEAD");
  }
  const at = req.originalUrl.indexOf("?");
  const query = at === -1 ? "" : req.originalUrl.slice(at + 1);
  const options: RedirectOptions = {
    redirectStatus,
    ipOf: () => req.ip ?? req.socket.remoteAddress ?? "",
    ...(notFound === undefined ? {} : { notFound }),
  };
  return serveRedirect(
    hexlink,
    req,
    res,
    { slug, query, ...(password === undefined ? {} : { password }) },
    options,
  );
}

const route = pageRoutesOf<RedirectContext>();

/** Short links and their password form. */
export const REDIRECT_ROUTES = [
  route({
    method: "get",
    path: "/{slug}",
    summary: "Follow a short link (HEAD too)",
    tag: "redirects",
    responses: {
      "302": "redirect (status per HEXLINK_REDIRECT_STATUS)",
      "200": "password form",
      "404": "unknown or disabled",
      "410": "expired",
    },
    handle: (context, { params }, req, res, next) =>
      serveFromExpress(context, req, res, next, params.slug, undefined),
  }),
  route({
    method: "post",
    path: "/{slug}",
    summary: "Submit a link's password (form field `password`)",
    tag: "redirects",
    form: passwordForm,
    before: [express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 5 })],
    responses: { "303": "redirect", "401": "wrong password", "429": "too many attempts" },
    handle: (context, { params, form }, req, res, next) =>
      serveFromExpress(context, req, res, next, params.slug, form.success ? form.data.password : ""),
  }),
];
