import { describe, expect, it } from "vitest";
import { memoryStores } from "../../../../src/adapters/memory/memory-stores.js";
import type { ClickStore } from "../../../../src/application/ports/click-store.js";
import type { OutboxEvent } from "../../../../src/application/ports/webhook-outbox.js";
import { MAX_CLICK_MESSAGE_CHARS } from "../../../../src/application/services/webhook-publisher.js";
import { isDomainError } from "../../../../src/domain/errors/domain-error.js";
import { createTestHexlink, type TestHexlink } from "../../../../src/testing/create-test-hexlink.js";
import { ScriptedSender } from "./webhook-harness.js";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

async function withHexlink(run: (hexlink: TestHexlink) => Promise<void>, clicks?: ClickStore): Promise<void> {
  const stores = memoryStores();
  const hexlink = await createTestHexlink({
    stores: clicks === undefined ? stores : { ...stores, clicks },
    webhooks: { sender: new ScriptedSender() },
    clickRecording: { recorder: { maxBatchAttempts: 100, stopTimeoutMs: 100, stopAttempts: 1 } },
  });
  try {
    await run(hexlink);
  } finally {
    await hexlink.close();
  }
}

/** Every queued message, parsed, oldest first. */
async function queued(
  hexlink: TestHexlink,
): Promise<(OutboxEvent & { parsed: { type: string; data: unknown } })[]> {
  const outbox = hexlink.stores.webhooks?.outbox;
  if (outbox === undefined) throw new Error("no outbox");
  const leased = await outbox.lease(new Date("2100-01-01T00:00:00Z"), 10_000, 1000);
  for (const item of leased) await outbox.reschedule(item, item.event.nextAttemptAt, item.event.attempts);
  return leased.map(({ event }) => ({ ...event, parsed: JSON.parse(event.body) }));
}

const subscribe = (hexlink: TestHexlink, events: string[], accountId = "acme") =>
  hexlink.createWebhook.execute({ accountId, url: "https://hooks.example/in", events });

const visit = (slug: string, userAgent = FIREFOX) => ({
  host: "sho.rt",
  slug,
  query: "",
  ip: "203.0.113.9",
  userAgent,
  referrer: "https://news.example/item?id=1",
  headers: {},
});

describe("link events", () => {
  it("queues link.created, link.updated and link.deleted after each change is stored, with the v1 link object", () =>
    withHexlink(async (hexlink) => {
      const { webhook } = await subscribe(hexlink, ["link.created", "link.updated", "link.deleted"]);
      const link = await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/a",
        customSlug: "evt",
      });
      hexlink.clock.advance(1000);
      await hexlink.updateLink.execute({ accountId: "acme", id: link.id, url: "https://example.com/b" });
      hexlink.clock.advance(1000);
      await hexlink.deleteLink.execute({ accountId: "acme", id: link.id });
      const messages = await queued(hexlink);
      expect(messages.map((m) => [m.type, m.endpointId])).toEqual([
        ["link.created", webhook.id],
        ["link.updated", webhook.id],
        ["link.deleted", webhook.id],
      ]);
      expect(messages[0]?.parsed).toEqual({
        type: "link.created",
        timestamp: "2026-03-15T12:00:00.000Z",
        data: {
          link: {
            id: link.id,
            short_url: "https://sho.rt/evt",
            long_url: "https://example.com/a",
            domain: "sho.rt",
            slug: "evt",
            status: "active",
            password_protected: false,
            expires_at: null,
            max_clicks: null,
            title: null,
            tags: [],
            rules: [],
            variants: [],
            tracking_url: `https://sho.rt/t/${link.id}`,
            created_at: "2026-03-15T12:00:00.000Z",
            updated_at: "2026-03-15T12:00:00.000Z",
          },
        },
      });
      expect(messages[1]?.parsed).toMatchObject({
        type: "link.updated",
        timestamp: "2026-03-15T12:00:01.000Z",
        data: { link: { id: link.id, long_url: "https://example.com/b" } },
      });
      expect(messages[2]?.parsed).toMatchObject({ type: "link.deleted", data: { link: { id: link.id } } });
      expect(new Set(messages.map((m) => m.id)).size).toBe(3);
    }));

  it("queues nothing for a change that failed", () =>
    withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["link.created", "link.updated", "link.deleted"]);
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/a",
        customSlug: "taken",
      });
      const failures = [
        hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/b", customSlug: "taken" }),
        hexlink.createLink.execute({ accountId: "acme", url: "not a url" }),
        hexlink.updateLink.execute({ accountId: "acme", id: "lnk_missing", url: "https://example.com/c" }),
        hexlink.deleteLink.execute({ accountId: "acme", id: "lnk_missing" }),
      ];
      for (const failure of failures) await expect(failure).rejects.toSatisfy(isDomainError);
      expect((await queued(hexlink)).map((m) => m.type)).toEqual(["link.created"]);
    }));

  it("queues only the events an account's endpoint subscribes to, and never another account's", () =>
    withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["link.deleted"]);
      const theirs = await hexlink.createLink.execute({ accountId: "globex", url: "https://example.com/g" });
      await hexlink.deleteLink.execute({ accountId: "globex", id: theirs.id });
      const ours = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/a" });
      await hexlink.deleteLink.execute({ accountId: "acme", id: ours.id });
      const messages = await queued(hexlink);
      expect(messages.map((m) => [m.type, m.accountId])).toEqual([["link.deleted", "acme"]]);
      expect(messages[0]?.parsed).toMatchObject({ data: { link: { id: ours.id } } });
    }));
});

