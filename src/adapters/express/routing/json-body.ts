import express, { type NextFunction, type Request, type Response } from "express";
import { DomainError } from "../../../domain/errors/domain-error.js";

export const JSON_BODY_LIMIT = "16kb";

const parseJson = express.json({ limit: JSON_BODY_LIMIT, strict: true, type: () => true });

/** JSON bodies only, capped at 16 KB; a body of another type is refused rather than ignored. */
export function jsonBody() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody =
      req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
    const type = req.headers["content-type"] ?? "";
    if (!hasBody) next();
    else if (/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) parseJson(req, res, next);
    else
      next(
        new DomainError("invalid_request", "The request body must be JSON (Content-Type: application/json)."),
      );
  };
}
