import type { Request } from "express";

/**
 * The host application's own authentication: the hexlink account a request acts for (its signed-in user's,
 * say), or `null`/`undefined` to fall back to hexlink's API keys. Requests it authenticates are not counted
 * against API-key rate limits: the host application limits its own users.
 */
export type AuthenticateAccount = (
  req: Request,
) => string | null | undefined | Promise<string | null | undefined>;
