import express, { type Express, type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { createHexlinkRouter } from "./create-hexlink-router.js";
import type { HexlinkHttpOptions } from "./hexlink-http-options.js";
import type { HexlinkHttpUseCases } from "./hexlink-http-use-cases.js";
import { createLogger } from "./logging/create-logger.js";
import { requestLogger } from "./logging/request-logger.js";
import { sendPage } from "./pages/send-page.js";
import { parseTrustProxy } from "./server/parse-trust-proxy.js";
import { genericErrorPage, notFoundPage } from "./views/error-pages.js";

/** A complete Express app for hexlink: security headers, every route, HTML 404 and error pages. */
export function createHexlinkApp(hexlink: HexlinkHttpUseCases, options: HexlinkHttpOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  const trust = parseTrustProxy(options.trustProxy);
  if (trust !== undefined) app.set("trust proxy", trust);
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(createHexlinkRouter(hexlink, { ...options, unknownPaths: options.unknownPaths ?? "404" }));
  app.use((req: Request, res: Response) => sendPage(res, 404, notFoundPage(), req.method === "HEAD"));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
    if (!(status >= 400 && status < 500))
      requestLogger(res, options.logger ?? createLogger()).error({ err: error }, "unexpected error");
    const shown = status >= 400 && status < 500 ? status : 500;
    sendPage(
      res,
      shown,
      genericErrorPage(shown, shown === 500 ? "Something went wrong." : "Bad request."),
      req.method === "HEAD",
    );
  });
  return app;
}
