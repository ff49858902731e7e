import type { NextFunction, Response } from "express";

/** Marks a request hexlink does not answer, so it neither logs it nor tags it with its request id. */
export function leaveToHost(res: Response, next: NextFunction): void {
  res.locals.hexlinkLeft = true;
  res.removeHeader("X-Request-Id");
  next();
}

/** Whether hexlink left this request to the host application. */
export function leftToHost(res: Response): boolean {
  return res.locals.hexlinkLeft === true;
}
