import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import { codesByStatus } from "../openapi/codes-by-status.js";
import type { ApiOperation, ApiResponse } from "../openapi/openapi-document.js";
import { tableOperations } from "../openapi/table-operations.js";
import { V1_API } from "./v1-api.js";
import { V1_ERROR_STATUS } from "./v1-error-status.js";
import { v1ErrorResponse } from "./v1-response-schemas.js";

/** Codes any v1 route may answer: a malformed request, the key and its limits, a store that is down. */
const COMMON: readonly ErrorCode[] = [
  "invalid_request",
  "unauthorized",
  "forbidden",
  "rate_limited",
  "quota_exceeded",
  "unavailable",
];

/** The failure responses for these codes and the common ones, one per status. */
function failures(codes: readonly ErrorCode[]): Record<string, ApiResponse> {
  const groups = codesByStatus([...COMMON, ...codes], (code) => V1_ERROR_STATUS[code]);
  return Object.fromEntries(
    [...groups].map(([status, group]) => [
      status,
      { description: group.join(", "), body: v1ErrorResponse(group) },
    ]),
  );
}

/** The v1 API's operations for the OpenAPI document, made from its route table. */
export const V1_OPERATIONS: readonly ApiOperation[] = tableOperations(V1_API, {
  tag: "v1",
  security: "bearer",
  failures,
});
