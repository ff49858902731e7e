import { DomainError } from "../../domain/errors/domain-error.js";
import type { WebhookEndpoint } from "../../domain/webhook/webhook.js";
import type { WebhookEndpointRepository } from "../ports/webhook-endpoint-repository.js";

/**
 * The endpoint with this id if the account owns it; another account's answers exactly as a missing one.
 * @throws DomainError not_found
 */
export async function findOwnedWebhook(
  endpoints: WebhookEndpointRepository,
  accountId: string,
  id: string,
): Promise<WebhookEndpoint> {
  const endpoint = await endpoints.get(id);
  if (endpoint === null || endpoint.accountId !== accountId) {
    throw new DomainError("not_found", "No webhook with this id exists.");
  }
  return endpoint;
}
