import type { Hexlink } from "../../../application/hexlink.js";
import { pageRoutesOf } from "../routing/page-route.js";

/** The slice of hexlink the operations routes call. */
export type OpsUseCases = Pick<Hexlink, "ready">;

const route = pageRoutesOf<OpsUseCases>();

/** Liveness and readiness for load balancers and orchestrators. */
export const OPS_ROUTES = [
  route({
    method: "get",
    path: "/healthz",
    summary: "Liveness",
    tag: "operations",
    responses: { "200": "alive" },
    handle: (_hexlink, _input, _req, res) => void res.set("Cache-Control", "no-store").json({ status: "ok" }),
  }),
  route({
    method: "get",
    path: "/readyz",
    summary: "Readiness: every configured store answers",
    tag: "operations",
    responses: { "200": "ready", "503": "a store is down" },
    handle: async (hexlink, _input, _req, res) => {
      const readiness = await hexlink.ready();
      res
        .status(readiness.ready ? 200 : 503)
        .set("Cache-Control", "no-store")
        .json({ status: readiness.ready ? "ready" : "unavailable", checks: readiness.checks });
    },
  }),
];
