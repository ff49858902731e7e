import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * An async handler whose rejection reaches Express's error handlers: Express 5 does this itself, Express 4
 * does not (the rejection would go unhandled and the request hang), so every async handler goes through here.
 */
export function forwardRejections(
  handler: (req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return (req, res, next) => {
    try {
      const result = handler(req, res, next);
      if (result instanceof Promise) result.catch(next);
    } catch (error) {
      next(error);
    }
  };
}