describe("clicks.recorded", () => {
  it("announces the human clicks of a flush once stored, with classified fields only", () =>
    withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["clicks.recorded"]);
      const link = await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "clk",
      });
      await hexlink.resolveRedirect.execute(visit("clk"));
      hexlink.clock.advance(500);
      await hexlink.resolveRedirect.execute(visit("clk"));
      await hexlink.resolveRedirect.execute(visit("clk", BOT));
      await hexlink.flushClicks();
      await expect.poll(async () => (await queued(hexlink)).length).toBe(1);
      const [message] = await queued(hexlink);
      const body = message?.parsed as { type: string; data: { clicks: Record<string, unknown>[] } };
      expect(body.type).toBe("clicks.recorded");
      expect(body.data.clicks).toEqual([
        {
          link_id: link.id,
          at: "2026-03-15T12:00:00.000Z",
          device: "Desktop",
          os: "Linux",
          browser: "Firefox",
          country: expect.any(String),
          referrer: "news.example",
          target: "default",
        },
        expect.objectContaining({ link_id: link.id, at: "2026-03-15T12:00:00.500Z" }),
      ]);
      expect(message?.body).not.toContain("203.0.113.9");
      expect(message?.body).not.toContain("Gecko");
    }));

  it("names the target each visitor was sent to (a split test's variant)", () =>
    withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["clicks.recorded"]);
      const variants = [
        { url: "https://a.example/", weight: 50 },
        { url: "https://b.example/", weight: 50 },
      ];
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "split",
        variants,
      });
      const outcome = await hexlink.resolveRedirect.execute(visit("split"));
      await hexlink.flushClicks();
      await expect.poll(async () => (await queued(hexlink)).length).toBe(1);
      const [message] = await queued(hexlink);
      if (message === undefined) throw new Error("no message");
      const { clicks } = message.parsed.data as { clicks: { target: string }[] };
      const sentTo = outcome.kind === "redirect" ? outcome.location : "";
      expect(clicks.map((c) => c.target)).toEqual([
        sentTo.startsWith("https://a.example/") ? "variant:1" : "variant:2",
      ]);
    }));

  it("keeps no click of an account known to have no such endpoint, and hears of a new endpoint at once", () =>
    withHexlink(async (hexlink) => {
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "late",
      });
      // Not known yet: kept, in case (the publisher checks again when it announces).
      await hexlink.resolveRedirect.execute(visit("late"));
      await new Promise((resolve) => setImmediate(resolve));
      hexlink.clock.advance(1000);
      await hexlink.resolveRedirect.execute(visit("late")); // known: nobody listens
      hexlink.clock.advance(1000);
      await subscribe(hexlink, ["clicks.recorded"]);
      await hexlink.resolveRedirect.execute(visit("late"));
      await hexlink.flushClicks();
      await expect.poll(async () => (await queued(hexlink)).length).toBe(1);
      const [message] = await queued(hexlink);
      if (message === undefined) throw new Error("no message");
      const { clicks } = message.parsed.data as { clicks: { at: string }[] };
      expect(clicks.map((click) => click.at)).toEqual([
        "2026-03-15T12:00:00.000Z",
        "2026-03-15T12:00:02.000Z",
      ]);
      const analytics = await hexlink.getAccountAnalytics.execute({ accountId: "acme" });
      expect(analytics.totalClicks).toBe(3);
    }));

  it("splits a flush into messages of at most 1,000 clicks and the size cap, none lost", () =>
    withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["clicks.recorded"]);
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "many",
      });
      for (let i = 0; i < 2500; i++) await hexlink.resolveRedirect.execute(visit("many"));
      await hexlink.flushClicks();
      const total = async () =>
        (await queued(hexlink)).reduce(
          (sum, m) => sum + (m.parsed.data as { clicks: unknown[] }).clicks.length,
          0,
        );
      await expect.poll(total).toBe(2500);
      const messages = await queued(hexlink);
      for (const message of messages) {
        expect((message.parsed.data as { clicks: unknown[] }).clicks.length).toBeLessThanOrEqual(1000);
        expect(message.body.length).toBeLessThanOrEqual(MAX_CLICK_MESSAGE_CHARS);
      }
      expect(messages.length).toBeGreaterThanOrEqual(3);
    }));

  it("announces nothing for clicks the store did not take, nor for an account without subscribers", async () => {
    const failing: ClickStore = {
      ...memoryStores().clicks,
      add: async () => {
        throw new Error("store down");
      },
    };
    await withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["clicks.recorded"]);
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "lost",
      });
      await hexlink.resolveRedirect.execute(visit("lost"));
      await hexlink.flushClicks();
      expect(await queued(hexlink)).toEqual([]);
    }, failing);
    await withHexlink(async (hexlink) => {
      await subscribe(hexlink, ["clicks.recorded"], "globex");
      await hexlink.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        customSlug: "mine",
      });
      const theirs = await hexlink.createLink.execute({
        accountId: "globex",
        url: "https://example.com/",
        customSlug: "theirs",
      });
      await hexlink.resolveRedirect.execute(visit("mine"));
      await hexlink.resolveRedirect.execute(visit("theirs"));
      await hexlink.flushClicks();
      await expect.poll(async () => (await queued(hexlink)).length).toBe(1);
      const [message] = await queued(hexlink);
      if (message === undefined) throw new Error("no message");
      expect(message.accountId).toBe("globex");
      const { clicks } = message.parsed.data as { clicks: { link_id: string }[] };
      expect(clicks.map((c) => c.link_id)).toEqual([theirs.id]);
    });
  });
});
