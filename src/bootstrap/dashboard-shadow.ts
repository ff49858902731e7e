import type { Logger } from "pino";
import type { Hexlink } from "../application/hexlink.js";

/**
 * Warns when the dashboard's path is also a link's short URL on the default domain: such a link (made before
 * `app` was reserved, or under another dashboard path) stops redirecting while the dashboard answers there.
 */
export async function warnIfDashboardShadows(hexlink: Hexlink, path: string, logger: Logger): Promise<void> {
  const slug = path.slice(1);
  try {
    const link = await hexlink.stores.links.findBySlug(hexlink.settings.defaultDomain, slug);
    if (link === null) return;
    logger.warn(
      { path, linkId: link.id },
      `the dashboard at ${path} hides the link ${hexlink.settings.baseUrl.origin}${path}; set HEXLINK_DASHBOARD_PATH to another path to serve that link again`,
    );
  } catch (error) {
    // A store that is down at start-up is reported elsewhere; this check is advice only.
    logger.debug({ err: error }, "could not check whether the dashboard path hides a link");
  }
}
