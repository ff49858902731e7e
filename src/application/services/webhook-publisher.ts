import {
  MAX_CLICKS_PER_EVENT,
  type SubscribableEvent,
  subscribes,
  WEBHOOK_MESSAGE_ID_PREFIX,
  type WebhookEndpoint,
} from "../../domain/webhook/webhook.js";
import type { HexlinkEventSink } from "../hexlink-events.js";
import type { EventPublisher, HexlinkChange, RecordedClick } from "../ports/event-publisher.js";
import type { Clock, IdGenerator } from "../ports/technical.js";
import type { OutboxEvent } from "../ports/webhook-outbox.js";
import type { WebhookStores } from "../ports/webhook-stores.js";

/** What one message says: a change for one account (clicks: at most 1,000 of them), or a ping. */
export type WebhookMessage =
  | Exclude<HexlinkChange, { readonly type: "clicks.recorded" }>
  | { readonly type: "clicks.recorded"; readonly at: Date; readonly clicks: readonly RecordedClick[] }
  | { readonly type: "ping"; readonly at: Date; readonly endpointId: string };

/** The `data` of a message's body, as the HTTP API spells its objects (spec §10). */
export type WebhookData = (message: WebhookMessage) => unknown;

/** One item of a `clicks.recorded` message's `data.clicks` as JSON text, spelled as `WebhookData` would. */
export type ClickJson = (click: RecordedClick) => string;

/**
 * Characters of a `clicks.recorded` body at most (besides the 1,000 clicks): about 770 clicks of 155 characters.
 * A string past V8's 128 KiB goes to its large-object space, allocated and freed page by page, which made a
 * message of 1,000 clicks (173 KB) cost about 1.7 µs a click to build, encode and sign, against 0.25 µs below
 * this size (docs/benchmarks.md).
 */
export const MAX_CLICK_MESSAGE_CHARS = 120_000;

export interface WebhookPublisherParts {
  readonly stores: WebhookStores;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly data: WebhookData;
  readonly clickJson: ClickJson;
  readonly events: HexlinkEventSink;
}

/**
 * Turns stored changes into outbox messages, one per subscribed active endpoint of the account, each with its
 * own id and its body fixed once, so every retry sends the same bytes under the same `webhook-id`.
 */
export class WebhookPublisher implements EventPublisher {
  constructor(private readonly parts: WebhookPublisherParts) {}

  async publish(change: HexlinkChange): Promise<void> {
    try {
      if (change.type === "clicks.recorded") await this.publishClicks(change.clicks, change.at);
      else
        await this.enqueue(
          await this.subscribers(change.accountId, change.type),
          change.type,
          this.body(change),
        );
    } catch (error) {
      // The change is stored already: its caller is not failed, the loss is reported.
      const failure = error instanceof Error ? error : new Error(String(error));
      this.parts.events.emit("error", { error: failure, source: "webhooks" });
    }
  }

  /** Queues a `ping` for one endpoint, whatever it subscribes to. @throws what the stores throw */
  async ping(endpoint: WebhookEndpoint): Promise<string> {
    const ping = { type: "ping", at: this.parts.clock.now(), endpointId: endpoint.id } as const;
    const [message] = await this.enqueue([endpoint], "ping", this.body(ping));
    return message?.id ?? "";
  }

  /**
   * An account's clicks go out in messages of at most 1,000 clicks and `MAX_CLICK_MESSAGE_CHARS`, in order, the
   * body assembled from each click's JSON text. The event loop is given back between messages, so a flush of
   * many clicks never holds redirects up for longer than one message takes to make.
   */
  private async publishClicks(clicks: readonly RecordedClick[], at: Date): Promise<void> {
    const byAccount = new Map<string, RecordedClick[]>();
    for (const click of clicks) {
      const list = byAccount.get(click.accountId);
      if (list === undefined) byAccount.set(click.accountId, [click]);
      else list.push(click);
    }
    const head = `{"type":"clicks.recorded","timestamp":${JSON.stringify(at.toISOString())},"data":{"clicks":[`;
    const tail = "]}}";
    for (const [accountId, accountClicks] of byAccount) {
      const endpoints = await this.subscribers(accountId, "clicks.recorded");
      if (endpoints.length === 0) continue;
      let items: string[] = [];
      let chars = head.length + tail.length;
      for (const click of accountClicks) {
        const item = this.parts.clickJson(click);
        const full =
          items.length === MAX_CLICKS_PER_EVENT || chars + item.length + 1 > MAX_CLICK_MESSAGE_CHARS;
        if (full && items.length > 0) {
          await this.enqueue(endpoints, "clicks.recorded", messageBody(head, items, tail));
          await nextTurn();
          items = [];
          chars = head.length + tail.length;
        }
        items.push(item);
        chars += item.length + 1;
      }
      if (items.length > 0) await this.enqueue(endpoints, "clicks.recorded", messageBody(head, items, tail));
    }
  }

  private async subscribers(accountId: string, type: SubscribableEvent): Promise<WebhookEndpoint[]> {
    const endpoints = await this.parts.stores.endpoints.listByAccount(accountId);
    return endpoints.filter((endpoint) => subscribes(endpoint, type));
  }

  private body(message: WebhookMessage): string {
    return JSON.stringify({
      type: message.type,
      timestamp: message.at.toISOString(),
      data: this.parts.data(message),
    });
  }

  private async enqueue(
    endpoints: readonly WebhookEndpoint[],
    type: WebhookMessage["type"],
    body: string,
  ): Promise<OutboxEvent[]> {
    if (endpoints.length === 0) return [];
    const now = this.parts.clock.now();
    const events: OutboxEvent[] = endpoints.map((endpoint) => ({
      id: this.parts.ids.id(WEBHOOK_MESSAGE_ID_PREFIX),
      endpointId: endpoint.id,
      accountId: endpoint.accountId,
      type,
      body,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
    }));
    await Promise.all(
      events.map((event) =>
        this.parts.stores.deliveries.record({
          id: event.id,
          endpointId: event.endpointId,
          event: event.type,
          status: "pending",
          attempts: 0,
          responseStatus: null,
          nextAttemptAt: now,
          createdAt: now,
        }),
      ),
    );
    // Logged as pending first: a delivery that finishes at once then overwrites it, never the other way round.
    await this.parts.stores.outbox.append(events);
    return events;
  }
}

/**
 * `head`, the items joined by commas, and `tail`, made by one join, so the body is one flat string from the start:
 * head and tail added around the joined items would make a rope that encoding the body copies once more.
 */
function messageBody(head: string, items: string[], tail: string): string {
  const last = items.length - 1;
  items[0] = `${head}${items[0] ?? ""}`;
  items[last] = `${items[last] ?? ""}${tail}`;
  return items.join(",");
}

/** Resolves on a later turn of the event loop, after the I/O waiting meanwhile. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
