import { describe, expect, it } from "vitest";
import type { IdempotencyKey, IdempotencyStore } from "../../application/ports/idempotency-store.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How an IdempotencyStore adapter takes part in the contract: `make` gives an empty one each time. */
export type IdempotencyStoreHarness = PortHarness<IdempotencyStore> & {
  /**
   * Whether the store expires entries by the caller's `now` (memory, MongoDB) rather than by its own clock
   * (Redis PX): only then can the suite move time past a TTL without waiting.
   */
  readonly expiresByCallerClock?: boolean;
};

const NOW = new Date("2026-03-01T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const A_KEY: IdempotencyKey = { accountId: "acme", key: "retry-1", fingerprint: "f1" };
const ANSWER = { status: 201, body: '{"success":true,"link":{"id":"lnk_1"}}' };
const at = (ms: number): Date => new Date(NOW.getTime() + ms);

/** The shared IdempotencyStore suite. */
export function idempotencyStoreContract(name: string, harness: IdempotencyStoreHarness): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    closeAfterAll(harness);

    it("reserves a free key once, then says it is in progress", async () => {
      const store = await harness.make();
      expect(await store.reserve(A_KEY, NOW, 60_000)).toEqual({ kind: "reserved" });
      expect(await store.reserve(A_KEY, NOW, 60_000)).toEqual({ kind: "in_progress" });
    });

    it("replays the recorded answer to the same fingerprint, byte for byte", async () => {
      const store = await harness.make();
      await store.reserve(A_KEY, NOW, 60_000);
      await store.complete(A_KEY, ANSWER, NOW, DAY_MS);
      expect(await store.reserve(A_KEY, at(1000), 60_000)).toEqual({ kind: "replay", answer: ANSWER });
      expect(await store.reserve(A_KEY, at(2000), 60_000)).toEqual({ kind: "replay", answer: ANSWER });
    });

    it("answers conflict to another fingerprint, in progress or answered", async () => {
      const store = await harness.make();
      const other = { ...A_KEY, fingerprint: "f2" };
      await store.reserve(A_KEY, NOW, 60_000);
      expect(await store.reserve(other, NOW, 60_000)).toEqual({ kind: "conflict" });
      await store.complete(A_KEY, ANSWER, NOW, DAY_MS);
      expect(await store.reserve(other, NOW, 60_000)).toEqual({ kind: "conflict" });
      // The conflicting request changed nothing: the first answer is still there.
      expect(await store.reserve(A_KEY, NOW, 60_000)).toEqual({ kind: "replay", answer: ANSWER });
    });

    it("keeps keys apart per account and per key", async () => {
      const store = await harness.make();
      await store.reserve(A_KEY, NOW, 60_000);
      await store.complete(A_KEY, ANSWER, NOW, DAY_MS);
      expect(await store.reserve({ ...A_KEY, accountId: "globex" }, NOW, 60_000)).toEqual({
        kind: "reserved",
      });
      expect(await store.reserve({ ...A_KEY, key: "retry-2" }, NOW, 60_000)).toEqual({ kind: "reserved" });
    });

    it("of many concurrent reservations of one key, exactly one wins", async () => {
      const store = await harness.make();
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.reserve(A_KEY, NOW, 60_000)));
      expect(answers.filter((answer) => answer.kind === "reserved")).toHaveLength(1);
      expect(answers.filter((answer) => answer.kind === "in_progress")).toHaveLength(19);
    });

    it("frees a released reservation, but never a recorded answer", async () => {
      const store = await harness.make();
      await store.reserve(A_KEY, NOW, 60_000);
      await store.release(A_KEY);
      expect(await store.reserve({ ...A_KEY, fingerprint: "f2" }, NOW, 60_000)).toEqual({ kind: "reserved" });
      await store.complete({ ...A_KEY, fingerprint: "f2" }, ANSWER, NOW, DAY_MS);
      await store.release({ ...A_KEY, fingerprint: "f2" });
      expect(await store.reserve({ ...A_KEY, fingerprint: "f2" }, NOW, 60_000)).toEqual({
        kind: "replay",
        answer: ANSWER,
      });
    });

    it("completes or releases only the fingerprint that holds the key", async () => {
      const store = await harness.make();
      await store.reserve(A_KEY, NOW, 60_000);
      await store.complete({ ...A_KEY, fingerprint: "f2" }, ANSWER, NOW, DAY_MS);
      await store.release({ ...A_KEY, fingerprint: "f2" });
      expect(await store.reserve(A_KEY, NOW, 60_000)).toEqual({ kind: "in_progress" });
    });

    it("frees a key once its reservation or its answer has expired", async () => {
      const store = await harness.make();
      if (harness.expiresByCallerClock === false) {
        // A store on its own clock: a 50 ms reservation is gone once 50 ms have passed.
        await store.reserve(A_KEY, NOW, 50);
        await new Promise((resolve) => setTimeout(resolve, 120));
        expect(await store.reserve(A_KEY, NOW, 60_000)).toEqual({ kind: "reserved" });
        return;
      }
      await store.reserve(A_KEY, NOW, 60_000);
      expect(await store.reserve({ ...A_KEY, fingerprint: "f2" }, at(60_001), 60_000)).toEqual({
        kind: "reserved",
      });
      await store.complete({ ...A_KEY, fingerprint: "f2" }, ANSWER, at(60_001), DAY_MS);
      expect(await store.reserve(A_KEY, at(60_001 + DAY_MS - 1), 60_000)).toEqual({ kind: "conflict" });
      expect(await store.reserve(A_KEY, at(60_001 + DAY_MS), 60_000)).toEqual({ kind: "reserved" });
    });
  });
}
