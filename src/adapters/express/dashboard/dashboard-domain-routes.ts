import type { Request, Response } from "express";
import type { DashboardPrincipal } from "../../../application/use-cases/session/resolve-dashboard-session.js";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import {
  type DashboardContext,
  messageOf,
  type SignedIn,
  seeOther,
  sendPage,
  signedInRoute,
} from "./dashboard-context.js";
import { domainForm, readForm } from "./dashboard-forms.js";
import { domainsPage } from "./domains-page.js";
import { noticeOf } from "./notices.js";

type DomainAction = (
  context: DashboardContext,
  principal: DashboardPrincipal,
  hostname: string,
) => Promise<unknown>;

/** Runs a verify or delete and goes back to the list, or shows the list with the API's message. */
function domainAction(run: DomainAction, done: string) {
  return async (context: DashboardContext, { principal, frame }: SignedIn, req: Request, res: Response) => {
    try {
      await run(context, principal, String(req.params.hostname));
      seeOther(res, req, `/domains?done=${done}`);
    } catch (error) {
      if (!isDomainError(error) || error.code === "unavailable") throw error;
      const domains = await context.hexlink.listDomains.execute({
        accountId: principal.accountId,
        access: principal.access,
      });
      const status = error.code === "invalid_domain" ? 404 : 400;
      sendPage(res, status, domainsPage(frame, { domains, error: messageOf(error) }));
    }
  };
}

const DOMAIN_ACTION_RESPONSES = {
  "303": "to the domains",
  "400": "the list again, saying why",
  "404": "no such domain in this account",
};

/** Custom domains: register, the TXT record to publish, verify, delete. */
export const DOMAIN_ROUTES = [
  signedInRoute({
    method: "get",
    path: "/domains",
    summary: "The account's custom domains, each with the DNS record that proves it",
    responses: { "200": "HTML" },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const domains = await hexlink.listDomains.execute({
        accountId: principal.accountId,
        access: principal.access,
      });
      const message = noticeOf(req.query);
      sendPage(res, 200, domainsPage(frame, { domains, ...(message === undefined ? {} : { message }) }));
    },
  }),
  signedInRoute({
    method: "post",
    path: "/domains",
    summary: "Register a custom domain (field `hostname`)",
    form: domainForm,
    responses: {
      "303": "to the domains, with its TXT record",
      "400": "the list again, with the API's message",
    },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const typed = typeof req.body?.hostname === "string" ? String(req.body.hostname).slice(0, 253) : "";
      try {
        const { hostname } = readForm(domainForm, req.body);
        await hexlink.registerDomain.execute({
          accountId: principal.accountId,
          access: principal.access,
          hostname,
        });
        seeOther(res, req, "/domains?done=registered");
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable") throw error;
        const domains = await hexlink.listDomains.execute({
          accountId: principal.accountId,
          access: principal.access,
        });
        sendPage(res, 400, domainsPage(frame, { domains, error: messageOf(error), hostname: typed }));
      }
    },
  }),
  signedInRoute({
    method: "post",
    path: "/domains/{hostname}/verify",
    summary: "Check a domain's TXT record; found, the domain is active",
    responses: DOMAIN_ACTION_RESPONSES,
    handle: domainAction(
      ({ hexlink }, { accountId, access }, hostname) =>
        hexlink.verifyDomain.execute({ accountId, access, hostname }),
      "verified",
    ),
  }),
  signedInRoute({
    method: "post",
    path: "/domains/{hostname}/delete",
    summary: "Delete a custom domain",
    responses: DOMAIN_ACTION_RESPONSES,
    handle: domainAction(
      ({ hexlink }, { accountId, access }, hostname) =>
        hexlink.deleteDomain.execute({ accountId, access, hostname }),
      "domain-deleted",
    ),
  }),
];
