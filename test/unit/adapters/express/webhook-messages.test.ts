import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../../../src/adapters/express/openapi/openapi-document.js";
import { WEBHOOK_MESSAGES } from "../../../../src/adapters/express/openapi/webhook-messages.js";
import { createTestHexlink } from "../../../../src/testing/create-test-hexlink.js";
import { ScriptedSender } from "../../application/webhook/webhook-harness.js";

describe("webhook messages in the OpenAPI document", () => {
  it("lists every message under `webhooks`, signed headers required", () => {
    const document = openApiDocument([], "https://sho.rt") as { webhooks: Record<string, { post: unknown }> };
    expect(Object.keys(document.webhooks).sort()).toEqual(Object.keys(WEBHOOK_MESSAGES).sort());
    const ping = document.webhooks.ping?.post as { parameters: { name: string; required: boolean }[] };
    expect(ping.parameters.map((p) => [p.name, p.required])).toEqual([
      ["webhook-id", true],
      ["webhook-timestamp", true],
      ["webhook-signature", true],
    ]);
  });

  it("describes the bodies hexlink really sends, for every event", async () => {
    const hexlink = await createTestHexlink({ webhooks: { sender: new ScriptedSender() } });
    try {
      const { webhook } = await hexlink.createWebhook.execute({
        accountId: "acme",
        url: "https://hooks.example/in",
        events: ["link.created", "link.updated", "link.deleted", "clicks.recorded"],
      });
      const link = await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "doc",
      });
      await hexlink.updateLink.execute({ accountId: "acme", id: link.id, tags: ["spring"] });
      await hexlink.resolveRedirect.execute({
        host: "sho.rt",
        slug: "doc",
        query: "",
        ip: "203.0.113.9",
        userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        referrer: "",
        headers: {},
      });
      await hexlink.flushClicks();
      await hexlink.deleteLink.execute({ accountId: "acme", id: link.id });
      await hexlink.testWebhook.execute({ accountId: "acme", id: webhook.id });
      const outbox = hexlink.stores.webhooks?.outbox;
      await expect.poll(async () => outbox?.size()).toBe(5);
      const leased = (await outbox?.lease(new Date("2100-01-01T00:00:00Z"), 10, 1000)) ?? [];
      for (const { event } of leased) {
        const { body } = WEBHOOK_MESSAGES[event.type];
        expect(body.safeParse(JSON.parse(event.body)).error, event.type).toBeUndefined();
      }
      expect(leased.map(({ event }) => event.type).sort()).toEqual(Object.keys(WEBHOOK_MESSAGES).sort());
    } finally {
      await hexlink.close();
    }
  });
});
