import type { Logger } from "pino";
import type { HexlinkMetrics } from "./metrics/hexlink-metrics.js";
import type { QrRenderer } from "./views/qr-renderer.js";

/** Options of the HTTP adapter, from the server's environment. */
export interface HexlinkHttpOptions {
  /** `HEXLINK_REDIRECT_STATUS`; default 302. */
  readonly redirectStatus?: number;
  /** `HEXLINK_TRUST_PROXY`: Express's `trust proxy` value. Unset: the socket address is the client. */
  readonly trustProxy?: string | boolean | number;
  readonly logger?: Logger;
  /** Draws QR codes; default: one worker thread per process, shared by every router. */
  readonly qrRenderer?: QrRenderer;
  /** Where requests, redirects and store calls are counted, served at `/metrics`; default: a registry of its own. */
  readonly metrics?: HexlinkMetrics;
  /** `HEXLINK_METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
  /** `HEXLINK_CORS_ORIGINS`: origins allowed to call `/v1` and `/client/api` from a browser; unset: no CORS. */
  readonly corsOrigins?: "*" | readonly string[];
  /** Makes each request's X-Request-Id from the one it presented; the server shares one with its fast path. */
  readonly requestIds?: (presented: string | string[] | undefined) => string;
}
