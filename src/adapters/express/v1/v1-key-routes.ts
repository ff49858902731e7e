import { z } from "zod";
import { keyJson } from "./key-json.js";
import { createKeyBody, v1CreatedKeyResponse, v1KeyListResponse } from "./v1-key-schemas.js";
import { toDate } from "./v1-link-routes.js";
import { v1DoneResponse } from "./v1-response-schemas.js";
import { type V1Route, v1Route } from "./v1-route.js";

const keyParams = z.object({ id: z.string().describe("The key's id: `key_` and 21 characters.") });

/** `/v1/keys`: a key makes, lists and revokes its account's keys (spec §13); all need keys:write. */
export const V1_KEY_ROUTES: readonly V1Route[] = [
  v1Route({
    method: "post",
    path: "/keys",
    summary: "Make an API key no broader than the calling one (the secret is shown once)",
    scope: "keys:write",
    body: createKeyBody,
    success: { status: 201, description: "{success:true, key, secret}", body: v1CreatedKeyResponse },
    handle: async (hexlink, { body, accountId, issuer }) => {
      const limits = body.rate_limits;
      const { key, apiKey } = await hexlink.issueApiKey.execute({
        accountId,
        issuer,
        name: body.name,
        scopes: body.scopes,
        domains: body.domains ?? null,
        expiresAt: toDate(body.expires_at) ?? null,
        limits:
          limits == null
            ? null
            : {
                ...(limits.per_second === undefined ? {} : { perSecond: limits.per_second }),
                ...(limits.per_hour === undefined ? {} : { perHour: limits.per_hour }),
                ...(limits.per_month === undefined ? {} : { perMonth: limits.per_month }),
              },
      });
      return { key: keyJson(apiKey), secret: key };
    },
  }),
  v1Route({
    method: "get",
    path: "/keys",
    summary: "List the account's API keys (never a secret)",
    scope: "keys:write",
    success: { status: 200, description: "{success:true, keys}", body: v1KeyListResponse },
    handle: async (hexlink, { accountId, access }) => {
      const keys = await hexlink.listApiKeys.execute({ accountId, access, includeRevoked: false });
      return { keys: keys.map(keyJson) };
    },
  }),
  v1Route({
    method: "delete",
    path: "/keys/{id}",
    summary: "Revoke an API key: it stops working at once, on every instance",
    scope: "keys:write",
    params: keyParams,
    success: { status: 200, description: "{success:true}", body: v1DoneResponse },
    errors: ["not_found"],
    handle: async (hexlink, { params, accountId, access }) => {
      await hexlink.revokeApiKey.execute({ id: params.id, accountId, access });
      return {};
    },
  }),
];
