import { Router } from "express";
import type { Hexlink } from "../../../application/hexlink.js";
import { requestKey } from "../http/api-key-auth.js";
import { validate } from "../http/validate.js";
import { domainJson } from "./v1-presenters.js";
import { createDomainBody } from "./v1-schemas.js";

/** `/v1/domains`: register, list, verify and delete the key's custom domains. */
export function v1DomainsRouter(hexlink: Hexlink): Router {
  const router = Router();

  router.post("/", async (req, res) => {
    const body = validate(createDomainBody, req.body ?? {});
    const domain = await hexlink.registerDomain.execute(requestKey(res).accountId, body.hostname);
    res.status(201).json({ success: true, domain: domainJson(domain) });
  });

  router.get("/", async (_req, res) => {
    const domains = await hexlink.listDomains.execute(requestKey(res).accountId);
    res.json({ success: true, domains: domains.map(domainJson) });
  });

  router.post("/:hostname/verify", async (req, res) => {
    const domain = await hexlink.verifyDomain.execute(requestKey(res).accountId, req.params.hostname);
    res.json({ success: true, domain: domainJson(domain) });
  });

  router.delete("/:hostname", async (req, res) => {
    await hexlink.deleteDomain.execute(requestKey(res).accountId, req.params.hostname);
    res.json({ success: true });
  });

  return router;
}
