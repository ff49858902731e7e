import { accountAnalyticsJson } from "./analytics-json.js";
import { accountAnalyticsQuery, emptyBody } from "./v1-request-schemas.js";
import { v1AccountAnalyticsResponse, v1TagListResponse } from "./v1-response-schemas.js";
import { type V1Route, v1Route } from "./v1-route.js";

/** `/v1/tags` and `/v1/analytics`: what spans all the key's links. */
export const V1_ACCOUNT_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "get",
    path: "/tags",
    summary: "The account's tags, by name, with how many links carry each",
    scope: "links:read",
    query: emptyBody,
    success: { status: 200, description: "{success:true, tags}", body: v1TagListResponse },
    handle: async (hexlink, { accountId, access }) => {
      const tags = await hexlink.listTags.execute({ accountId, access });
      return { tags: tags.map((tag) => ({ name: tag.name, links: tag.links })) };
    },
  }),
  v1Route({
    method: "get",
    path: "/analytics",
    summary: "Clicks of all the account's links, or those of one tag or domain, with the top links",
    scope: "analytics:read",
    query: accountAnalyticsQuery,
    success: { status: 200, description: "{success:true, analytics}", body: v1AccountAnalyticsResponse },
    errors: ["invalid_date_range"],
    handle: async (hexlink, { query, accountId, access }) => {
      const stats = await hexlink.getAccountAnalytics.execute({ accountId, access, ...query });
      return { analytics: accountAnalyticsJson(stats) };
    },
  }),
];
