import type { RequestListener } from "node:http";
import { createHexlinkApp } from "../create-hexlink-app.js";
import type { HexlinkHttpOptions } from "../hexlink-http-options.js";
import type { HexlinkHttpUseCases } from "../hexlink-http-use-cases.js";
import { createLogger } from "../logging/create-logger.js";
import { requestIds } from "../logging/request-id.js";
import { HexlinkMetrics } from "../metrics/hexlink-metrics.js";
import { redirectFastPath } from "../redirect/redirect-fast-path.js";
import { clientIp, type TrustFunction } from "./client-ip.js";
import { parseTrustProxy } from "./parse-trust-proxy.js";

/**
 * The server's request listener: the redirect fast path in front of the Express app. Run it on a `node:http`
 * server made with `hexlinkServerOptions` (timeouts for slow clients) and `answerParserError` as its
 * `clientError` handler, as the hexlink server does.
 */
export function createHexlinkServerListener(
  hexlink: HexlinkHttpUseCases,
  options: HexlinkHttpOptions = {},
): RequestListener {
  // The fast path and the app share one logger, one set of metrics and one sequence of request ids.
  const shared = {
    ...options,
    logger: options.logger ?? createLogger(),
    metrics: options.metrics ?? new HexlinkMetrics(),
    requestIds: options.requestIds ?? requestIds(),
  };
  const app = createHexlinkApp(hexlink, shared);
  const trust = parseTrustProxy(options.trustProxy);
  const trustFn = trust === undefined ? undefined : (app.get("trust proxy fn") as TrustFunction);
  return redirectFastPath(hexlink, app, {
    redirectStatus: options.redirectStatus ?? 302,
    ipOf: (req) => clientIp(req, trustFn),
    logger: shared.logger,
    metrics: shared.metrics,
    ids: shared.requestIds,
  });
}
