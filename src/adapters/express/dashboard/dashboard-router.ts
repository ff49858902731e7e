import express, { Router } from "express";
import { pageRouter } from "../routing/page-router.js";
import { toDomainError } from "../routing/to-domain-error.js";
import { notFoundPage } from "../views/error-pages.js";
import { AUTH_ROUTES } from "./dashboard-auth-routes.js";
import { type DashboardContext, failPage, sendPage } from "./dashboard-context.js";
import { DOMAIN_ROUTES } from "./dashboard-domain-routes.js";
import { KEY_ROUTES } from "./dashboard-key-routes.js";
import { LINK_ROUTES } from "./dashboard-link-routes.js";
import { TRANSFER_ROUTES } from "./dashboard-transfer-routes.js";
import { WEBHOOK_ROUTES } from "./dashboard-webhook-routes.js";

/** The dashboard's path unless told otherwise (`HEXLINK_DASHBOARD_PATH`); `app` is a reserved slug. */
export const DASHBOARD_PATH = "/app";

/** Every dashboard route, under its path; the OpenAPI document lists them (at {@link DASHBOARD_PATH}). */
export const DASHBOARD_ROUTES = [
  ...AUTH_ROUTES,
  ...LINK_ROUTES,
  ...DOMAIN_ROUTES,
  ...KEY_ROUTES,
  ...WEBHOOK_ROUTES,
  ...TRANSFER_ROUTES,
];

/**
 * The dashboard (spec §12) as an Express router, to mount at its path. Server-rendered forms: every action works
 * without JavaScript, under the pages' strict CSP; each post carries the session's CSRF token.
 */
export function dashboardRouter(context: DashboardContext): Router {
  const router = Router();
  // Forms only, small: a page of bulk ids is the largest body the dashboard takes.
  router.use(express.urlencoded({ extended: false, limit: "64kb", parameterLimit: 500 }));
  router.use(pageRouter(DASHBOARD_ROUTES, context, (error, req, res) => failPage(context, req, res, error)));
  router.use((req, res) => sendPage(res, 404, notFoundPage(), req.method === "HEAD"));
  // A body the parser refused (too large, malformed): the page of a bad request, never a stack trace.
  router.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const { error: answered, unexpected } = toDomainError(error);
    if (unexpected) context.logger.error({ err: error, path: req.path }, "dashboard request failed");
    failPage(context, req, res, answered);
  });
  return router;
}
