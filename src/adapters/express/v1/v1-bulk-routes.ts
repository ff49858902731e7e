import { z } from "zod";
import type { CreateLinkInput } from "../../../application/use-cases/link/create-link.js";
import type { BulkResult } from "../../../application/views/bulk-result.js";
import type { LinkView } from "../../../application/views/link-view.js";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import { EXPORT_MEDIA_TYPES, exportChunks } from "../../csv/link-export-format.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import { validate } from "../routing/validate.js";
import { EXPORT_COLUMNS, exportRecords } from "./link-export-json.js";
import { linkJson } from "./link-json.js";
import {
  bulkCreateBody,
  bulkDeleteBody,
  bulkUpdateBody,
  exportQuery,
  v1BulkDeleteResponse,
  v1BulkLinksResponse,
} from "./v1-bulk-schemas.js";
import { toCreateLinkInput, toDate } from "./v1-link-routes.js";
import { createLinkBody } from "./v1-request-schemas.js";
import { type V1Route, v1Route, v1StreamRoute } from "./v1-route.js";

/** A bulk create's body: 1,000 links of long URLs fit, without letting a body grow without bound. */
const BULK_CREATE_LIMIT = "4mb";
/** 1,000 ids and the changes to make. */
const BULK_IDS_LIMIT = "64kb";

/** One result entry: the item's value as JSON, or its refusal. */
function resultJson<T, J extends object>(result: BulkResult<T>, json: (value: T) => J) {
  return result.ok
    ? { ok: true as const, ...json(result.value) }
    : { ok: false as const, code: result.error.code, error: result.error.message };
}

/** Each item checked against the create body on its own: the valid ones as inputs, the others refused. */
function parseItems(
  principal: Pick<RequestPrincipal, "accountId" | "access">,
  items: readonly unknown[],
): (CreateLinkInput | BulkResult<never>)[] {
  return items.map((item) => {
    try {
      return toCreateLinkInput(principal, validate(createLinkBody, item));
    } catch (error) {
      if (isDomainError(error)) return { ok: false, error };
      throw error;
    }
  });
}

/** `/v1/links/bulk…` and `/v1/links/export` (spec §9). */
export const V1_BULK_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "post",
    path: "/links/bulk",
    summary: "Create up to 1,000 links in one call",
    scope: "links:write",
    body: bulkCreateBody,
    bodyLimit: BULK_CREATE_LIMIT,
    idempotent: true,
    success: {
      status: 200,
      description: "{success:true, results} in input order",
      body: v1BulkLinksResponse,
    },
    errors: ["idempotency_conflict"],
    handle: async (hexlink, { body, accountId, access }) => {
      const items = parseItems({ accountId, access }, body.links);
      const inputs = items.filter((item): item is CreateLinkInput => !("ok" in item));
      const created = inputs.length === 0 ? [] : await hexlink.bulkCreateLinks.execute(inputs);
      let next = 0;
      const results = items.map((item): BulkResult<LinkView> => {
        if ("ok" in item) return item;
        const result = created[next++];
        if (result === undefined) throw new TypeError("The bulk create answered fewer results than links.");
        return result;
      });
      return { results: results.map((result) => resultJson(result, (link) => ({ link: linkJson(link) }))) };
    },
  }),
  v1Route({
    method: "post",
    path: "/links/bulk-update",
    summary: "Set the status, expiry or tags of up to 1,000 links",
    scope: "links:write",
    body: bulkUpdateBody,
    bodyLimit: BULK_IDS_LIMIT,
    success: {
      status: 200,
      description: "{success:true, results} in input order",
      body: v1BulkLinksResponse,
    },
    handle: async (hexlink, { body, accountId, access }) => {
      const { status, expires_at, tags_add, tags_remove } = body.set;
      const results = await hexlink.bulkUpdateLinks.execute({
        accountId,
        access,
        ids: body.ids,
        set: {
          ...(status === undefined ? {} : { status }),
          ...(expires_at === undefined ? {} : { expiresAt: toDate(expires_at) ?? null }),
          ...(tags_add === undefined ? {} : { tagsAdd: tags_add }),
          ...(tags_remove === undefined ? {} : { tagsRemove: tags_remove }),
        },
      });
      return { results: results.map((result) => resultJson(result, (link) => ({ link: linkJson(link) }))) };
    },
  }),
  v1Route({
    method: "post",
    path: "/links/bulk-delete",
    summary: "Delete up to 1,000 links",
    scope: "links:write",
    body: bulkDeleteBody,
    bodyLimit: BULK_IDS_LIMIT,
    success: {
      status: 200,
      description: "{success:true, results} in input order",
      body: v1BulkDeleteResponse,
    },
    handle: async (hexlink, { body, accountId, access }) => {
      const results = await hexlink.bulkDeleteLinks.execute({ accountId, access, ids: body.ids });
      return { results: results.map((result) => resultJson(result, (deleted) => ({ id: deleted.id }))) };
    },
  }),
  v1StreamRoute({
    method: "get",
    path: "/links/export",
    summary: "Every matching link with its total clicks, streamed as CSV or NDJSON",
    scope: "links:read",
    query: exportQuery,
    success: {
      status: 200,
      description: "CSV (a header row) or NDJSON, one link per row",
      body: z.string(),
      mediaTypes: Object.values(EXPORT_MEDIA_TYPES),
    },
    stream: async (hexlink, { query, accountId, access }) => {
      const { format = "csv", tag, q, ...filters } = query;
      const links = hexlink.exportLinks.execute({
        accountId,
        access,
        ...filters,
        ...(tag === undefined ? {} : { tags: tag }),
        ...(q === undefined ? {} : { search: q }),
      });
      return {
        contentType: EXPORT_MEDIA_TYPES[format],
        filename: `links.${format === "csv" ? "csv" : "ndjson"}`,
        chunks: exportChunks(exportRecords(links), format, EXPORT_COLUMNS),
      };
    },
  }),
];
