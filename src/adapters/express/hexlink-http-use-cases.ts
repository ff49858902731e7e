import type { ClientUseCases } from "./client/client-use-cases.js";
import type { DashboardUseCases } from "./dashboard/dashboard-context.js";
import type { OpsUseCases } from "./ops/ops-routes.js";
import type { PageUseCases } from "./pages/page-routes.js";
import type { RedirectContext } from "./redirect/redirect-routes.js";
import type { V1UseCases } from "./v1/v1-use-cases.js";

/**
 * Every use case the HTTP adapter calls: the union of its routers' slices. A `Hexlink` is one; a team
 * with its own wiring may hand over any object that has these.
 */
export type HexlinkHttpUseCases = V1UseCases &
  ClientUseCases &
  PageUseCases &
  OpsUseCases &
  DashboardUseCases &
  RedirectContext["hexlink"];
