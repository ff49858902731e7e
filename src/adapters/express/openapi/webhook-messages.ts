import { z } from "zod";
import { MAX_CLICKS_PER_EVENT } from "../../../domain/webhook/webhook.js";
import { v1LinkSchema } from "../v1/v1-response-schemas.js";

const timestamp = z.iso.datetime().describe("UTC, ISO 8601 with milliseconds.");

/** A message body: `{type, timestamp, data}` (spec §10). */
function message<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({
    type: z.literal(type),
    timestamp: timestamp.describe("When the change happened (a ping: when it was asked for)."),
    data,
  });
}

/** One human click of a `clicks.recorded` message: classified fields only, never an address or a user agent. */
const recordedClick = z.strictObject({
  link_id: z.string(),
  at: timestamp,
  device: z.string().describe("Desktop, Mobile, Tablet or Other."),
  os: z.string(),
  browser: z.string(),
  country: z.string().describe("ISO 3166-1 alpha-2, or ZZ when unknown."),
  referrer: z.string().describe("The referring host, an app's package name, or Direct."),
  target: z.string().describe("default, rule:<n> or variant:<n>."),
});

/** Every message a webhook endpoint receives, by event, with what it says. */
export const WEBHOOK_MESSAGES = {
  "link.created": {
    summary: "A link was created: the v1 link object.",
    body: message("link.created", z.strictObject({ link: v1LinkSchema })),
  },
  "link.updated": {
    summary: "A link was changed: the v1 link object as the change left it.",
    body: message("link.updated", z.strictObject({ link: v1LinkSchema })),
  },
  "link.deleted": {
    summary: "A link was deleted: its id.",
    body: message("link.deleted", z.strictObject({ link: z.strictObject({ id: z.string() }) })),
  },
  "clicks.recorded": {
    summary: `The human clicks of one flush on the account's links, at most ${MAX_CLICKS_PER_EVENT} per message.`,
    body: message(
      "clicks.recorded",
      z.strictObject({ clicks: z.array(recordedClick).min(1).max(MAX_CLICKS_PER_EVENT) }),
    ),
  },
  ping: {
    summary: "Sent by POST /v1/webhooks/{id}/test.",
    body: message("ping", z.strictObject({ webhook: z.strictObject({ id: z.string() }) })),
  },
} as const;

const SIGNATURE_HEADERS = [
  ["webhook-id", "The message id (`msg_…`), the same on every retry."],
  ["webhook-timestamp", "Seconds since the epoch when this attempt was sent."],
  [
    "webhook-signature",
    '`v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">` under the secret.',
  ],
].map(([name, description]) => ({
  name,
  in: "header",
  required: true,
  description,
  schema: { type: "string" },
}));

/** The OpenAPI 3.1 `webhooks` of the document: what hexlink posts to registered endpoints, signed. */
export function webhookMessagesDocument(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(WEBHOOK_MESSAGES).map(([type, { summary, body }]) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(".", "_")}`,
          summary,
          tags: ["webhooks"],
          parameters: SIGNATURE_HEADERS,
          // The receiver checks the signature headers, not a key of hexlink's.
          security: [],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: z.toJSONSchema(body, { io: "input", unrepresentable: "any" }) },
            },
          },
          responses: {
            "200": { description: "Delivered (any 2xx); anything else, or no answer in 10 s, is retried." },
          },
        },
      },
    ]),
  );
}
