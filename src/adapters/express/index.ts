export { createHexlinkApp } from "./hexlink-app.js";
export type { HexlinkHttpUseCases } from "./hexlink-http-use-cases.js";
export { createHexlinkRouter } from "./hexlink-router.js";
export type { HexlinkHttpOptions } from "./http-options.js";
export { ALL_OPERATIONS } from "./openapi/all-operations.js";
export { createHexlinkServerListener } from "./server/server-listener.js";
export { parseTrustProxy } from "./server/trust-proxy.js";
export { V1_ERROR_STATUS } from "./v1/v1-error-status.js";
