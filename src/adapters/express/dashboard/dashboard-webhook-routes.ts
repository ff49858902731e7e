import type { Request, Response } from "express";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import {
  type DashboardContext,
  messageOf,
  type SignedIn,
  seeOther,
  sendPage,
  signedInRoute,
} from "./dashboard-context.js";
import { readForm, webhookForm } from "./dashboard-forms.js";
import { noticeOf } from "./notices.js";
import { type WebhooksPageView, webhooksPage } from "./webhooks-page.js";

type Extra = Omit<WebhooksPageView, "webhooks">;

async function showWebhooks(
  { hexlink }: DashboardContext,
  { principal, frame }: SignedIn,
  res: Response,
  status: number,
  extra: Extra = {},
): Promise<void> {
  const webhooks = await hexlink.listWebhooks.execute({
    accountId: principal.accountId,
    access: principal.access,
  });
  sendPage(res, status, webhooksPage(frame, { webhooks, ...extra }));
}

/** Runs an action on one endpoint and goes back to the list, or shows the list with the API's message. */
function onEndpoint(
  run: (context: DashboardContext, session: SignedIn, id: string) => Promise<unknown>,
  done: string,
) {
  return async (context: DashboardContext, session: SignedIn, req: Request, res: Response) => {
    try {
      await run(context, session, String(req.params.id));
      seeOther(res, req, `/webhooks?done=${done}`);
    } catch (error) {
      if (!isDomainError(error) || error.code === "unavailable" || error.code === "forbidden") throw error;
      await showWebhooks(context, session, res, error.code === "not_found" ? 404 : 400, {
        error: messageOf(error),
      });
    }
  };
}

const request = ({ principal }: SignedIn, id: string) => ({
  accountId: principal.accountId,
  access: principal.access,
  id,
});

/** Webhook endpoints: add (the secret shown once), deliveries, a test ping, delete. All need webhooks:write. */
export const WEBHOOK_ROUTES = [
  signedInRoute({
    method: "get",
    path: "/webhooks",
    summary: "The account's webhook endpoints, and the form that adds one",
    responses: { "200": "HTML", "403": "the signed-in key lacks webhooks:write" },
    handle: async (context, session, req, res) => {
      const message = noticeOf(req.query);
      await showWebhooks(context, session, res, 200, message === undefined ? {} : { message });
    },
  }),
  signedInRoute({
    method: "post",
    path: "/webhooks",
    summary: "Add a webhook endpoint (fields `url`, `events`); its signing secret is shown once",
    form: webhookForm,
    responses: {
      "201": "HTML with the signing secret, shown once",
      "400": "the page again, with the API's message",
      "403": "the signed-in key lacks webhooks:write",
    },
    handle: async (context, session, req, res) => {
      const typed = typeof req.body?.url === "string" ? String(req.body.url).slice(0, 2048) : "";
      try {
        const form = readForm(webhookForm, req.body);
        const { events } = form;
        const { principal } = session;
        const created = await context.hexlink.createWebhook.execute({
          accountId: principal.accountId,
          access: principal.access,
          url: form.url,
          events,
        });
        await showWebhooks(context, session, res, 201, {
          created: { url: created.webhook.url, secret: created.secret },
        });
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable" || error.code === "forbidden") throw error;
        await showWebhooks(context, session, res, 400, { error: messageOf(error), url: typed });
      }
    },
  }),
  signedInRoute({
    method: "get",
    path: "/webhooks/{id}/deliveries",
    summary: "A webhook endpoint's last 100 deliveries",
    responses: {
      "200": "HTML",
      "403": "the signed-in key lacks webhooks:write",
      "404": "no such webhook in this account",
    },
    handle: async (context, session, req, res) => {
      const id = String(req.params.id);
      const list = await context.hexlink.listWebhookDeliveries.execute(request(session, id));
      const webhooks = await context.hexlink.listWebhooks.execute({
        accountId: session.principal.accountId,
        access: session.principal.access,
      });
      const webhook = webhooks.find((each) => each.id === id);
      if (webhook === undefined) return seeOther(res, req, "/webhooks");
      sendPage(res, 200, webhooksPage(session.frame, { webhooks, deliveries: { webhook, list } }));
    },
  }),
  signedInRoute({
    method: "post",
    path: "/webhooks/{id}/test",
    summary: "Send a ping event to a webhook endpoint",
    responses: { "303": "to the webhooks", "404": "no such webhook in this account" },
    handle: onEndpoint(
      (context, session, id) => context.hexlink.testWebhook.execute(request(session, id)),
      "webhook-tested",
    ),
  }),
  signedInRoute({
    method: "post",
    path: "/webhooks/{id}/delete",
    summary: "Delete a webhook endpoint and its delivery log",
    responses: { "303": "to the webhooks", "404": "no such webhook in this account" },
    handle: onEndpoint(
      (context, session, id) => context.hexlink.deleteWebhook.execute(request(session, id)),
      "webhook-deleted",
    ),
  }),
];
