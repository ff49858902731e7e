import type { Response } from "express";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import {
  type DashboardContext,
  messageOf,
  type SignedIn,
  seeOther,
  sendPage,
  signedInRoute,
} from "./dashboard-context.js";
import { commaList, keyForm, readForm } from "./dashboard-forms.js";
import { type KeysPageView, keysPage } from "./keys-page.js";
import { noticeOf } from "./notices.js";

type Extra = Pick<KeysPageView, "created" | "message" | "error">;

async function showKeys(
  { hexlink }: DashboardContext,
  { principal, frame }: SignedIn,
  res: Response,
  status: number,
  extra: Extra = {},
): Promise<void> {
  const keys = await hexlink.listApiKeys.execute({
    accountId: principal.accountId,
    access: principal.access,
    includeRevoked: false,
  });
  const view = { keys, scopes: principal.access.scopes, currentKeyId: principal.apiKey.id, ...extra };
  sendPage(res, status, keysPage(frame, view));
}

/** The account's API keys: list, create (the secret shown once), revoke. All need the key's keys:write. */
export const KEY_ROUTES = [
  signedInRoute({
    method: "get",
    path: "/keys",
    summary: "The account's API keys, and the form that makes one",
    responses: { "200": "HTML", "403": "the signed-in key lacks keys:write" },
    handle: async (context, session, req, res) => {
      const message = noticeOf(req.query);
      await showKeys(context, session, res, 200, message === undefined ? {} : { message });
    },
  }),
  signedInRoute({
    method: "post",
    path: "/keys",
    summary: "Make an API key: never broader than the signed-in key; its secret is shown once",
    form: keyForm,
    responses: {
      "201": "HTML with the new key's secret, shown once",
      "400": "the page again, with the API's message",
      "403": "the signed-in key lacks keys:write, or asked for more than it has",
    },
    handle: async (context, session, req, res) => {
      const { principal } = session;
      try {
        const form = readForm(keyForm, req.body);
        const { scopes } = form;
        // An empty list would make a key that can do nothing; the API's default (every scope) is not meant here.
        if (scopes.length === 0) {
          return await showKeys(context, session, res, 400, { error: "Choose at least one scope." });
        }
        const domains = commaList(form.domains);
        const created = await context.hexlink.issueApiKey.execute({
          accountId: principal.accountId,
          issuer: {
            ...principal.access,
            limits: principal.apiKey.limits,
            expiresAt: principal.apiKey.expiresAt,
          },
          name: form.name,
          scopes,
          ...(domains.length === 0 ? {} : { domains }),
          expiresAt: form.expires_at,
        });
        await showKeys(context, session, res, 201, { created: { secret: created.key, name: form.name } });
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable") throw error;
        if (error.code === "forbidden" && !principal.access.scopes.includes("keys:write")) throw error;
        await showKeys(context, session, res, error.code === "forbidden" ? 403 : 400, {
          error: messageOf(error),
        });
      }
    },
  }),
  signedInRoute({
    method: "post",
    path: "/keys/{id}/revoke",
    summary: "Revoke an API key of the account: it stops working at once, on every instance",
    responses: {
      "303": "to the keys",
      "403": "the signed-in key lacks keys:write",
      "404": "no such key in this account",
    },
    handle: async ({ hexlink }, { principal }, req, res) => {
      await hexlink.revokeApiKey.execute({
        id: String(req.params.id),
        accountId: principal.accountId,
        access: principal.access,
      });
      seeOther(res, req, "/keys?done=key-revoked");
    },
  }),
];
