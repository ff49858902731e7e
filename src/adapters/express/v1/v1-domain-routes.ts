import { z } from "zod";
import { domainJson } from "./domain-json.js";
import { createDomainBody } from "./v1-request-schemas.js";
import { v1DomainListResponse, v1DomainResponse, v1DoneResponse } from "./v1-response-schemas.js";
import { type V1Route, v1Route } from "./v1-route.js";

const hostnameParams = z.object({ hostname: z.string().describe("The custom domain, e.g. go.example.com.") });
const domainAnswer = { status: 200, description: "{success:true, domain}", body: v1DomainResponse } as const;

/** `/v1/domains`: register, list, verify and delete the key's custom domains. */
export const V1_DOMAIN_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "post",
    path: "/domains",
    summary: "Register a custom domain (pending until verified)",
    scope: "domains:write",
    body: createDomainBody,
    success: { ...domainAnswer, status: 201 },
    errors: ["invalid_domain"],
    handle: async (hexlink, { body, accountId, access }) => {
      const domain = await hexlink.registerDomain.execute({ accountId, access, hostname: body.hostname });
      return { domain: domainJson(domain) };
    },
  }),
  v1Route({
    method: "get",
    path: "/domains",
    summary: "List the account's custom domains",
    scope: "domains:read",
    success: { status: 200, description: "{success:true, domains}", body: v1DomainListResponse },
    handle: async (hexlink, { accountId, access }) => {
      const domains = await hexlink.listDomains.execute({ accountId, access });
      return { domains: domains.map(domainJson) };
    },
  }),
  v1Route({
    method: "post",
    path: "/domains/{hostname}/verify",
    summary: "Verify a domain by its TXT record",
    scope: "domains:write",
    params: hostnameParams,
    success: domainAnswer,
    errors: ["invalid_domain"],
    handle: async (hexlink, { params, accountId, access }) => {
      const domain = await hexlink.verifyDomain.execute({ accountId, access, hostname: params.hostname });
      return { domain: domainJson(domain) };
    },
  }),
  v1Route({
    method: "delete",
    path: "/domains/{hostname}",
    summary: "Remove a custom domain",
    scope: "domains:write",
    params: hostnameParams,
    success: { status: 200, description: "{success:true}", body: v1DoneResponse },
    errors: ["invalid_domain"],
    handle: async (hexlink, { params, accountId, access }) => {
      await hexlink.deleteDomain.execute({ accountId, access, hostname: params.hostname });
      return {};
    },
  }),
];
