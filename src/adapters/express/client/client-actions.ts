import type { Hexlink } from "../../../application/hexlink.js";
import type { Dimension } from "../../../domain/click/click.js";
import type { LinkStatus } from "../../../domain/link/link.js";
import { type ClientAction, clientAction } from "./client-action.js";
import { parseClientDate } from "./client-date.js";
import { clicksDataJson, linkDetailsJson, shortenedJson } from "./client-presenters.js";
import { clicksBody, editBody, shortenBody, shortUrlBody, trackingBody } from "./client-schemas.js";

/** Every client API endpoint by its path below `/client/api`, each a call of the use cases v1 uses too. */
export function clientActions(hexlink: Hexlink): Readonly<Record<string, ClientAction>> {
  const urls = hexlink.shortUrls;

  const setStatus = (status: LinkStatus) =>
    clientAction(trackingBody, "by_id", async (body, accountId) => {
      await hexlink.updateLink.execute({ accountId, id: body.tracking_id, status });
      return undefined;
    });

  const clicksData = (dimension: Dimension) =>
    clientAction(clicksBody, "by_id", async (body, accountId) => {
      const start = parseClientDate(body.start_date);
      const end = parseClientDate(body.end_date);
      const link = await hexlink.getLink.execute(accountId, body.tracking_id);
      const stats = await hexlink.getLinkAnalytics.execute(accountId, link.id, start, end);
      return clicksDataJson(link, urls, stats, dimension);
    });

  return {
    "/url/shorten": clientAction(
      shortenBody,
      (body) => (body.custom_name === undefined ? "create_short" : "create_custom"),
      async (body, accountId) => {
        const link = await hexlink.createLink.execute({
          accountId,
          url: body.long_url,
          ...(body.custom_name === undefined ? {} : { customSlug: body.custom_name }),
          ...(body.domain === undefined ? {} : { domain: body.domain }),
          ...(body.password === undefined ? {} : { password: body.password }),
        });
        return shortenedJson(link, urls);
      },
    ),
    "/url/edit": clientAction(editBody, "by_id", async (body, accountId) => {
      await hexlink.updateLink.execute({
        accountId,
        id: body.tracking_id,
        ...(body.long_url === undefined ? {} : { url: body.long_url }),
        // "" leaves the password as it is (the seed's samples send it empty); null removes it.
        ...(body.password === undefined || body.password === "" ? {} : { password: body.password }),
      });
      return undefined;
    }),
    "/url/disable": setStatus("disabled"),
    "/url/enable": setStatus("active"),
    "/url/delete": clientAction(trackingBody, "by_id", async (body, accountId) => {
      await hexlink.deleteLink.execute(accountId, body.tracking_id);
      return undefined;
    }),
    "/url/get": clientAction(shortUrlBody, "by_short_url", async (body, accountId) =>
      linkDetailsJson(await hexlink.getLinkByShortUrl.execute(accountId, body.short_url), urls),
    ),
    "/clicksdata/device": clicksData("device"),
    "/clicksdata/os": clicksData("os"),
    "/clicksdata/browser": clicksData("browser"),
    "/clicksdata/location": clicksData("country"),
    "/clicksdata/referrer": clicksData("referrer"),
  };
}
