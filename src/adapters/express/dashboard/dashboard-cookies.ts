import type { Request, Response } from "express";

/** The session cookie: the token whose hash names the stored session. */
export const SESSION_COOKIE = "hexlink_session";
/** Before sign-in there is no session: the sign-in form's CSRF token is checked against this cookie. */
export const SIGN_IN_COOKIE = "hexlink_signin";

/** The value of one cookie the request carries, or undefined. Malformed pairs are ignored, never thrown on. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether cookies must be `Secure`: the public base URL or this request is https. */
export function isSecure(req: Request, publicBase: URL): boolean {
  return publicBase.protocol === "https:" || req.secure;
}

/**
 * Sets a cookie for the dashboard's paths only: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Secure on https. `maxAgeSeconds` 0 deletes it. Values are URL-safe tokens we made.
 */
export function setCookie(
  res: Response,
  req: Request,
  publicBase: URL,
  cookie: { readonly name: string; readonly value: string; readonly maxAgeSeconds: number },
): void {
  const path = req.baseUrl === "" ? "/" : req.baseUrl;
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    `Path=${path}`,
    `Max-Age=${cookie.maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Strict",
  ];
  if (isSecure(req, publicBase)) parts.push("Secure");
  res.append("Set-Cookie", parts.join("; "));
}
