import { DomainError } from "../errors/domain-error.js";
import { isPrivateHost } from "../link/ip-host.js";

/** Events an endpoint may subscribe to; `ping` is sent only by the test endpoint, to that endpoint. */
export const WEBHOOK_EVENTS = ["link.created", "link.updated", "link.deleted", "clicks.recorded"] as const;
export type SubscribableEvent = (typeof WEBHOOK_EVENTS)[number];
export type WebhookEventType = SubscribableEvent | "ping";

export const WEBHOOK_ID_PREFIX = "wh_";
/** Each outbox event (one event for one endpoint) is a message; its id is the `webhook-id` of every attempt. */
export const WEBHOOK_MESSAGE_ID_PREFIX = "msg_";
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export type WebhookStatus = "active" | "disabled";

/**
 * An account's webhook endpoint. `secret` is a signing key (HMAC), kept as it is because every delivery is
 * signed with it: unlike a password or an API key it cannot be stored as a hash.
 */
export interface WebhookEndpoint {
  readonly id: string;
  readonly accountId: string;
  readonly url: string;
  readonly events: readonly SubscribableEvent[];
  readonly secret: string;
  readonly status: WebhookStatus;
  readonly createdAt: Date;
  /** Since when every delivery has failed; null once one succeeds. */
  readonly failingSince: Date | null;
}

/** Delays before the 2nd, 3rd… attempt of a message (spec §10); after the last one fails it is marked failed. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** An endpoint whose deliveries have all failed for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** Clicks per `clicks.recorded` message at most. */
export const MAX_CLICKS_PER_EVENT = 1000;
/** Deliveries kept in an endpoint's log. */
export const DELIVERY_LOG_SIZE = 100;
/** Endpoints per account at most, so one account cannot multiply every event without bound. */
export const MAX_ENDPOINTS_PER_ACCOUNT = 20;

/** The wait before the next attempt once `attempts` attempts failed, or null when the message is to be marked failed. */
export function retryDelayAfter(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}

/** True once an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function failingTooLong(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}

/**
 * A webhook URL: absolute https (http only when private receivers are allowed), no credentials, at most 2048
 * characters, and, unless allowed, no loopback, private or link-local literal host (names are resolved and
 * checked by the sender, at registration and at every delivery).
 * @throws DomainError invalid_request
 */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): string {
  const refuse = (why: string) => new DomainError("invalid_request", `The webhook url ${why}.`);
  if (raw.length > 2048) throw refuse("is longer than 2048 characters");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("is not an absolute URL");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    throw refuse(allowPrivate ? "must use http or https" : "must use https");
  }
  if (url.username !== "" || url.password !== "") throw refuse("must not carry credentials");
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    throw refuse("points to a loopback, private or link-local address");
  }
  url.hash = "";
  return url.href;
}

/**
 * The subscribed events: at least one, each known, duplicates removed, in the contract's order.
 * @throws DomainError invalid_request
 */
export function parseWebhookEvents(events: readonly string[]): SubscribableEvent[] {
  const unknown = events.filter((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event));
  if (unknown.length > 0) {
    throw new DomainError(
      "invalid_request",
      `Unknown webhook event '${unknown[0]}'; use ${WEBHOOK_EVENTS.join(", ")}.`,
    );
  }
  const chosen = WEBHOOK_EVENTS.filter((event) => events.includes(event));
  if (chosen.length === 0) throw new DomainError("invalid_request", "A webhook needs at least one event.");
  return chosen;
}

/** Whether an active endpoint takes this event. */
export function subscribes(endpoint: WebhookEndpoint, type: SubscribableEvent): boolean {
  return endpoint.status === "active" && endpoint.events.includes(type);
}
