import type { ApiRoute } from "../openapi/openapi-document.js";
import { CLIENT_ERROR_CODES, type ClientErrorCode } from "./client-error-codes.js";
import { clicksBody, editBody, shortenBody, shortUrlBody, trackingBody } from "./client-schemas.js";

const failure = (...codes: ClientErrorCode[]): string =>
  `{success:false, error_code, error_message}: ${codes
    .map((code) => `${code} "${CLIENT_ERROR_CODES[code].message}"`)
    .join("; ")}`;

const common = {
  "401": failure("LI03"),
  "403": failure("LI04"),
  "429": failure("LI01", "LI02"),
};

const done = "{success:true}";

function route(path: string, summary: string, body: ApiRoute["body"], responses: Record<string, string>) {
  return {
    method: "post",
    path: `/client/api${path}`,
    summary,
    tag: "client",
    security: "clientKey",
    body,
    responses: { ...responses, ...common },
  } as const satisfies ApiRoute;
}

const clicks = (dimension: string, names: string) =>
  route(
    `/clicksdata/${dimension}`,
    `Clicks by ${names} over a range of UTC days, sorted by clicks, descending`,
    clicksBody,
    {
      "200":
        "{success:true, body:{tracking_id, start_date, end_date, short_url, clicks_data:[{name, clicks}]}}",
      "400": failure("LI00", "LI15"),
      "404": failure("LI11"),
    },
  );

/** Every route of the client API, for the OpenAPI document. */
export const CLIENT_ROUTES: readonly ApiRoute[] = [
  route("/url/shorten", "Create a short link (random code, or custom_name)", shortenBody, {
    "200": "{success:true, body:{short_url, track_url, tracking_id}}",
    "400": failure("LI00", "LI05", "LI06", "LI07", "LI08", "LI09", "LI13", "LI14"),
  }),
  route("/url/edit", "Change a link's destination or password", editBody, {
    "200": done,
    "400": failure("LI00", "LI05", "LI12", "LI13"),
    "404": failure("LI11"),
  }),
  route("/url/disable", "Disable a link: its short URL answers 404 until enabled", trackingBody, {
    "200": done,
    "400": failure("LI00", "LI12"),
    "404": failure("LI11"),
  }),
  route("/url/enable", "Enable a disabled link", trackingBody, {
    "200": done,
    "400": failure("LI00", "LI12"),
    "404": failure("LI11"),
  }),
  route("/url/delete", "Delete a link for good (its name is freed, its clicks forgotten)", trackingBody, {
    "200": done,
    "400": failure("LI00"),
    "404": failure("LI11"),
  }),
  route("/url/get", "Read a link by its short URL", shortUrlBody, {
    "200": "{success:true, body:{short_url, long_url, track_url, tracking_id}}",
    "400": failure("LI00"),
    "404": failure("LI16"),
  }),
  clicks("device", "device type"),
  clicks("os", "operating system"),
  clicks("browser", "browser"),
  clicks("location", "country (English names)"),
  clicks("referrer", "referrer"),
];
