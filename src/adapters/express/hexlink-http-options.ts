import type { Logger } from "pino";
import type { AuthenticateAccount } from "./auth/authenticate-account.js";
import type { HexlinkMetrics } from "./metrics/hexlink-metrics.js";
import type { QrRenderer } from "./views/qr-renderer.js";

/** Options of the HTTP adapter, from the server's environment. */
export interface HexlinkHttpOptions {
  /** `HEXLINK_REDIRECT_STATUS`; default 302. */
  readonly redirectStatus?: number;
  /**
   * `HEXLINK_TRUST_PROXY`: Express's `trust proxy` value, honoured by the router itself (in a host app too).
   * Unset: the router keeps the app's `req.ip`.
   */
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
  /** Maps the host application's own users to an account for the two APIs; API keys remain the fallback. */
  readonly authenticate?: AuthenticateAccount;
  /** Which parts the router serves; each is on unless set to false. */
  readonly mount?: HexlinkMounts;
  /**
   * What a path the router does not serve gets: `"next"` (default) leaves it to the host app's routes, unlogged;
   * `"404"` answers hexlink's 404 page (the standalone app).
   */
  readonly unknownPaths?: "next" | "404";
  /** `HEXLINK_DASHBOARD_PATH`: where the dashboard answers; default `/app`. */
  readonly dashboardPath?: string;
}

/** The parts of the router; short links (`/{slug}`) are always served. */
export interface HexlinkMounts {
  /** `/v1`, the REST API. */
  readonly v1?: boolean;
  /** `/client/api`, the lnnk.in-compatible API. */
  readonly clientApi?: boolean;
  /** `/`, tracking pages, QR codes and the stylesheet. */
  readonly pages?: boolean;
  /** `/openapi.json` and `/docs`. */
  readonly docs?: boolean;
  /** `/healthz`, `/readyz` and `/metrics`. */
  readonly health?: boolean;
  /** `/app`, the dashboard (`HEXLINK_DASHBOARD`). */
  readonly dashboard?: boolean;
}
