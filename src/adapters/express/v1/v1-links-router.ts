import { Router } from "express";
import type { Hexlink } from "../../../application/hexlink.js";
import { requestKey } from "../http/api-key-auth.js";
import { validate } from "../http/validate.js";
import { analyticsJson, linkJson } from "./v1-presenters.js";
import {
  analyticsQuery,
  createLinkBody,
  emptyBody,
  listLinksQuery,
  toDate,
  updateLinkBody,
} from "./v1-schemas.js";

/** `/v1/links`: create, list, read, update, delete and analytics of the key's own links. */
export function v1LinksRouter(hexlink: Hexlink): Router {
  const router = Router();
  const urls = hexlink.shortUrls;

  router.post("/", async (req, res) => {
    const body = validate(createLinkBody, req.body ?? {});
    const link = await hexlink.createLink.execute({
      accountId: requestKey(res).accountId,
      url: body.url,
      ...(body.custom_slug === undefined ? {} : { customSlug: body.custom_slug }),
      ...(body.domain === undefined ? {} : { domain: body.domain }),
      ...(body.password === undefined ? {} : { password: body.password }),
      expiresAt: toDate(body.expires_at) ?? null,
      maxClicks: body.max_clicks ?? null,
    });
    res.status(201).json({ success: true, link: linkJson(link, urls) });
  });

  router.get("/", async (req, res) => {
    const query = validate(listLinksQuery, req.query);
    const page = await hexlink.listLinks.execute({ accountId: requestKey(res).accountId, ...query });
    res.json({
      success: true,
      links: page.links.map((link) => linkJson(link, urls)),
      next_cursor: page.nextCursor,
    });
  });

  router.get("/:id", async (req, res) => {
    validate(emptyBody, req.query);
    const link = await hexlink.getLink.execute(requestKey(res).accountId, req.params.id);
    res.json({ success: true, link: linkJson(link, urls) });
  });

  router.patch("/:id", async (req, res) => {
    const body = validate(updateLinkBody, req.body ?? {});
    const link = await hexlink.updateLink.execute({
      accountId: requestKey(res).accountId,
      id: req.params.id,
      ...(body.url === undefined ? {} : { url: body.url }),
      ...(body.custom_slug === undefined ? {} : { customSlug: body.custom_slug }),
      ...(body.password === undefined ? {} : { password: body.password }),
      ...(body.expires_at === undefined ? {} : { expiresAt: toDate(body.expires_at) ?? null }),
      ...(body.max_clicks === undefined ? {} : { maxClicks: body.max_clicks }),
      ...(body.status === undefined ? {} : { status: body.status }),
    });
    res.json({ success: true, link: linkJson(link, urls) });
  });

  router.delete("/:id", async (req, res) => {
    await hexlink.deleteLink.execute(requestKey(res).accountId, req.params.id);
    res.json({ success: true });
  });

  router.get("/:id/analytics", async (req, res) => {
    const query = validate(analyticsQuery, req.query);
    const stats = await hexlink.getLinkAnalytics.execute(
      requestKey(res).accountId,
      req.params.id,
      query.start,
      query.end,
    );
    res.json({ success: true, analytics: analyticsJson(req.params.id, stats) });
  });

  return router;
}
