import type { Hexlink } from "../../../application/hexlink.js";
import { bearerTokenCheck } from "../metrics/bearer-token-check.js";
import type { HexlinkMetrics } from "../metrics/hexlink-metrics.js";
import { pageRoutesOf } from "../routing/page-route.js";
import { PACKAGE_VERSION } from "./package-version.js";

/** The slice of hexlink the operations routes call. */
export type OpsUseCases = Pick<Hexlink, "ready">;

/** What the operations routes serve from: readiness, the metrics and the token `/metrics` needs if any. */
export interface OpsContext {
  readonly hexlink: OpsUseCases;
  readonly metrics: HexlinkMetrics;
  /** `HEXLINK_METRICS_TOKEN`'s check; undefined when /metrics is open. */
  readonly metricsAuthorized: ((authorization: string | undefined) => boolean) | undefined;
}

/** The operations routes' context from the options: a token, when given, guards /metrics. */
export function opsContext(
  hexlink: OpsUseCases,
  metrics: HexlinkMetrics,
  token: string | undefined,
): OpsContext {
  return { hexlink, metrics, metricsAuthorized: token === undefined ? undefined : bearerTokenCheck(token) };
}

const route = pageRoutesOf<OpsContext>();

/** Liveness and readiness for load balancers and orchestrators, and metrics for Prometheus. */
export const OPS_ROUTES = [
  route({
    method: "get",
    path: "/healthz",
    summary: "Liveness, with the running version",
    tag: "operations",
    responses: { "200": 'alive: {"status":"ok","version":"<package version>"}' },
    handle: (_context, _input, _req, res) =>
      void res.set("Cache-Control", "no-store").json({ status: "ok", version: PACKAGE_VERSION }),
  }),
  route({
    method: "get",
    path: "/readyz",
    summary: "Readiness: every configured store answers",
    tag: "operations",
    responses: { "200": "ready", "503": "a store is down" },
    handle: async ({ hexlink }, _input, _req, res) => {
      const readiness = await hexlink.ready();
      res
        .status(readiness.ready ? 200 : 503)
        .set("Cache-Control", "no-store")
        .json({ status: readiness.ready ? "ready" : "unavailable", checks: readiness.checks });
    },
  }),
  route({
    method: "get",
    path: "/metrics",
    summary: "Prometheus metrics (text format); Bearer HEXLINK_METRICS_TOKEN when set",
    tag: "operations",
    responses: {
      "200": "Prometheus text format",
      "401": "HEXLINK_METRICS_TOKEN is set and was not presented",
    },
    handle: async ({ metrics, metricsAuthorized }, _input, req, res) => {
      res.set("Cache-Control", "no-store");
      if (metricsAuthorized !== undefined && !metricsAuthorized(req.headers.authorization)) {
        res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').json({
          success: false,
          error: "A valid metrics token is required (Authorization: Bearer <HEXLINK_METRICS_TOKEN>).",
          code: "unauthorized",
        });
        return;
      }
      const text = await metrics.scrape();
      res.type(metrics.contentType).send(text);
    },
  }),
];
