import { z } from "zod";
import type { CreateLinkInput } from "../../../application/use-cases/link/create-link.js";
import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import { analyticsJson } from "./analytics-json.js";
import { linkJson } from "./link-json.js";
import { linkTargetsInput } from "./link-targets-json.js";
import {
  analyticsQuery,
  createLinkBody,
  emptyBody,
  listLinksQuery,
  updateLinkBody,
} from "./v1-request-schemas.js";
import {
  v1AnalyticsResponse,
  v1DoneResponse,
  v1LinkPageResponse,
  v1LinkResponse,
} from "./v1-response-schemas.js";
import type { V1Route } from "./v1-route.js";
import { v1Route } from "./v1-route.js";

const LINK_CONTENT: readonly ErrorCode[] = [
  "invalid_destination",
  "invalid_slug",
  "slug_taken",
  "destination_blocked",
];

const linkParams = z.object({ id: z.string().describe("The link's id: `lnk_` and 21 characters.") });
const linkAnswer = { description: "{success:true, link}", body: v1LinkResponse } as const;
const done = { status: 200, description: "{success:true}", body: v1DoneResponse } as const;

/** Parses an optional ISO date field into the use cases' shape. */
export function toDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(value);
}

/** The create use case's input from a `POST /v1/links` body (also each item of a bulk create). */
export function toCreateLinkInput(
  { accountId, access }: Pick<RequestPrincipal, "accountId" | "access">,
  body: z.output<typeof createLinkBody>,
): CreateLinkInput {
  return {
    accountId,
    access,
    url: body.url,
    ...(body.custom_slug === undefined ? {} : { customSlug: body.custom_slug }),
    ...(body.domain === undefined ? {} : { domain: body.domain }),
    ...(body.password === undefined ? {} : { password: body.password }),
    expiresAt: toDate(body.expires_at) ?? null,
    maxClicks: body.max_clicks ?? null,
    ...(body.title === undefined ? {} : { title: body.title }),
    ...(body.tags === undefined ? {} : { tags: body.tags }),
    ...linkTargetsInput(body),
  };
}

/** `/v1/links`: create, list, read, update, delete and analytics of the key's own links. */
export const V1_LINK_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "post",
    path: "/links",
    summary: "Create a short link",
    scope: "links:write",
    body: createLinkBody,
    success: { status: 201, ...linkAnswer },
    errors: [...LINK_CONTENT, "invalid_domain", "slug_generation_failed", "idempotency_conflict"],
    idempotent: true,
    handle: async (hexlink, { body, accountId, access }) => {
      const link = await hexlink.createLink.execute(toCreateLinkInput({ accountId, access }, body));
      return { link: linkJson(link) };
    },
  }),
  v1Route({
    method: "get",
    path: "/links",
    summary: "List the account's links, newest first",
    scope: "links:read",
    query: listLinksQuery,
    success: { status: 200, description: "{success:true, links, next_cursor}", body: v1LinkPageResponse },
    handle: async (hexlink, { query, accountId, access }) => {
      const { tag, q, ...rest } = query;
      const page = await hexlink.listLinks.execute({
        accountId,
        access,
        ...rest,
        ...(tag === undefined ? {} : { tags: tag }),
        ...(q === undefined ? {} : { search: q }),
      });
      return {
        links: page.links.map(linkJson),
        next_cursor: page.nextCursor,
      };
    },
  }),
  v1Route({
    method: "get",
    path: "/links/{id}",
    summary: "Read a link",
    scope: "links:read",
    params: linkParams,
    query: emptyBody,
    success: { status: 200, ...linkAnswer },
    errors: ["link_not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      const link = await hexlink.getLink.execute({ accountId, access, id: params.id });
      return { link: linkJson(link) };
    },
  }),
  v1Route({
    method: "patch",
    path: "/links/{id}",
    summary: "Update a link",
    scope: "links:write",
    params: linkParams,
    body: updateLinkBody,
    success: { status: 200, ...linkAnswer },
    errors: [...LINK_CONTENT, "link_not_found", "edit_not_allowed"],
    handle: async (hexlink, { params, body, accountId, access }) => {
      const link = await hexlink.updateLink.execute({
        accountId,
        access,
        id: params.id,
        ...(body.url === undefined ? {} : { url: body.url }),
        ...(body.custom_slug === undefined ? {} : { customSlug: body.custom_slug }),
        ...(body.password === undefined ? {} : { password: body.password }),
        ...(body.expires_at === undefined ? {} : { expiresAt: toDate(body.expires_at) ?? null }),
        ...(body.max_clicks === undefined ? {} : { maxClicks: body.max_clicks }),
        ...(body.status === undefined ? {} : { status: body.status }),
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(body.tags === undefined ? {} : { tags: body.tags }),
        ...linkTargetsInput(body),
      });
      return { link: linkJson(link) };
    },
  }),
  v1Route({
    method: "delete",
    path: "/links/{id}",
    summary: "Delete a link for good",
    scope: "links:write",
    params: linkParams,
    success: done,
    errors: ["link_not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      await hexlink.deleteLink.execute({ accountId, access, id: params.id });
      return {};
    },
  }),
  v1Route({
    method: "get",
    path: "/links/{id}/analytics",
    summary: "Clicks by day, device, OS, browser, country and referrer",
    scope: "analytics:read",
    params: linkParams,
    query: analyticsQuery,
    success: { status: 200, description: "{success:true, analytics}", body: v1AnalyticsResponse },
    errors: ["invalid_date_range", "link_not_found"],
    handle: async (hexlink, { params, query, accountId, access }) => {
      const stats = await hexlink.getLinkAnalytics.execute({
        accountId,
        access,
        linkId: params.id,
        ...query,
      });
      return { analytics: analyticsJson(stats) };
    },
  }),
];
