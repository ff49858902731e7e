import type { RecordedClick } from "../../../application/ports/event-publisher.js";
import type { ClickJson, WebhookMessage } from "../../../application/services/webhook-publisher.js";
import type { DeliveryView, WebhookView } from "../../../application/views/webhook-view.js";
import { linkJson } from "./link-json.js";

/** The v1 webhook object (spec §10); the secret is added only in the answer that creates it. */
export function webhookJson(webhook: WebhookView) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: [...webhook.events],
    status: webhook.status,
    created_at: webhook.createdAt.toISOString(),
    failing_since: webhook.failingSince?.toISOString() ?? null,
  };
}

/** One entry of `GET /v1/webhooks/:id/deliveries`. */
export function deliveryJson(delivery: DeliveryView) {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    response_status: delivery.responseStatus,
    next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
  };
}

/** The `data` of a webhook message's body, in the v1 API's spelling (spec §10). */
export function webhookData(message: WebhookMessage): unknown {
  switch (message.type) {
    case "link.created":
    case "link.updated":
      return { link: linkJson(message.link) };
    case "link.deleted":
      return { link: { id: message.linkId } };
    case "clicks.recorded":
      return { clicks: message.clicks.map(clickItem) };
    case "ping":
      return { webhook: { id: message.endpointId } };
  }
}

/** One item of a `clicks.recorded` message's `data.clicks` (spec §10). */
export function clickItem(click: RecordedClick) {
  return {
    link_id: click.linkId,
    at: click.at.toISOString(),
    device: click.device,
    os: click.os,
    browser: click.browser,
    country: click.country,
    referrer: click.referrer,
    target: click.target,
  };
}

/** Strings quoted at most, before the memo starts again. */
const QUOTED_MEMO_SIZE = 4096;

/**
 * `JSON.stringify(clickItem(click))`, the same text, made for every click an account's webhook hears: the
 * classified fields repeat from click to click, so their quoted forms are remembered, and the ISO time is made
 * from the second's, remembered (`toISOString` alone cost about 0.5 µs a click here).
 */
export function clickJsonWriter(): ClickJson {
  const quoted = new Map<string, string>();
  const quote = (value: string): string => {
    let json = quoted.get(value);
    if (json === undefined) {
      if (quoted.size >= QUOTED_MEMO_SIZE) quoted.clear();
      json = JSON.stringify(value);
      quoted.set(value, json);
    }
    return json;
  };
  let second = Number.NaN;
  let secondIso = "";
  const iso = (at: Date): string => {
    const ms = at.getTime();
    const whole = Math.floor(ms / 1000);
    if (whole !== second) {
      second = whole;
      // "…T12:00:00." of "…T12:00:00.000Z": the end is the same length for every year toISOString spells.
      secondIso = new Date(whole * 1000).toISOString().slice(0, -4);
    }
    const rest = ms - whole * 1000;
    return `${secondIso}${rest < 10 ? "00" : rest < 100 ? "0" : ""}${rest}Z`;
  };
  return (click) =>
    `{"link_id":${quote(click.linkId)},"at":"${iso(click.at)}","device":${quote(click.device)},` +
    `"os":${quote(click.os)},"browser":${quote(click.browser)},"country":${quote(click.country)},` +
    `"referrer":${quote(click.referrer)},"target":${quote(click.target)}}`;
}
