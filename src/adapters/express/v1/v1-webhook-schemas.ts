import { z } from "zod";
import { WEBHOOK_EVENTS } from "../../../domain/webhook/webhook.js";

const timestamp = z.iso.datetime().describe("UTC, ISO 8601 with milliseconds.");

/** Body of `POST /v1/webhooks`. URL and event rules are the domain's; this checks shape and types. */
export const createWebhookBody = z.strictObject({
  url: z
    .string()
    .max(2048)
    .describe(
      "Where messages are posted: https (http only with HEXLINK_WEBHOOKS_ALLOW_PRIVATE=true); hosts resolving to loopback, private or link-local addresses are refused unless allowed.",
    ),
  events: z
    .array(z.string().max(40))
    .max(10)
    .describe(`Events to receive, at least one of: ${WEBHOOK_EVENTS.join(", ")}.`),
});

/** The v1 webhook object. */
export const v1WebhookSchema = z.strictObject({
  id: z.string().describe("`wh_` and 21 characters."),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  status: z.enum(["active", "disabled"]).describe("`disabled` after 5 days of failed deliveries."),
  created_at: timestamp,
  failing_since: timestamp
    .nullable()
    .describe("Since when every delivery has failed; null when the last succeeded."),
});

/** `{success:true, webhook}` with the secret, which is shown this once. */
export const v1CreatedWebhookResponse = z.strictObject({
  success: z.literal(true),
  webhook: v1WebhookSchema.extend({
    secret: z
      .string()
      .describe("`whsec_` + base64 of 32 bytes: the Standard Webhooks signing key, shown only here."),
  }),
});

export const v1WebhookListResponse = z.strictObject({
  success: z.literal(true),
  webhooks: z.array(v1WebhookSchema),
});

/** One delivery: one message to one endpoint, whatever its number of attempts. */
export const v1DeliverySchema = z.strictObject({
  id: z.string().describe("The message id, sent as `webhook-id` on every attempt (`msg_…`)."),
  event: z.enum([...WEBHOOK_EVENTS, "ping"]),
  status: z.enum(["pending", "retrying", "delivered", "failed"]),
  attempts: z.int().min(0),
  response_status: z.int().nullable().describe("HTTP status of the last attempt; null when none answered."),
  next_attempt_at: timestamp.nullable(),
  created_at: timestamp,
});

export const v1DeliveryListResponse = z.strictObject({
  success: z.literal(true),
  deliveries: z.array(v1DeliverySchema).describe("The last 100, newest first."),
});

export const v1WebhookTestResponse = z.strictObject({
  success: z.literal(true),
  delivery_id: z.string().describe("The id of the queued `ping` message."),
});
