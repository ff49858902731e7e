import express, { type NextFunction, type Request, type Response } from "express";
import { DomainError } from "../../../domain/errors/domain-error.js";

export const JSON_BODY_LIMIT = "16kb";

const parseJson = express.json({ limit: JSON_BODY_LIMIT, strict: true, type: () => true });

/**
 * JSON bodies only, capped at 16 KB unless `largerLimit` names a larger cap for this request (bulk calls); a
 * body of another type is refused rather than ignored.
 */
export function jsonBody(largerLimit?: (req: Request) => string | undefined) {
  const parsers = new Map<string, ReturnType<typeof express.json>>();
  const parserFor = (req: Request) => {
    const limit = largerLimit?.(req);
    if (limit === undefined) return parseJson;
    let parser = parsers.get(limit);
    if (parser === undefined) {
      parser = express.json({ limit, strict: true, type: () => true });
      parsers.set(limit, parser);
    }
    return parser;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody =
      req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    const type = req.headers["content-type"] ?? "";
    if (!hasBody) next();
    else if (/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) parserFor(req)(req, res, next);
    else
      next(
        new DomainError("invalid_request", "The request body must be JSON (Content-Type: application/json)."),
      );
  };
}
