import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { type ErrorCode, isDomainError } from "../../../domain/errors/domain-error.js";
import { SESSION_LIFETIME_MS } from "../../../domain/session/dashboard-session.js";
import {
  type DashboardContext,
  dashboardRoute,
  isCrossSite,
  messageOf,
  sameToken,
  seeOther,
  sendPage,
  signedInRoute,
} from "./dashboard-context.js";
import { readCookie, SESSION_COOKIE, SIGN_IN_COOKIE, setCookie } from "./dashboard-cookies.js";
import { readForm, signInForm } from "./dashboard-forms.js";
import { signInPage } from "./sign-in-page.js";

const SIGN_IN_FORM_SECONDS = 60 * 60;
const SIGN_IN_STATUS: Partial<Record<ErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
};

/** Shows the sign-in form with a fresh login-CSRF token in a cookie only this site can set. */
function showSignIn(
  context: DashboardContext,
  req: Request,
  res: Response,
  status: number,
  error?: string,
): void {
  const token = readCookie(req, SIGN_IN_COOKIE) ?? randomBytes(24).toString("base64url");
  const publicBase = context.hexlink.settings.baseUrl;
  setCookie(res, req, publicBase, {
    name: SIGN_IN_COOKIE,
    value: token,
    maxAgeSeconds: SIGN_IN_FORM_SECONDS,
  });
  const page = signInPage({
    action: `${req.baseUrl}/sign-in`,
    csrfToken: token,
    ...(error === undefined ? {} : { error }),
  });
  sendPage(res, status, page);
}

async function signIn(context: DashboardContext, req: Request, res: Response): Promise<void> {
  const { hexlink } = context;
  const form = readForm(signInForm, req.body);
  const expected = readCookie(req, SIGN_IN_COOKIE);
  if (expected === undefined || !sameToken(form._csrf, expected) || isCrossSite(req)) {
    return showSignIn(context, req, res, 403, "This form has expired. Enter your key again.");
  }
  const previousToken = readCookie(req, SESSION_COOKIE);
  try {
    const started = await hexlink.startDashboardSession.execute({
      key: form.key.trim(),
      client: req.ip ?? req.socket.remoteAddress ?? "",
      ...(previousToken === undefined ? {} : { previousToken }),
    });
    const publicBase = hexlink.settings.baseUrl;
    const maxAgeSeconds = SESSION_LIFETIME_MS / 1000;
    setCookie(res, req, publicBase, { name: SESSION_COOKIE, value: started.token, maxAgeSeconds });
    setCookie(res, req, publicBase, { name: SIGN_IN_COOKIE, value: "", maxAgeSeconds: 0 });
    seeOther(res, req, "/links");
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.retryAfterSeconds !== undefined) res.set("Retry-After", String(error.retryAfterSeconds));
    const message = error.code === "unauthorized" ? "That key is not valid." : messageOf(error);
    showSignIn(context, req, res, SIGN_IN_STATUS[error.code] ?? 400, message);
  }
}

/** Sign-in (an API key in, a session cookie out), sign-out, and the dashboard's root. */
export const AUTH_ROUTES = [
  dashboardRoute({
    method: "get",
    path: "/",
    summary: "The dashboard: its links page",
    tag: "dashboard",
    responses: { "303": "to the links (or the sign-in form)" },
    handle: (_context, _input, req, res) => seeOther(res, req, "/links"),
  }),
  dashboardRoute({
    method: "get",
    path: "/sign-in",
    summary: "The sign-in form (an API key)",
    tag: "dashboard",
    responses: { "200": "HTML" },
    handle: (context, _input, req, res) => showSignIn(context, req, res, 200),
  }),
  dashboardRoute({
    method: "post",
    path: "/sign-in",
    summary: "Sign in with an API key: a session cookie for 12 hours",
    tag: "dashboard",
    form: signInForm,
    responses: {
      "303": "to the links, with the session cookie",
      "401": "the form again: not a valid key",
      "403": "the form again: its CSRF token is missing or stale",
      "429": "too many sign-in attempts from this address (Retry-After)",
    },
    handle: (context, _input, req, res) => signIn(context, req, res),
  }),
  signedInRoute({
    method: "post",
    path: "/sign-out",
    summary: "Sign out: the session ends on every instance",
    responses: { "303": "to the sign-in form" },
    handle: async ({ hexlink }, _session, req, res) => {
      await hexlink.endDashboardSession.execute({ token: readCookie(req, SESSION_COOKIE) });
      setCookie(res, req, hexlink.settings.baseUrl, { name: SESSION_COOKIE, value: "", maxAgeSeconds: 0 });
      seeOther(res, req, "/sign-in");
    },
  }),
];
