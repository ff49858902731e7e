import type { z } from "zod";
import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import { codesByStatus, keyedResponses } from "../openapi/api-responses.js";
import type { ApiResponse, ApiRoute } from "../openapi/openapi-document.js";
import { V1_ERROR_STATUS } from "./v1-error-status.js";
import {
  v1AnalyticsResponse,
  v1DomainListResponse,
  v1DomainResponse,
  v1DoneResponse,
  v1ErrorResponse,
  v1LinkPageResponse,
  v1LinkResponse,
} from "./v1-response-schemas.js";
import {
  analyticsQuery,
  createDomainBody,
  createLinkBody,
  listLinksQuery,
  updateLinkBody,
} from "./v1-schemas.js";

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

interface V1RouteSpec {
  readonly method: ApiRoute["method"];
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /** Status, description and body of the success. */
  readonly success: readonly ["200" | "201", string, z.ZodType];
  /** The codes of this route besides the common ones. */
  readonly errors?: readonly ErrorCode[];
}

function v1Route({ success, errors = [], ...route }: V1RouteSpec): ApiRoute {
  const [status, description, body] = success;
  return {
    ...route,
    tag: "v1",
    security: "bearer",
    responses: keyedResponses({ [status]: { description, body }, ...failures(errors) }),
  };
}

const LINK_CONTENT: readonly ErrorCode[] = [
  "invalid_destination",
  "invalid_slug",
  "slug_taken",
  "destination_blocked",
];

/** Every route of the v1 API, for the OpenAPI document. */
export const V1_ROUTES: readonly ApiRoute[] = [
  v1Route({
    method: "post",
    path: "/v1/links",
    summary: "Create a short link",
    body: createLinkBody,
    success: ["201", "{success:true, link}", v1LinkResponse],
    errors: [...LINK_CONTENT, "invalid_domain", "slug_generation_failed"],
  }),
  v1Route({
    method: "get",
    path: "/v1/links",
    summary: "List the account's links, newest first",
    query: listLinksQuery,
    success: ["200", "{success:true, links, next_cursor}", v1LinkPageResponse],
  }),
  v1Route({
    method: "get",
    path: "/v1/links/{id}",
    summary: "Read a link",
    success: ["200", "{success:true, link}", v1LinkResponse],
    errors: ["link_not_found"],
  }),
  v1Route({
    method: "patch",
    path: "/v1/links/{id}",
    summary: "Update a link",
    body: updateLinkBody,
    success: ["200", "{success:true, link}", v1LinkResponse],
    errors: [...LINK_CONTENT, "link_not_found", "edit_not_allowed"],
  }),
  v1Route({
    method: "delete",
    path: "/v1/links/{id}",
    summary: "Delete a link for good",
    success: ["200", "{success:true}", v1DoneResponse],
    errors: ["link_not_found"],
  }),
  v1Route({
    method: "get",
    path: "/v1/links/{id}/analytics",
    summary: "Clicks by day, device, OS, browser, country and referrer",
    query: analyticsQuery,
    success: ["200", "{success:true, analytics}", v1AnalyticsResponse],
    errors: ["invalid_date_range", "link_not_found"],
  }),
  v1Route({
    method: "post",
    path: "/v1/domains",
    summary: "Register a custom domain (pending until verified)",
    body: createDomainBody,
    success: ["201", "{success:true, domain}", v1DomainResponse],
    errors: ["invalid_domain"],
  }),
  v1Route({
    method: "get",
    path: "/v1/domains",
    summary: "List the account's custom domains",
    success: ["200", "{success:true, domains}", v1DomainListResponse],
  }),
  v1Route({
    method: "post",
    path: "/v1/domains/{hostname}/verify",
    summary: "Verify a domain by its TXT record",
    success: ["200", "{success:true, domain}", v1DomainResponse],
    errors: ["invalid_domain"],
  }),
  v1Route({
    method: "delete",
    path: "/v1/domains/{hostname}",
    summary: "Remove a custom domain",
    success: ["200", "{success:true}", v1DoneResponse],
    errors: ["invalid_domain"],
  }),
];
