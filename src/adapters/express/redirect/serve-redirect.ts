import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hexlink } from "../../../application/hexlink.js";
import type {
  RedirectOutcome,
  RedirectRequest,
} from "../../../application/use-cases/link/resolve-redirect.js";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import { PASSWORD_PAGE_HEADERS, sendPage } from "../pages/send-page.js";
import { genericErrorPage, gonePage, notFoundPage } from "../views/error-pages.js";
import { passwordPage } from "../views/password-page.js";
import { safeHeaderValue } from "./safe-header-value.js";

export interface RedirectOptions {
  /** `HEXLINK_REDIRECT_STATUS`: 301, 302, 307 or 308. */
  readonly redirectStatus: number;
  /** The client's address, honouring `HEXLINK_TRUST_PROXY`. */
  readonly ipOf: (req: IncomingMessage) => string;
  /** Answers an unknown or disabled link instead of hexlink's 404 page (a host app's own routes). */
  readonly notFound?: () => void;
}

/** The short link asked for; `requestId`, when given, is sent as X-Request-Id (the fast path's). */
export interface RedirectTarget {
  readonly slug: string;
  readonly query: string;
  readonly password?: string;
  readonly requestId?: string;
}

const WRONG_PASSWORD = "Wrong password, try again.";

/**
 * Answers a short link, for both the fast path and the Express route, so both behave the same.
 * `password` is given when the visitor submitted the password form (POST). When the link cache alone decides
 * (a cached link without password or click budget: the hot path), it answers at once and returns `undefined`;
 * otherwise it returns the promise of the answer.
 */
export function serveRedirect(
  hexlink: Pick<Hexlink, "resolveRedirect">,
  req: IncomingMessage,
  res: ServerResponse,
  target: RedirectTarget,
  options: RedirectOptions,
): Promise<void> | undefined {
  const head = req.method === "HEAD";
  // One object shape whether a password came or not (no spread on the hot path).
  const request: RedirectRequest = {
    host: req.headers.host ?? "",
    slug: target.slug,
    query: target.query,
    password: target.password,
    ip: options.ipOf(req),
    userAgent: req.headers["user-agent"] ?? "",
    referrer: req.headers.referer ?? "",
    headers: req.headers,
  };
  let cached: RedirectOutcome | undefined;
  try {
    cached = hexlink.resolveRedirect.executeCached(request);
  } catch (error) {
    return Promise.resolve(unavailable(res, error, head, target.requestId));
  }
  if (cached !== undefined) {
    answer(res, cached, target, options, head);
    return undefined;
  }
  return hexlink.resolveRedirect.execute(request).then(
    (outcome) => answer(res, outcome, target, options, head),
    (error: unknown) => unavailable(res, error, head, target.requestId),
  );
}

const failures = new WeakMap<ServerResponse, unknown>();

/** Why this response answered 503, for the request's log line; undefined when it did not. */
export function redirectFailure(res: ServerResponse): unknown {
  return failures.get(res);
}

// A store that does not answer must not crash the server nor leak a stack trace.
function unavailable(
  res: ServerResponse,
  error: unknown,
  head: boolean,
  requestId: string | undefined,
): void {
  if (requestId !== undefined) res.setHeader("X-Request-Id", requestId);
  failures.set(res, error);
  const message = isDomainError(error) ? error.message : "The service is unavailable; try again shortly.";
  sendPage(res, 503, genericErrorPage(503, message), head, { "Retry-After": "5" });
}

function answer(
  res: ServerResponse,
  outcome: RedirectOutcome,
  target: RedirectTarget,
  options: RedirectOptions,
  head: boolean,
): void {
  if (outcome.kind === "redirect") {
    // After a POST, 303 makes the browser GET the destination and never re-send the password to it.
    const status = target.password === undefined ? options.redirectStatus : 303;
    // Flat [name, value, …] headers: the cheapest form for writeHead on the hot path.
    const headers = [
      "Location",
      safeHeaderValue(outcome.location),
      "Cache-Control",
      cacheControl(status, outcome.mayStop),
      "Content-Length",
      "0",
    ];
    // In the one writeHead: a header set beforehand would send Node down its slower merging path.
    if (target.requestId !== undefined) headers.push("X-Request-Id", target.requestId);
    res.writeHead(status, headers);
    res.end();
    return;
  }
  if (target.requestId !== undefined) res.setHeader("X-Request-Id", target.requestId);
  const action = `/${encodeURIComponent(target.slug)}${target.query === "" ? "" : `?${target.query}`}`;
  switch (outcome.kind) {
    case "password_required":
      sendPage(res, 200, passwordPage({ action: safeHeaderValue(action) }), head, PASSWORD_PAGE_HEADERS);
      return;
    case "wrong_password":
      sendPage(
        res,
        401,
        passwordPage({ action: safeHeaderValue(action), error: WRONG_PASSWORD }),
        head,
        PASSWORD_PAGE_HEADERS,
      );
      return;
    case "too_many_attempts":
      sendPage(
        res,
        429,
        passwordPage({
          action: safeHeaderValue(action),
          error: "Too many attempts; wait a minute and try again.",
        }),
        head,
        { ...PASSWORD_PAGE_HEADERS, "Retry-After": String(outcome.retryAfterSeconds) },
      );
      return;
    case "gone":
      sendPage(res, 410, gonePage(), head);
      return;
    case "not_found":
      if (options.notFound !== undefined) {
        options.notFound();
        return;
      }
      sendPage(res, 404, notFoundPage(), head);
      return;
  }
}

// Shared caches must never answer for us (disabling, expiry and max_clicks would be bypassed); a browser may
// keep a permanent redirect briefly, unless the link can still stop working by itself.
function cacheControl(status: number, mayStop: boolean): string {
  const permanent = status === 301 || status === 308;
  return permanent && !mayStop ? "private, max-age=300" : "private, no-cache";
}
