export {
  createHexlinkApp,
  createHexlinkRouter,
  createHexlinkServerListener,
  type HexlinkHttpOptions,
  parseTrustProxy,
} from "./create-app.js";
export { ALL_OPERATIONS } from "./openapi/all-operations.js";
export { V1_ERROR_STATUS } from "./v1/v1-error-status.js";
