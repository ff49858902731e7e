import { type Request, type Response, Router } from "express";
import { expressPath } from "./declare-route.js";
import { forwardRejections } from "./forward-rejections.js";
import type { PageRoute } from "./page-route.js";

/** How a table answers an error its handler threw; without one, the error goes on to the app's error page. */
export type PageErrorHandler = (error: unknown, req: Request, res: Response) => void;

/** An Express router for a table of pages, operations or assets, in the table's order. */
export function pageRouter<Context>(
  routes: readonly PageRoute<Context>[],
  context: Context,
  onError?: PageErrorHandler,
): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](
      expressPath(route.path),
      ...route.before,
      forwardRejections(async (req, res, next) => {
        if (onError === undefined) return route.serve(context, req, res, next);
        try {
          await route.serve(context, req, res, next);
        } catch (error) {
          onError(error, req, res);
        }
      }),
    );
  }
  return router;
}
