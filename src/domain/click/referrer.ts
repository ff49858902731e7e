import { DIRECT_REFERRER } from "./click.js";

// One regular expression rather than `new URL()`: scheme, optional user info, then the host or IPv6 literal.
const REFERRER =
  /^(?:https?|android-app):\/\/(?:[^/?#@\s]*@)?([\p{L}\p{N}._-]+|\[[0-9a-f:.]+\])(?::\d*)?(?:[/?#]|$)/iu;
const MAX_HOST_LENGTH = 253;

/**
 * The name analytics shows for a Referer header: the web host (`m.facebook.com`), the package of an Android
 * app referrer (`com.linkedin.android`), or `Direct` when there is none or it cannot be read.
 */
export function referrerName(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0) return DIRECT_REFERRER;
  let host = REFERRER.exec(raw.trim())?.[1];
  if (host === undefined) return DIRECT_REFERRER;
  while (host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host.length > MAX_HOST_LENGTH || host.startsWith(".") || host.includes("..")) {
    return DIRECT_REFERRER;
  }
  return host.toLowerCase();
}
