import { describe, expect, it } from "vitest";
import { InMemoryWebhookEndpoints } from "../../../../src/adapters/memory/in-memory-webhook-endpoints.js";
import { ClickSubscriptions } from "../../../../src/application/services/click-subscriptions.js";
import type { WebhookEndpoint } from "../../../../src/domain/webhook/webhook.js";

const T0 = new Date("2026-03-15T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const settle = () => new Promise((resolve) => setImmediate(resolve));

function endpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: "whk_1",
    accountId: "acme",
    url: "https://hooks.example/in",
    events: ["clicks.recorded"],
    secret: "whsec_x",
    status: "active",
    createdAt: T0,
    failingSince: null,
    ...overrides,
  };
}

/** A store that counts reads and can be made to fail or to answer only when released. */
class CountingEndpoints extends InMemoryWebhookEndpoints {
  reads = 0;
  failing = false;
  held: (() => void)[] = [];
  hold = false;
  override async listByAccount(accountId: string): Promise<WebhookEndpoint[]> {
    this.reads += 1;
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failing) throw new Error("store down");
    return super.listByAccount(accountId);
  }
}

describe("ClickSubscriptions", () => {
  it("counts an account as wanted until it is known to have no clicks.recorded endpoint", async () => {
    const subscriptions = new ClickSubscriptions(new CountingEndpoints());
    expect(subscriptions.wanted("acme", T0)).toBe(true);
    await settle();
    expect(subscriptions.wanted("acme", T0)).toBe(false);
  });

  it("wants an account with an active endpoint for clicks, not one for link events only or a disabled one", async () => {
    const stored = new CountingEndpoints();
    await stored.create(endpoint({ id: "whk_a", accountId: "a" }));
    await stored.create(endpoint({ id: "whk_b", accountId: "b", events: ["link.created"] }));
    await stored.create(endpoint({ id: "whk_c", accountId: "c", status: "disabled" }));
    const subscriptions = new ClickSubscriptions(stored);
    for (const account of ["a", "b", "c"]) subscriptions.wanted(account, T0);
    await settle();
    expect(["a", "b", "c"].map((account) => subscriptions.wanted(account, T0))).toEqual([true, false, false]);
  });

  it("hears at once of an endpoint written through it, and asks the store once per interval otherwise", async () => {
    const stored = new CountingEndpoints();
    const subscriptions = new ClickSubscriptions(stored, 5_000);
    subscriptions.wanted("acme", T0);
    await settle();
    for (let i = 0; i < 100; i++) expect(subscriptions.wanted("acme", later(i))).toBe(false);
    expect(stored.reads).toBe(1);
    await subscriptions.endpoints.create(endpoint());
    expect(subscriptions.wanted("acme", later(200))).toBe(true);
    await settle();
    expect(subscriptions.wanted("acme", later(300))).toBe(true);
    // Disabled through it: heard at once too (answered "yes" until the store says no).
    await subscriptions.endpoints.update(endpoint({ status: "disabled" }));
    subscriptions.wanted("acme", later(400));
    await settle();
    expect(subscriptions.wanted("acme", later(500))).toBe(false);
    expect(stored.reads).toBe(3);
  });

  it("sees an endpoint written elsewhere (another instance) once its answer is older than the interval", async () => {
    const stored = new CountingEndpoints();
    const subscriptions = new ClickSubscriptions(stored, 5_000);
    subscriptions.wanted("acme", T0);
    await settle();
    await stored.create(endpoint());
    expect(subscriptions.wanted("acme", later(4_999))).toBe(false);
    // Stale: answered from memory while the store is read again.
    expect(subscriptions.wanted("acme", later(5_000))).toBe(false);
    await settle();
    expect(subscriptions.wanted("acme", later(5_001))).toBe(true);
  });

  it("does not keep an answer read while an endpoint was being added", async () => {
    const stored = new CountingEndpoints();
    const subscriptions = new ClickSubscriptions(stored);
    stored.hold = true;
    subscriptions.wanted("acme", T0);
    await settle();
    stored.hold = false;
    await subscriptions.endpoints.create(endpoint());
    for (const release of stored.held.splice(0)) release();
    await settle();
    expect(subscriptions.wanted("acme", T0)).toBe(true);
    await settle();
    expect(stored.reads).toBe(2);
    expect(subscriptions.wanted("acme", T0)).toBe(true);
  });

  it("does not keep the old answer of a read that failed while an endpoint was being added", async () => {
    const stored = new CountingEndpoints();
    const subscriptions = new ClickSubscriptions(stored, 5_000);
    subscriptions.wanted("acme", T0);
    await settle();
    expect(subscriptions.wanted("acme", T0)).toBe(false);
    stored.hold = true;
    stored.failing = true;
    subscriptions.wanted("acme", later(5_000)); // stale: read again, held
    await settle();
    stored.hold = false;
    stored.failing = false;
    await subscriptions.endpoints.create(endpoint());
    for (const release of stored.held.splice(0)) release();
    await settle();
    expect(subscriptions.wanted("acme", later(5_001))).toBe(true);
  });

  it("asks again after the interval when a read never settles", async () => {
    const stored = new CountingEndpoints();
    stored.hold = true;
    const subscriptions = new ClickSubscriptions(stored, 5_000);
    subscriptions.wanted("acme", T0);
    subscriptions.wanted("acme", later(4_999));
    expect(stored.reads).toBe(1);
    subscriptions.wanted("acme", later(5_000));
    expect(stored.reads).toBe(2);
  });

  it("keeps wanting an account while the store fails, and asks it again only after the interval", async () => {
    const stored = new CountingEndpoints();
    stored.failing = true;
    const subscriptions = new ClickSubscriptions(stored, 5_000);
    for (let i = 0; i < 50; i++) {
      expect(subscriptions.wanted("acme", later(i))).toBe(true);
      await settle();
    }
    expect(stored.reads).toBe(1);
    subscriptions.wanted("acme", later(5_000));
    expect(stored.reads).toBe(2);
  });
});
