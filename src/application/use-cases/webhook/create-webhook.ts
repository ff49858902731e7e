import { DomainError } from "../../../domain/errors/domain-error.js";
import {
  MAX_ENDPOINTS_PER_ACCOUNT,
  parseWebhookEvents,
  parseWebhookUrl,
  WEBHOOK_ID_PREFIX,
  type WebhookEndpoint,
} from "../../../domain/webhook/webhook.js";
import type { Clock, IdGenerator } from "../../ports/technical.js";
import type { WebhookEndpointRepository } from "../../ports/webhook-endpoint-repository.js";
import type { WebhookSender, WebhookSigner } from "../../ports/webhook-sender.js";
import type { AccessRequest } from "../../services/key-access-guard.js";
import { requireWebhookAccess } from "../../services/owned-webhook.js";
import type { HexlinkSettings } from "../../settings.js";
import { toWebhookView, type WebhookView } from "../../views/webhook-view.js";

export interface CreateWebhookDeps {
  readonly endpoints: WebhookEndpointRepository;
  readonly sender: WebhookSender;
  readonly signer: WebhookSigner;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: HexlinkSettings;
}

/** The new endpoint and its signing secret, shown this once. */
export interface CreatedWebhook {
  readonly webhook: WebhookView;
  readonly secret: string;
}

/**
 * Registers a webhook endpoint for an account, with a new signing secret.
 * @throws DomainError invalid_request (URL not https, credentials, a refused address, unknown or no events,
 *   too many endpoints); forbidden (a key without `webhooks:write`, or limited to some domains)
 */
export class CreateWebhook {
  constructor(private readonly deps: CreateWebhookDeps) {}

  async execute(
    input: {
      readonly accountId: string;
      readonly url: string;
      readonly events: readonly string[];
    } & AccessRequest,
  ): Promise<CreatedWebhook> {
    requireWebhookAccess(input);
    const allowPrivate = this.deps.settings.allowPrivateWebhooks;
    const url = parseWebhookUrl(input.url, allowPrivate);
    const events = parseWebhookEvents(input.events);
    if (!allowPrivate) {
      const refusal = await this.deps.sender.refusal(url);
      if (refusal !== null) throw new DomainError("invalid_request", `The webhook url ${refusal}.`);
    }
    const existing = await this.deps.endpoints.listByAccount(input.accountId);
    if (existing.length >= MAX_ENDPOINTS_PER_ACCOUNT) {
      throw new DomainError(
        "invalid_request",
        `An account has at most ${MAX_ENDPOINTS_PER_ACCOUNT} webhooks.`,
      );
    }
    const endpoint: WebhookEndpoint = {
      id: this.deps.ids.id(WEBHOOK_ID_PREFIX),
      accountId: input.accountId,
      url,
      events,
      secret: this.deps.signer.newSecret(),
      status: "active",
      createdAt: this.deps.clock.now(),
      failingSince: null,
    };
    await this.deps.endpoints.create(endpoint);
    return { webhook: toWebhookView(endpoint), secret: endpoint.secret };
  }
}
