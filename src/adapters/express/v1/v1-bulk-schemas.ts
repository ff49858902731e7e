import { z } from "zod";
import { BULK_MAX_ITEMS } from "../../../application/views/bulk-result.js";
import { ERROR_CODES } from "../../../domain/errors/domain-error.js";
import { createLinkBody, listLinksQuery } from "./v1-request-schemas.js";
import { v1LinkSchema } from "./v1-response-schemas.js";

const isoDate = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z",
});

/** The JSON Schema of one create body, shown as the items of a bulk create (each is checked on its own). */
const { $schema: _, ...createItemSchema } = z.toJSONSchema(createLinkBody, { io: "input" });

/**
 * Body of `POST /v1/links/bulk`: each item is a `POST /v1/links` body, checked on its own so that a bad one
 * answers `{ok:false, code:"invalid_request"}` in its place instead of failing the call.
 */
export const bulkCreateBody = z.strictObject({
  links: z
    .array(z.unknown())
    .min(1)
    .max(BULK_MAX_ITEMS)
    .meta({ items: createItemSchema })
    .describe(`1 to ${BULK_MAX_ITEMS} bodies of POST /v1/links.`),
});

const ids = z
  .array(z.string().max(100))
  .min(1)
  .max(BULK_MAX_ITEMS)
  .describe(`1 to ${BULK_MAX_ITEMS} link ids of the account.`);

const tagList = z.array(z.string().max(50)).max(20);

/** Body of `POST /v1/links/bulk-update`. */
export const bulkUpdateBody = z.strictObject({
  ids,
  set: z
    .strictObject({
      status: z.enum(["active", "disabled"]).optional(),
      expires_at: isoDate.nullable().optional().describe("null removes the expiry."),
      tags_add: tagList.optional().describe("Tags each link gains (a link keeps at most 20)."),
      tags_remove: tagList.optional().describe("Tags each link loses."),
    })
    .refine((set) => Object.keys(set).length > 0, { message: "must set at least one field" }),
});

/** Body of `POST /v1/links/bulk-delete`. */
export const bulkDeleteBody = z.strictObject({ ids });

/** Query of `GET /v1/links/export`: the listing's filters, no paging, and the format. */
export const exportQuery = listLinksQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(["csv", "ndjson"]).optional().describe("csv (default) or ndjson."),
});

const refusedItem = z.strictObject({
  ok: z.literal(false),
  code: z.enum(ERROR_CODES).describe("Why this item alone was refused (spec §5)."),
  error: z.string().describe("A sentence for people."),
});

/** `{success:true, results}` of a bulk create or update: one entry per item, in input order. */
export const v1BulkLinksResponse = z.strictObject({
  success: z.literal(true),
  results: z.array(z.union([z.strictObject({ ok: z.literal(true), link: v1LinkSchema }), refusedItem])),
});

/** `{success:true, results}` of a bulk delete: one entry per id, in input order. */
export const v1BulkDeleteResponse = z.strictObject({
  success: z.literal(true),
  results: z.array(z.union([z.strictObject({ ok: z.literal(true), id: z.string() }), refusedItem])),
});
