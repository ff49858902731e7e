import { randomBytes } from "node:crypto";

/** A client's id is kept when it is 1–128 of these characters: nothing that could split a header or a log line. */
const SAFE_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/**
 * The X-Request-Id of a request (spec §11): the client's own when it is safe, else a new one. New ids are a
 * random prefix per process and a counter, so the redirect path pays no crypto per request.
 */
export function requestIds(): (presented: string | string[] | undefined) => string {
  const prefix = randomBytes(6).toString("base64url");
  let next = 0;
  return (presented) => {
    if (typeof presented === "string" && SAFE_ID.test(presented)) return presented;
    next += 1;
    return `${prefix}-${next.toString(36)}`;
  };
}
