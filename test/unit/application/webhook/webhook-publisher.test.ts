import { describe, expect, it } from "vitest";
import type { EventOutbox } from "../../../../src/application/ports/webhook-outbox.js";
import { WebhookPublisher } from "../../../../src/application/services/webhook-publisher.js";
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
});
