import { Router } from "express";
import type { Hexlink } from "../../../application/hexlink.js";

/** Liveness and readiness for load balancers and orchestrators. */
export function opsRouter(hexlink: Pick<Hexlink, "ready">): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const readiness = await hexlink.ready();
    res
      .status(readiness.ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: readiness.ready ? "ready" : "unavailable", checks: readiness.checks });
  });
  return router;
}
