import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Hexlink } from "../../../application/hexlink.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import { type RedirectOptions, serveRedirect } from "./serve-redirect.js";

const SLUG_PATH = /^\/([A-Za-z0-9_-]{3,64})(?:\?(.*))?$/s;

/**
 * A request listener that answers `GET|HEAD /:slug` itself and hands every other request to `next`
 * (the Express app): redirects skip Express's router and middleware, which cost most of its time.
 */
export function redirectFastPath(
  hexlink: Pick<Hexlink, "resolveRedirect">,
  next: RequestListener,
  options: RedirectOptions,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method;
    if (method === "GET" || method === "HEAD") {
      const match = SLUG_PATH.exec(req.url ?? "");
      const slug = match?.[1];
      if (slug !== undefined && isValidSlug(slug)) {
        void serveRedirect(hexlink, req, res, { slug, query: match?.[2] ?? "" }, options);
        return;
      }
    }
    next(req, res);
  };
}
