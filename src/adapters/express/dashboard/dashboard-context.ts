import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Hexlink } from "../../../application/hexlink.js";
import type { DashboardPrincipal } from "../../../application/use-cases/session/resolve-dashboard-session.js";
import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import { sendPageError } from "../pages/page-error-status.js";
import { sendPage } from "../pages/send-page.js";
import { type PageRoute, pageRoutesOf } from "../routing/page-route.js";
import { readCookie, SESSION_COOKIE } from "./dashboard-cookies.js";
import { csrfForm, readForm } from "./dashboard-forms.js";
import type { DashboardFrame } from "./dashboard-layout.js";

/** The slice of hexlink the dashboard calls: the same use cases as the API, plus sessions. */
export type DashboardUseCases = Pick<
  Hexlink,
  | "settings"
  | "startDashboardSession"
  | "resolveDashboardSession"
  | "endDashboardSession"
  | "createLink"
  | "getLink"
  | "listLinks"
  | "updateLink"
  | "deleteLink"
  | "getLinkAnalytics"
  | "registerDomain"
  | "verifyDomain"
  | "listDomains"
  | "deleteDomain"
  | "issueApiKey"
  | "listApiKeys"
  | "revokeApiKey"
  | "createWebhook"
  | "listWebhooks"
  | "deleteWebhook"
  | "listWebhookDeliveries"
  | "testWebhook"
  | "bulkUpdateLinks"
  | "bulkDeleteLinks"
  | "importLinks"
  | "exportLinks"
>;

export interface DashboardContext {
  readonly hexlink: DashboardUseCases;
  readonly logger: Logger;
}

/** A signed-in request: who it acts for and the frame its page is drawn in. */
export interface SignedIn {
  readonly principal: DashboardPrincipal;
  readonly frame: DashboardFrame;
}

/**
 * Whether the browser says the request comes from another site (`Sec-Fetch-Site: cross-site`): a form post from
 * elsewhere is refused whatever it carries, on top of the CSRF token and the SameSite cookie.
 */
export function isCrossSite(req: Request): boolean {
  return req.headers["sec-fetch-site"] === "cross-site";
}

/** Equal strings, compared in constant time. */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The frame of a page for this principal, its links under the path the dashboard answers on. */
export function frameOf(req: Request, principal: DashboardPrincipal): DashboardFrame {
  return { base: req.baseUrl, accountId: principal.accountId, csrfToken: principal.csrfToken };
}

/** Post/redirect/get: 303 to a dashboard path, so a reload never posts again. */
export function seeOther(res: Response, req: Request, path: string): void {
  res.redirect(303, `${req.baseUrl}${path}`);
}

/**
 * The session the request's cookie names; a request without one is sent to sign in. A post must also carry
 * the session's CSRF token, else it is refused with 403 and nothing is done.
 */
export async function signedIn(
  { hexlink }: DashboardContext,
  req: Request,
  res: Response,
): Promise<SignedIn | null> {
  let principal: DashboardPrincipal;
  try {
    principal = await hexlink.resolveDashboardSession.execute({ token: readCookie(req, SESSION_COOKIE) });
  } catch (error) {
    if (isDomainError(error) && error.code === "unauthorized") {
      seeOther(res, req, "/sign-in");
      return null;
    }
    throw error;
  }
  if (req.method === "POST") {
    const { _csrf } = readForm(csrfForm, req.body);
    if (_csrf === undefined || !sameToken(_csrf, principal.csrfToken) || isCrossSite(req)) {
      sendPageError(
        res,
        new DomainError("forbidden", "This form has expired. Go back, reload the page and try again."),
        false,
      );
      return null;
    }
  }
  return { principal, frame: frameOf(req, principal) };
}

/** The message a failed action shows: the API's own message for the client's mistakes. */
export function messageOf(error: unknown): string {
  if (isDomainError(error) && error.code !== "unavailable") return error.message;
  return "The service is unavailable; try again shortly.";
}

/** Answers an error nobody handled: the page of its status; unexpected ones are logged first. */
export function failPage(context: DashboardContext, req: Request, res: Response, error: unknown): void {
  if (!isDomainError(error)) context.logger.error({ err: error, path: req.path }, "dashboard request failed");
  if (res.headersSent) return;
  sendPageError(res, error, req.method === "HEAD");
}

export { sendPage };

const route = pageRoutesOf<DashboardContext>();

/** A dashboard route as its table declares it; `handle` runs for a signed-in request only. */
export interface SignedInRouteSpec {
  readonly method: "get" | "post";
  /** Under the dashboard's path, e.g. `/links/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly form?: z.ZodType;
  readonly responses: Readonly<Record<string, string>>;
  /** Runs before the session and CSRF checks, e.g. reading an upload (the CSRF token comes with it). */
  prepare?(context: DashboardContext, req: Request, res: Response): Promise<void>;
  handle(context: DashboardContext, session: SignedIn, req: Request, res: Response): Promise<void>;
}

/**
 * A route of a signed-in page: without a session it answers 303 to the sign-in form, and a post without the
 * session's CSRF token 403, before `handle` runs.
 */
export function signedInRoute(spec: SignedInRouteSpec): PageRoute<DashboardContext> {
  return route({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: "dashboard",
    ...(spec.form === undefined ? {} : { form: spec.form }),
    responses: {
      ...spec.responses,
      "303": spec.responses["303"] ?? "to the sign-in form, without a session",
      ...(spec.method === "post" ? { "403": "a form without the session's CSRF token" } : {}),
    },
    handle: async (context, _input, req, res) => {
      await spec.prepare?.(context, req, res);
      const session = await signedIn(context, req, res);
      if (session !== null) await spec.handle(context, session, req, res);
    },
  });
}

export { route as dashboardRoute };
