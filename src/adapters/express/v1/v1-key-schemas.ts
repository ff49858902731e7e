import { z } from "zod";
import { RATE_LIMIT_MAX } from "../../../domain/api-key/api-key.js";
import { API_KEY_SCOPES, KEY_DOMAINS_MAX } from "../../../domain/api-key/key-access.js";

const scope = z.enum(API_KEY_SCOPES);
const limit = z.number().int().min(1).max(RATE_LIMIT_MAX);

/** Body of `POST /v1/keys` (spec §13). Content rules (name, hostnames, expiry, escalation) are the core's. */
export const createKeyBody = z.strictObject({
  name: z.string().max(200).describe("A label: 1 to 64 printable characters."),
  scopes: z
    .array(scope)
    .max(API_KEY_SCOPES.length * 2)
    .describe("What the key may do; none of them beyond the calling key's."),
  domains: z
    .array(z.string().max(260))
    .max(KEY_DOMAINS_MAX)
    .nullable()
    .optional()
    .describe(
      "Hostnames the key is limited to (its links, analytics and domains); every domain when absent.",
    ),
  expires_at: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z" })
    .nullable()
    .optional()
    .describe("From then on the key answers as an unknown one (401)."),
  rate_limits: z
    .strictObject({ per_second: limit.optional(), per_hour: limit.optional(), per_month: limit.optional() })
    .nullable()
    .optional()
    .describe("Overrides of the server's limits for this key, none above the calling key's."),
});

/** The v1 API key object: never its secret nor its hash. */
export const v1KeySchema = z.strictObject({
  id: z.string().describe("`key_` and 21 characters."),
  name: z.string().nullable(),
  scopes: z.array(scope),
  domains: z.array(z.string()).nullable().describe("null: every domain of the account."),
  expires_at: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable().describe("To the minute: written at most once a minute per key."),
  rate_limits: z
    .strictObject({
      per_second: z.number().optional(),
      per_hour: z.number().optional(),
      per_month: z.number().optional(),
    })
    .nullable()
    .describe("This key's overrides of the server's limits; null for none."),
});

/** `{success:true, key, secret}` */
export const v1CreatedKeyResponse = z.strictObject({
  success: z.literal(true),
  key: v1KeySchema,
  secret: z.string().describe("The key itself: shown once, only its hash is stored."),
});

/** `{success:true, keys}` */
export const v1KeyListResponse = z.strictObject({ success: z.literal(true), keys: z.array(v1KeySchema) });
