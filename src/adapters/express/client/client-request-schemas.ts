import { z } from "zod";

/** A field the seed requires; `""` reaches the use case, which refuses it in its own terms. */
function required(description: string) {
  return z.string().describe(description);
}

/** An optional field: absent, `null` and `""` all mean "not given". */
function optional(description: string) {
  return z
    .string()
    .nullable()
    .optional()
    .transform((value) => (value === "" || value === null ? undefined : value))
    .describe(description);
}

const longUrl =
  "The destination, percent-encoded (e.g. `https://example.com/?q=a%20b`); kept as given, not decoded.";
const trackingId = "The link's id (`lnk_…`), as returned in `tracking_id`.";

/** Body of `POST /client/api/url/shorten`. */
export const shortenBody = z.strictObject({
  long_url: required(longUrl),
  custom_name: optional("The short link's name: 3–64 characters of A-Z, a-z, 0-9, '_' and '-'."),
  password: optional("Visitors must enter it before being redirected."),
  domain: optional("The default domain or an active custom domain of the account."),
});

/** Body of `POST /client/api/url/edit`: `long_url` or `password` left out or `""` stay as they are. */
export const editBody = z.strictObject({
  tracking_id: required(trackingId),
  long_url: optional(`The new destination. ${longUrl}`),
  password: z
    .string()
    .nullable()
    .optional()
    .describe('A new password; `""` or absent leaves it as it is, `null` removes it.'),
});

/** Body of `POST /client/api/url/{disable,enable,delete}`. */
export const trackingBody = z.strictObject({ tracking_id: required(trackingId) });

/** Body of `POST /client/api/url/get`. */
export const shortUrlBody = z.strictObject({
  short_url: required("A short URL of the account, e.g. `https://sho.rt/promo` (scheme optional)."),
});

/** Body of `POST /client/api/clicksdata/*`: an inclusive range of UTC days. */
export const clicksBody = z.strictObject({
  tracking_id: required(trackingId),
  start_date: required("First day, `dd/MM/yyyy` (UTC), e.g. `01/08/2020`."),
  end_date: required("Last day, `dd/MM/yyyy` (UTC), inclusive; at most 366 days after start_date."),
});
