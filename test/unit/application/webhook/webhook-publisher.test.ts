import { describe, expect, it } from "vitest";
import { clickItem } from "../../../../src/adapters/express/v1/webhook-json.js";
import type { RecordedClick } from "../../../../src/application/ports/event-publisher.js";
import type { EventOutbox } from "../../../../src/application/ports/webhook-outbox.js";
import {
  MAX_CLICK_MESSAGE_CHARS,
  WebhookPublisher,
} from "../../../../src/application/services/webhook-publisher.js";
import { MAX_CLICKS_PER_EVENT } from "../../../../src/domain/webhook/webhook.js";
import { webhookHarness } from "./webhook-harness.js";

describe("WebhookPublisher", () => {
  it("never fails a stored change: an outbox that refuses is reported as an error event", async () => {
    const h = webhookHarness();
    await h.endpoint("https://a.hooks.example/in");
    const refusing: EventOutbox = {
      ...h.stores.outbox,
      append: async () => {
        throw new Error("outbox down");
      },
    };
    const errors: unknown[] = [];
    const publisher = new WebhookPublisher({
      stores: { ...h.stores, outbox: refusing },
      ids: { id: (prefix) => `${prefix}1`, secret: () => "s" },
      clock: h.time,
      data: () => ({}),
      clickJson: () => "{}",
      events: { emit: (event, payload) => errors.push({ event, payload }) },
    });
    await expect(
      publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_1" }),
    ).resolves.toBeUndefined();
    expect(errors).toEqual([
      { event: "error", payload: { error: new Error("outbox down"), source: "webhooks" } },
    ]);
  });

  it("queues one message per subscribed active endpoint of the account, each with its own id and the same body", async () => {
    const h = webhookHarness();
    const first = await h.endpoint("https://a.hooks.example/in");
    const second = await h.endpoint("https://b.hooks.example/in");
    const disabled = await h.endpoint("https://c.hooks.example/in");
    await h.stores.endpoints.update({ ...disabled, status: "disabled" });
    await h.endpoint("https://d.hooks.example/in", "globex");
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_1" });
    const leased = await h.stores.outbox.lease(h.time.now(), 10, 1000);
    expect(leased.map((l) => l.event.endpointId).sort()).toEqual([first.id, second.id].sort());
    expect(new Set(leased.map((l) => l.event.id)).size).toBe(2);
    expect(new Set(leased.map((l) => l.event.body)).size).toBe(1);
    for (const endpoint of [first, second]) {
      expect(await h.stores.deliveries.list(endpoint.id)).toEqual([
        expect.objectContaining({ status: "pending", attempts: 0, event: "link.deleted" }),
      ]);
    }
  });

  it("pings one endpoint whatever it subscribes to", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint("https://a.hooks.example/in");
    const only = { ...endpoint, events: ["link.deleted" as const] };
    const id = await h.publisher.ping(only);
    const [leased] = await h.stores.outbox.lease(h.time.now(), 10, 1000);
    expect(leased?.event).toMatchObject({ id, type: "ping", endpointId: endpoint.id });
    expect(JSON.parse(leased?.event.body ?? "")).toEqual({
      type: "ping",
      timestamp: h.time.now().toISOString(),
      data: { webhook: { id: endpoint.id } },
    });
  });

  it("splits an account's clicks into messages under the size cap, each full but the last, in order, none lost", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint("https://a.hooks.example/in");
    await h.endpoint("https://b.hooks.example/in", "globex");
    const at = h.time.now();
    const click = (i: number, accountId: string, referrer: string): RecordedClick => ({
      accountId,
      linkId: `l${i}`,
      at: new Date(at.getTime() - 999 + (i % 1000)),
      device: "",
      os: "",
      browser: "",
      country: "",
      referrer,
      target: "",
    });
    // Short items, then long ones, and another account's.
    const clicks = [
      ...Array.from({ length: 2_500 }, (_, i) => click(i, "acme", "")),
      ...Array.from({ length: 700 }, (_, i) => click(2_500 + i, "acme", `r.example/${"p".repeat(400)}`)),
      ...Array.from({ length: 3 }, (_, i) => click(i, "globex", "")),
    ];
    await h.publisher.publish({ type: "clicks.recorded", at, clicks });
    const leased = await h.stores.outbox.lease(h.time.now(), 100, 1000);
    const bodies = leased
      .filter((l) => l.event.endpointId === endpoint.id)
      .map((l) => l.event.body)
      .sort((a, b) => order(a) - order(b));
    const messages = bodies.map(
      (body) => (JSON.parse(body) as { data: { clicks: { link_id: string }[] } }).data,
    );
    expect(messages.flatMap((data) => data.clicks)).toEqual(
      clicks.filter((c) => c.accountId === "acme").map(clickItem),
    );
    const sizes = messages.map((data) => data.clicks.length);
    for (const [index, body] of bodies.entries()) {
      const parsed = JSON.parse(body) as { type: string; timestamp: string };
      expect(parsed).toMatchObject({ type: "clicks.recorded", timestamp: at.toISOString() });
      expect(sizes[index]).toBeLessThanOrEqual(MAX_CLICKS_PER_EVENT);
      expect(body.length).toBeLessThanOrEqual(MAX_CLICK_MESSAGE_CHARS);
      // Each message but the last is full: one more click would pass one of the bounds.
      const next = messages[index + 1]?.clicks[0];
      if (next !== undefined) {
        const fuller = body.length + 1 + JSON.stringify(next).length;
        expect(sizes[index] === MAX_CLICKS_PER_EVENT || fuller > MAX_CLICK_MESSAGE_CHARS).toBe(true);
      }
    }
    expect(sizes.length).toBeGreaterThan(4);
    expect(leased.filter((l) => l.event.endpointId !== endpoint.id)).toHaveLength(1);
  });

  it("puts 1,000 clicks in a message at most, however short their items", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint("https://a.hooks.example/in");
    const publisher = new WebhookPublisher({
      stores: h.stores,
      ids: { id: (prefix) => `${prefix}${Math.random()}`, secret: () => "s" },
      clock: h.time,
      data: () => ({}),
      clickJson: (click) => JSON.stringify(click.linkId),
      events: { emit: () => {} },
    });
    const at = h.time.now();
    const clicks = Array.from({ length: 2_500 }, (_, i) => ({
      accountId: "acme",
      linkId: `l${i}`,
      at,
      device: "",
      os: "",
      browser: "",
      country: "",
      referrer: "",
      target: "",
    }));
    await publisher.publish({ type: "clicks.recorded", at, clicks });
    const leased = await h.stores.outbox.lease(h.time.now(), 100, 1000);
    const messages = leased
      .filter((l) => l.event.endpointId === endpoint.id)
      .map((l) => (JSON.parse(l.event.body) as { data: { clicks: string[] } }).data.clicks)
      .sort((a, b) => Number(a[0]?.slice(1)) - Number(b[0]?.slice(1)));
    expect(messages.map((m) => m.length)).toEqual([MAX_CLICKS_PER_EVENT, MAX_CLICKS_PER_EVENT, 500]);
    expect(messages.flat()).toEqual(clicks.map((c) => c.linkId));
  });
});

/** Where a message's clicks start among the account's: its first item's link number. */
function order(body: string): number {
  const [first] = (JSON.parse(body) as { data: { clicks: { link_id: string }[] } }).data.clicks;
  return Number(first?.link_id.slice(1) ?? -1);
}
