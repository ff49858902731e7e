import type { ApiTable } from "../routing/route-declaration.js";
import { V1_ACCOUNT_ROUTES } from "./v1-account-routes.js";
import { V1_BULK_ROUTES } from "./v1-bulk-routes.js";
import { V1_DOMAIN_ROUTES } from "./v1-domain-routes.js";
import { V1_KEY_ROUTES } from "./v1-key-routes.js";
import { V1_LINK_ROUTES } from "./v1-link-routes.js";
import type { V1Route } from "./v1-route.js";
import { V1_WEBHOOK_ROUTES } from "./v1-webhook-routes.js";

/** The v1 REST API: every route, declared once; its router and its OpenAPI operations are made from it. */
export const V1_API: ApiTable<V1Route> = {
  base: "/v1",
  routes: [
    ...V1_BULK_ROUTES,
    ...V1_LINK_ROUTES,
    ...V1_DOMAIN_ROUTES,
    ...V1_KEY_ROUTES,
    ...V1_ACCOUNT_ROUTES,
    ...V1_WEBHOOK_ROUTES,
  ],
};
