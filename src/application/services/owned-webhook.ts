import { DomainError } from "../../domain/errors/domain-error.js";
import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";
import type { WebhookEndpointRepository } from "../ports/webhook-endpoint-repository.js";
import { type AccessRequest, requireScope } from "./key-access-guard.js";

/**
 * A key may manage webhooks with `webhooks:write`, and only when it is not limited to some domains: an
 * endpoint hears of every link of the account, on every domain.
 * @throws DomainError forbidden
 */
export function requireWebhookAccess({ access }: AccessRequest): void {
  requireScope(access, "webhooks:write");
  if (access !== undefined && access.domains !== null) {
    throw new DomainError(
      "forbidden",
      "This API key is limited to some domains; webhooks hear of every link of the account.",
    );
  }
}

/** Which endpoint of which account, asked with which key's access. */
export type WebhookRequest = { readonly accountId: string; readonly id: string } & AccessRequest;

/**
 * The endpoint with this id if the account owns it and the key may manage webhooks; another account's answers
 * exactly as a missing one.
 * @throws DomainError not_found, forbidden
 */
export async function findOwnedWebhook(
  endpoints: WebhookEndpointRepository,
  request: WebhookRequest,
): Promise<WebhookEndpoint> {
  requireWebhookAccess(request);
  const { accountId, id } = request;
  const endpoint = await endpoints.get(id);
  if (endpoint === null || endpoint.accountId !== accountId) {
    throw new DomainError("not_found", "No webhook with this id exists.");
  }
  return endpoint;
}
