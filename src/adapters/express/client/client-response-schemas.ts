import { z } from "zod";
import { CLIENT_ERROR_CODES, type ClientErrorCode } from "./client-error-codes.js";

const shortUrl = z.string().describe("The short URL, e.g. https://sho.rt/promo.");
const trackUrl = z.string().describe("The link's tracking page.");
const trackingId = z.string().describe("The link's id (`lnk_…`).");
const clientDay = z
  .string()
  .regex(/^\d{2}\/\d{2}\/\d{4}$/)
  .describe("dd/MM/yyyy (UTC)");

/** `{success:true, body}` with the seed's fields, no more. */
const success = <T extends z.ZodRawShape>(body: T) =>
  z.strictObject({ success: z.literal(true), body: z.strictObject(body) });

/** Answer of `url/shorten`. */
export const clientShortenResponse = success({
  short_url: shortUrl,
  track_url: trackUrl,
  tracking_id: trackingId,
});

/** Answer of `url/get`. */
export const clientLinkResponse = success({
  short_url: shortUrl,
  long_url: z.string().describe("The destination, as given."),
  track_url: trackUrl,
  tracking_id: trackingId,
});

/** Answer of `clicksdata/*`: one breakdown, sorted by clicks, descending. */
export const clientClicksResponse = success({
  tracking_id: trackingId,
  start_date: clientDay,
  end_date: clientDay,
  short_url: shortUrl,
  clicks_data: z.array(z.strictObject({ name: z.string(), clicks: z.int().min(0) })),
});

/** Answer of `url/edit`, `disable`, `enable` and `delete`: `{success:true}` alone. */
export const clientDoneResponse = z.strictObject({ success: z.literal(true) });

const failure = (code: ClientErrorCode) =>
  z.strictObject({
    success: z.literal(false),
    error_code: z.literal(code),
    error_message: z.literal(CLIENT_ERROR_CODES[code].message),
  });

/** The seed's failure body for one of these codes, each with its exact message. */
export function clientFailureResponse([code, ...others]: readonly [ClientErrorCode, ...ClientErrorCode[]]) {
  return others.length === 0 ? failure(code) : z.union([failure(code), ...others.map(failure)]);
}
