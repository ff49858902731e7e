import type { Dimension } from "../../../domain/click/click.js";
import type { LinkStatus } from "../../../domain/link/link.js";
import type { ApiTable } from "../routing/route-declaration.js";
import { clicksDataJson } from "./clicks-data-json.js";
import { parseClientDate } from "./client-date.js";
import { clicksBody, editBody, shortenBody, shortUrlBody, trackingBody } from "./client-request-schemas.js";
import {
  clientClicksResponse,
  clientDoneResponse,
  clientLinkResponse,
  clientShortenResponse,
} from "./client-response-schemas.js";
import { type ClientRoute, clientRoute } from "./client-route.js";
import { linkDetailsJson } from "./link-details-json.js";
import { shortenedJson } from "./shortened-json.js";

const done = { description: "{success:true}", body: clientDoneResponse };

const setStatus = (path: string, summary: string, status: LinkStatus) =>
  clientRoute({
    path,
    summary,
    scope: "links:write",
    body: trackingBody,
    success: done,
    errors: ["LI12", "LI11"],
    operation: "by_id",
    handle: async (hexlink, body, { accountId, access }) => {
      await hexlink.updateLink.execute({ accountId, access, id: body.tracking_id, status });
      return {};
    },
  });

const clicksData = (path: string, names: string, dimension: Dimension) =>
  clientRoute({
    path,
    summary: `Clicks by ${names} over a range of UTC days, sorted by clicks, descending`,
    scope: "analytics:read",
    body: clicksBody,
    success: {
      description:
        "{success:true, body:{tracking_id, start_date, end_date, short_url, clicks_data:[{name, clicks}]}}",
      body: clientClicksResponse,
    },
    errors: ["LI15", "LI11"],
    operation: "by_id",
    handle: async (hexlink, body, { accountId, access }) => {
      const start = parseClientDate(body.start_date);
      const end = parseClientDate(body.end_date);
      const stats = await hexlink.getLinkAnalytics.execute({
        accountId,
        access,
        linkId: body.tracking_id,
        ...(start === undefined ? {} : { start }),
        ...(end === undefined ? {} : { end }),
      });
      return { body: clicksDataJson(stats, dimension) };
    },
  });

const ROUTES: readonly ClientRoute[] = [
  clientRoute({
    path: "/url/shorten",
    summary: "Create a short link (random code, or custom_name)",
    scope: "links:write",
    body: shortenBody,
    success: {
      description: "{success:true, body:{short_url, track_url, tracking_id}}",
      body: clientShortenResponse,
    },
    errors: ["LI05", "LI06", "LI07", "LI08", "LI09", "LI13", "LI14"],
    operation: (body) => (body.custom_name === undefined ? "create_short" : "create_custom"),
    handle: async (hexlink, body, { accountId, access }) => {
      const link = await hexlink.createLink.execute({
        accountId,
        access,
        url: body.long_url,
        ...(body.custom_name === undefined ? {} : { customSlug: body.custom_name }),
        ...(body.domain === undefined ? {} : { domain: body.domain }),
        ...(body.password === undefined ? {} : { password: body.password }),
      });
      return { body: shortenedJson(link) };
    },
  }),
  clientRoute({
    path: "/url/edit",
    summary: "Change a link's destination or password",
    scope: "links:write",
    body: editBody,
    success: done,
    errors: ["LI05", "LI12", "LI13", "LI11"],
    operation: "by_id",
    handle: async (hexlink, body, { accountId, access }) => {
      await hexlink.updateLink.execute({
        accountId,
        access,
        id: body.tracking_id,
        ...(body.long_url === undefined ? {} : { url: body.long_url }),
        // "" leaves the password as it is (the seed's samples send it empty); null removes it.
        ...(body.password === undefined || body.password === "" ? {} : { password: body.password }),
      });
      return {};
    },
  }),
  setStatus("/url/disable", "Disable a link: its short URL answers 404 until enabled", "disabled"),
  setStatus("/url/enable", "Enable a disabled link", "active"),
  clientRoute({
    path: "/url/delete",
    summary: "Delete a link for good (its name is freed, its clicks forgotten)",
    scope: "links:write",
    body: trackingBody,
    success: done,
    errors: ["LI11"],
    operation: "by_id",
    handle: async (hexlink, body, { accountId, access }) => {
      await hexlink.deleteLink.execute({ accountId, access, id: body.tracking_id });
      return {};
    },
  }),
  clientRoute({
    path: "/url/get",
    summary: "Read a link by its short URL",
    scope: "links:read",
    body: shortUrlBody,
    success: {
      description: "{success:true, body:{short_url, long_url, track_url, tracking_id}}",
      body: clientLinkResponse,
    },
    errors: ["LI16"],
    operation: "by_short_url",
    handle: async (hexlink, body, { accountId, access }) => {
      const link = await hexlink.getLinkByShortUrl.execute({ accountId, access, shortUrl: body.short_url });
      return { body: linkDetailsJson(link) };
    },
  }),
  clicksData("/clicksdata/device", "device type", "device"),
  clicksData("/clicksdata/os", "operating system", "os"),
  clicksData("/clicksdata/browser", "browser", "browser"),
  clicksData("/clicksdata/location", "country (English names)", "country"),
  clicksData("/clicksdata/referrer", "referrer", "referrer"),
];

/** The lnnk.in-compatible client API: every route, declared once; its router and OpenAPI operations come from it. */
export const CLIENT_API: ApiTable<ClientRoute> = { base: "/client/api", routes: ROUTES };
