import type { z } from "zod";
import { codesByStatus, keyedResponses } from "../openapi/api-responses.js";
import type { ApiResponse, ApiRoute } from "../openapi/openapi-document.js";
import { CLIENT_ERROR_CODES, type ClientErrorCode } from "./client-error-codes.js";
import {
  clientClicksResponse,
  clientDoneResponse,
  clientFailureResponse,
  clientLinkResponse,
  clientShortenResponse,
} from "./client-response-schemas.js";
import { clicksBody, editBody, shortenBody, shortUrlBody, trackingBody } from "./client-schemas.js";

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

const done = ["{success:true}", clientDoneResponse] as const;

function route(
  path: string,
  summary: string,
  body: z.ZodType,
  [description, success]: readonly [string, z.ZodType],
  codes: readonly ClientErrorCode[],
): ApiRoute {
  return {
    method: "post",
    path: `/client/api${path}`,
    summary,
    tag: "client",
    security: "clientKey",
    body,
    responses: keyedResponses({ "200": { description, body: success }, ...failures(codes) }),
  };
}

const clicks = (dimension: string, names: string) =>
  route(
    `/clicksdata/${dimension}`,
    `Clicks by ${names} over a range of UTC days, sorted by clicks, descending`,
    clicksBody,
    [
      "{success:true, body:{tracking_id, start_date, end_date, short_url, clicks_data:[{name, clicks}]}}",
      clientClicksResponse,
    ],
    ["LI15", "LI11"],
  );

/** Every route of the client API, for the OpenAPI document. */
export const CLIENT_ROUTES: readonly ApiRoute[] = [
  route(
    "/url/shorten",
    "Create a short link (random code, or custom_name)",
    shortenBody,
    ["{success:true, body:{short_url, track_url, tracking_id}}", clientShortenResponse],
    ["LI05", "LI06", "LI07", "LI08", "LI09", "LI13", "LI14"],
  ),
  route("/url/edit", "Change a link's destination or password", editBody, done, [
    "LI05",
    "LI12",
    "LI13",
    "LI11",
  ]),
  route("/url/disable", "Disable a link: its short URL answers 404 until enabled", trackingBody, done, [
    "LI12",
    "LI11",
  ]),
  route("/url/enable", "Enable a disabled link", trackingBody, done, ["LI12", "LI11"]),
  route(
    "/url/delete",
    "Delete a link for good (its name is freed, its clicks forgotten)",
    trackingBody,
    done,
    ["LI11"],
  ),
  route(
    "/url/get",
    "Read a link by its short URL",
    shortUrlBody,
    ["{success:true, body:{short_url, long_url, track_url, tracking_id}}", clientLinkResponse],
    ["LI16"],
  ),
  clicks("device", "device type"),
  clicks("os", "operating system"),
  clicks("browser", "browser"),
  clicks("location", "country (English names)"),
  clicks("referrer", "referrer"),
];
