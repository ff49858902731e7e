import { codesByStatus } from "../openapi/codes-by-status.js";
import type { ApiOperation, ApiResponse } from "../openapi/openapi-document.js";
import { tableOperations } from "../openapi/table-operations.js";
import { CLIENT_API } from "./client-api.js";
import { CLIENT_ERROR_CODES, type ClientErrorCode } from "./client-error-codes.js";
import { clientFailureResponse } from "./client-response-schemas.js";

/** Codes any client route may answer: a malformed request, the key and its limits. */
const COMMON: readonly ClientErrorCode[] = ["LI00", "LI03", "LI04", "LI01", "LI02"];

/** The failure responses for these codes and the common ones, one per status. */
function failures(codes: readonly ClientErrorCode[]): Record<string, ApiResponse> {
  const groups = codesByStatus([...COMMON, ...codes], (code) => CLIENT_ERROR_CODES[code].status);
  return Object.fromEntries(
    [...groups].map(([status, group]) => [
      status,
      {
        description: `{success:false, error_code, error_message}: ${group
          .map((code) => `${code} "${CLIENT_ERROR_CODES[code].message}"`)
          .join("; ")}`,
        body: clientFailureResponse(group),
      },
    ]),
  );
}

/** The client API's operations for the OpenAPI document, made from its route table. */
export const CLIENT_OPERATIONS: readonly ApiOperation[] = tableOperations(CLIENT_API, {
  tag: "client",
  security: "clientKey",
  failures,
});
