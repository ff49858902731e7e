import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventOutbox } from "../../application/ports/webhook-outbox.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";
import { atMs, outboxEvent } from "./webhook-fixtures.js";

/** How an EventOutbox adapter takes part in the contract: `make` gives an empty one each time. */
export type EventOutboxHarness = PortHarness<EventOutbox>;

const LEASE_MS = 60_000;

/** The shared EventOutbox suite: due order, exclusive leases that expire, acknowledge, reschedule, dead letters. */
export function eventOutboxContract(name: string, harness: EventOutboxHarness): void {
  describe(`EventOutbox contract: ${name}`, () => {
    closeAfterAll(harness);

    it("leases only what is due, earliest first, at most `max`, every field intact", async () => {
      const outbox = await harness.make();
      await outbox.append([
        outboxEvent("msg_c", 3000),
        outboxEvent("msg_a", 1000),
        outboxEvent("msg_b", 2000),
      ]);
      await outbox.append([outboxEvent("msg_future", 10_000)]);
      expect(await outbox.lease(atMs(0), 10, LEASE_MS)).toEqual([]);
      const leased = await outbox.lease(atMs(5000), 2, LEASE_MS);
      expect(leased.map((l) => l.event)).toEqual([outboxEvent("msg_a", 1000), outboxEvent("msg_b", 2000)]);
      expect((await outbox.lease(atMs(5000), 10, LEASE_MS)).map((l) => l.event.id)).toEqual(["msg_c"]);
      expect(await outbox.size()).toBe(4);
    });

    it("does not lease a leased event again until its lease expires; then the old lease is worthless", async () => {
      const outbox = await harness.make();
      await outbox.append([outboxEvent("msg_a")]);
      const [first] = await outbox.lease(atMs(0), 10, LEASE_MS);
      expect(first?.event.id).toBe("msg_a");
      expect(await outbox.lease(atMs(LEASE_MS - 1), 10, LEASE_MS)).toEqual([]);
      const [second] = await outbox.lease(atMs(LEASE_MS), 10, LEASE_MS);
      expect(second?.event.id).toBe("msg_a");
      if (first === undefined || second === undefined) throw new Error("not leased");
      expect(second.lease).not.toBe(first.lease);
      expect(await outbox.acknowledge(first)).toBe(false);
      expect(await outbox.reschedule(first, atMs(0), 1)).toBe(false);
      expect(await outbox.fail(first, 1)).toBe(false);
      expect(await outbox.acknowledge(second)).toBe(true);
      expect(await outbox.size()).toBe(0);
    });

    it("acknowledges once: the event is gone for good", async () => {
      const outbox = await harness.make();
      await outbox.append([outboxEvent("msg_a"), outboxEvent("msg_b")]);
      const [leased] = await outbox.lease(atMs(0), 1, LEASE_MS);
      if (leased === undefined) throw new Error("not leased");
      expect(await outbox.acknowledge(leased)).toBe(true);
      expect(await outbox.acknowledge(leased)).toBe(false);
      const later = await outbox.lease(atMs(10 * LEASE_MS), 10, LEASE_MS);
      expect(later.map((l) => l.event.id)).toEqual(["msg_b"]);
    });

    it("reschedules: due again at the new time with its attempts, under the same id", async () => {
      const outbox = await harness.make();
      await outbox.append([outboxEvent("msg_a")]);
      const [leased] = await outbox.lease(atMs(0), 1, LEASE_MS);
      if (leased === undefined) throw new Error("not leased");
      expect(await outbox.reschedule(leased, atMs(5000), 1)).toBe(true);
      expect(await outbox.lease(atMs(4999), 10, LEASE_MS)).toEqual([]);
      const [again] = await outbox.lease(atMs(5000), 10, LEASE_MS);
      expect(again?.event).toEqual({ ...outboxEvent("msg_a"), attempts: 1, nextAttemptAt: atMs(5000) });
    });

    it("moves a failed event to the dead letters, newest first, out of the queue", async () => {
      const outbox = await harness.make();
      await outbox.append([outboxEvent("msg_a"), outboxEvent("msg_b", 1)]);
      const leased = await outbox.lease(atMs(1), 10, LEASE_MS);
      for (const item of leased) expect(await outbox.fail(item, 8)).toBe(true);
      expect(await outbox.size()).toBe(0);
      expect(await outbox.lease(atMs(10 * LEASE_MS), 10, LEASE_MS)).toEqual([]);
      const dead = await outbox.failed(10);
      expect(dead.map((event) => event.id)).toEqual(["msg_b", "msg_a"]);
      expect(dead[0]).toEqual({ ...outboxEvent("msg_b", 1), attempts: 8 });
      expect(await outbox.failed(1)).toHaveLength(1);
    });

    it("never hands one event to two concurrent leasers", async () => {
      const outbox = await harness.make();
      const ids = Array.from({ length: 40 }, (_, i) => `msg_${String(i).padStart(2, "0")}`);
      await outbox.append(ids.map((id, i) => outboxEvent(id, i)));
      const batches = await Promise.all(
        Array.from({ length: 8 }, () => outbox.lease(atMs(100), 7, LEASE_MS)),
      );
      const leased = batches.flat().map((item) => item.event.id);
      expect(new Set(leased).size).toBe(leased.length);
      expect(leased.sort()).toEqual(ids);
    });

    it("property: a lease takes exactly the events due by then, in due order", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 15 }),
          fc.integer({ min: 0, max: 10_000 }),
          async (dues, now) => {
            const outbox = await harness.make();
            const events = dues.map((due, i) => outboxEvent(`msg_${i}`, due));
            await outbox.append(events);
            const leased = await outbox.lease(atMs(now), 100, LEASE_MS);
            const expected = events
              .filter((event) => event.nextAttemptAt.getTime() <= atMs(now).getTime())
              .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
              .map((event) => event.id);
            expect(leased.map((item) => item.event.id)).toEqual(expected);
          },
        ),
        { numRuns: harness.numRuns ?? 40 },
      );
    });
  });
}
