import type { ApiRoute } from "../openapi/openapi-document.js";

/** Every route of the client API, for the OpenAPI document (filled in with the client API). */
export const CLIENT_ROUTES: readonly ApiRoute[] = [];
