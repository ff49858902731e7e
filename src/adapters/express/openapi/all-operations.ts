import { CLIENT_OPERATIONS } from "../client/client-operations.js";
import { DASHBOARD_PATH, DASHBOARD_ROUTES } from "../dashboard/dashboard-router.js";
import { OPS_ROUTES } from "../ops/ops-routes.js";
import { PAGE_ROUTES } from "../pages/page-routes.js";
import { REDIRECT_ROUTES } from "../redirect/redirect-routes.js";
import { V1_OPERATIONS } from "../v1/v1-operations.js";
import { DOCS_ROUTES } from "./docs-routes.js";
import type { ApiOperation } from "./openapi-document.js";
import { pageOperations } from "./page-operations.js";

/** Every operation hexlink serves, made from the route tables: what /openapi.json describes. */
export const ALL_OPERATIONS: readonly ApiOperation[] = [
  ...V1_OPERATIONS,
  ...CLIENT_OPERATIONS,
  ...pageOperations(PAGE_ROUTES),
  ...pageOperations(REDIRECT_ROUTES),
  ...pageOperations(OPS_ROUTES),
  ...pageOperations(DOCS_ROUTES),
  // At its default path; HEXLINK_DASHBOARD_PATH moves it.
  ...pageOperations(DASHBOARD_ROUTES).map((operation) => ({
    ...operation,
    path: operation.path === "/" ? DASHBOARD_PATH : `${DASHBOARD_PATH}${operation.path}`,
  })),
];
