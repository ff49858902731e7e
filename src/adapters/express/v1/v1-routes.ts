import type { ApiRoute } from "../openapi/openapi-document.js";
import {
  analyticsQuery,
  createDomainBody,
  createLinkBody,
  listLinksQuery,
  updateLinkBody,
} from "./v1-schemas.js";

const common = { "401": "unauthorized", "429": "rate_limited or quota_exceeded", "503": "unavailable" };

/** Every route of the v1 API, for the OpenAPI document. */
export const V1_ROUTES: readonly ApiRoute[] = [
  {
    method: "post",
    path: "/v1/links",
    summary: "Create a short link",
    tag: "v1",
    security: "bearer",
    body: createLinkBody,
    responses: {
      "201": "{success:true, link}",
      "400":
        "invalid_request, invalid_destination, invalid_slug, slug_taken, destination_blocked, invalid_domain",
      ...common,
    },
  },
  {
    method: "get",
    path: "/v1/links",
    summary: "List the account's links, newest first",
    tag: "v1",
    security: "bearer",
    query: listLinksQuery,
    responses: { "200": "{success:true, links, next_cursor}", "400": "invalid_request", ...common },
  },
  {
    method: "get",
    path: "/v1/links/{id}",
    summary: "Read a link",
    tag: "v1",
    security: "bearer",
    responses: { "200": "{success:true, link}", "404": "link_not_found", ...common },
  },
  {
    method: "patch",
    path: "/v1/links/{id}",
    summary: "Update a link",
    tag: "v1",
    security: "bearer",
    body: updateLinkBody,
    responses: {
      "200": "{success:true, link}",
      "400": "invalid_request and content errors",
      "404": "link_not_found",
      "409": "edit_not_allowed",
      ...common,
    },
  },
  {
    method: "delete",
    path: "/v1/links/{id}",
    summary: "Delete a link for good",
    tag: "v1",
    security: "bearer",
    responses: { "200": "{success:true}", "404": "link_not_found", ...common },
  },
  {
    method: "get",
    path: "/v1/links/{id}/analytics",
    summary: "Clicks by day, device, OS, browser, country and referrer",
    tag: "v1",
    security: "bearer",
    query: analyticsQuery,
    responses: {
      "200": "{success:true, analytics}",
      "400": "invalid_date_range",
      "404": "link_not_found",
      ...common,
    },
  },
  {
    method: "post",
    path: "/v1/domains",
    summary: "Register a custom domain (pending until verified)",
    tag: "v1",
    security: "bearer",
    body: createDomainBody,
    responses: { "201": "{success:true, domain}", "400": "invalid_domain", ...common },
  },
  {
    method: "get",
    path: "/v1/domains",
    summary: "List the account's custom domains",
    tag: "v1",
    security: "bearer",
    responses: { "200": "{success:true, domains}", ...common },
  },
  {
    method: "post",
    path: "/v1/domains/{hostname}/verify",
    summary: "Verify a domain by its TXT record",
    tag: "v1",
    security: "bearer",
    responses: { "200": "{success:true, domain}", "400": "invalid_domain", ...common },
  },
  {
    method: "delete",
    path: "/v1/domains/{hostname}",
    summary: "Remove a custom domain",
    tag: "v1",
    security: "bearer",
    responses: { "200": "{success:true}", "400": "invalid_domain", ...common },
  },
];
