import { subscribes, type WebhookEndpoint } from "../../domain/webhook/webhook.js";
import type { ClickInterest } from "../ports/event-publisher.js";
import type { WebhookEndpointRepository } from "../ports/webhook-endpoint-repository.js";

/**
 * How long an answer is trusted: an endpoint added through another instance (or straight in the store) is
 * heard of within this; one added through this instance's {@link ClickSubscriptions.endpoints} at once.
 */
export const CLICK_INTEREST_TTL_MS = 5_000;
/** Accounts remembered at most; past it the memory starts again (every account then asks once more). */
const MAX_ACCOUNTS = 100_000;

interface Answer {
  readonly wanted: boolean;
  readonly until: number;
}

/**
 * Which accounts have an active `clicks.recorded` endpoint, remembered per account so the click recorder keeps
 * no click for an account nobody listens to (most of them). An account not known yet, or whose answer is being
 * read, counts as wanted: the publisher checks the endpoints again when it announces, so a wrong "yes" costs a
 * little memory and a wrong "no" only the clicks of the interval the docs allow.
 */
export class ClickSubscriptions implements ClickInterest {
  /** The endpoints to write through: a change made here is heard at once (the account is asked again). */
  readonly endpoints: WebhookEndpointRepository;
  private readonly known = new Map<string, Answer>();
  /** Accounts being read, with when the read began: one that never settles is asked again after the interval. */
  private readonly asking = new Map<string, number>();
  /** Changes made through {@link endpoints}: an answer read across one of them is not kept. */
  private changes = 0;

  constructor(
    private readonly stored: WebhookEndpointRepository,
    private readonly ttlMs = CLICK_INTEREST_TTL_MS,
  ) {
    this.endpoints = watched(stored, (accountId) => this.changed(accountId));
  }

  wanted(accountId: string, at: Date): boolean {
    const answer = this.known.get(accountId);
    const now = at.getTime();
    if (answer === undefined || now >= answer.until) this.ask(accountId, now);
    return answer?.wanted ?? true;
  }

  private changed(accountId: string): void {
    this.changes += 1;
    this.known.delete(accountId);
  }

  private ask(accountId: string, now: number): void {
    const began = this.asking.get(accountId);
    if (began !== undefined && now - began < this.ttlMs) return;
    this.asking.set(accountId, now);
    const changes = this.changes;
    const previous = this.known.get(accountId)?.wanted ?? true;
    const settle = (wanted: boolean) => {
      // An answer read across a change made through this instance is not kept: the next click asks again.
      if (this.changes === changes) this.remember(accountId, wanted, now);
      else this.asking.delete(accountId);
    };
    this.stored.listByAccount(accountId).then(
      (endpoints) => settle(wantsClicks(endpoints)),
      // A store that fails is asked again after the interval, not on every click; meanwhile, as before.
      () => settle(previous),
    );
  }

  private remember(accountId: string, wanted: boolean, now: number): void {
    this.asking.delete(accountId);
    if (this.known.size >= MAX_ACCOUNTS) this.known.clear();
    this.known.set(accountId, { wanted, until: now + this.ttlMs });
  }
}

function wantsClicks(endpoints: readonly WebhookEndpoint[]): boolean {
  return endpoints.some((endpoint) => subscribes(endpoint, "clicks.recorded"));
}

/** The repository, telling `changed` of each endpoint written (a deletion only narrows: not told). */
function watched(
  stored: WebhookEndpointRepository,
  changed: (accountId: string) => void,
): WebhookEndpointRepository {
  return {
    create: async (endpoint) => {
      await stored.create(endpoint);
      changed(endpoint.accountId);
    },
    get: (id) => stored.get(id),
    listByAccount: (accountId) => stored.listByAccount(accountId),
    update: async (endpoint) => {
      const updated = await stored.update(endpoint);
      changed(endpoint.accountId);
      return updated;
    },
    delete: (id) => stored.delete(id),
  };
}
