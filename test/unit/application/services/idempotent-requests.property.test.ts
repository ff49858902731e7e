import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemoryIdempotencyStore } from "../../../../src/adapters/memory/in-memory-idempotency-store.js";
import {
  IDEMPOTENCY_RESERVATION_MS,
  IDEMPOTENCY_TTL_MS,
  IdempotentRequests,
} from "../../../../src/application/services/idempotent-requests.js";
import { aDomainError } from "../../../support/builders.js";
import { FixedClock } from "../../../support/fixed-clock.js";

const arbRequest = fc.record({
  account: fc.constantFrom("acme", "globex"),
  key: fc.constantFrom("k1", "k2", "k3"),
  body: fc.constantFrom("a", "b"),
  status: fc.constantFrom(201, 400, 503),
});

describe("IdempotentRequests", () => {
  it("runs each key's first request once; a retry gets its answer, another body a conflict (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbRequest, { maxLength: 30 }), async (requests) => {
        const runner = new IdempotentRequests(new InMemoryIdempotencyStore(), new FixedClock());
        // The model: per account and key, the body and answer that were kept (5xx answers are not).
        const kept = new Map<string, { body: string; answer: string }>();
        let runs = 0;
        for (const [index, request] of requests.entries()) {
          const id = `${request.account}/${request.key}`;
          const key = { accountId: request.account, key: request.key, fingerprint: request.body };
          const produced = { status: request.status, body: `answer ${index}` };
          const before = kept.get(id);
          const attempt = runner.run(key, async () => {
            runs += 1;
            return produced;
          });
          if (before === undefined) {
            expect(await attempt).toEqual({ ...produced, replayed: false });
            if (request.status < 500) kept.set(id, { body: request.body, answer: produced.body });
          } else if (before.body === request.body) {
            expect((await attempt).body).toBe(before.answer);
          } else {
            await expect(attempt).rejects.toEqual(aDomainError("idempotency_conflict"));
          }
        }
        const fresh = requests.filter((request, index) => {
          const id = `${request.account}/${request.key}`;
          const earlier = requests.slice(0, index).filter((other) => `${other.account}/${other.key}` === id);
          return earlier.every((other) => other.status >= 500);
        });
        expect(runs).toBe(fresh.length);
      }),
    );
  });

  it("answers a retry while the first is running with a conflict that says when to retry", async () => {
    const runner = new IdempotentRequests(new InMemoryIdempotencyStore(), new FixedClock());
    const key = { accountId: "acme", key: "k", fingerprint: "f" };
    let finish: (value: { status: number; body: string }) => void = () => {};
    const first = runner.run(key, () => new Promise((resolve) => (finish = resolve)));
    const retry = runner.run(key, async () => ({ status: 201, body: "second" }));
    await expect(retry).rejects.toMatchObject({ code: "idempotency_conflict", retryAfterSeconds: 1 });
    finish({ status: 201, body: "first" });
    expect(await first).toEqual({ status: 201, body: "first", replayed: false });
    expect(await runner.run(key, async () => ({ status: 201, body: "third" }))).toEqual({
      status: 201,
      body: "first",
      replayed: true,
    });
  });

  it("frees the key when the request throws, and forgets answers after 24 hours", async () => {
    const clock = new FixedClock();
    const runner = new IdempotentRequests(new InMemoryIdempotencyStore(), clock);
    const key = { accountId: "acme", key: "k", fingerprint: "f" };
    await expect(runner.run(key, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await runner.run(key, async () => ({ status: 201, body: "kept" }));
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect((await runner.run(key, async () => ({ status: 201, body: "new" }))).body).toBe("kept");
    clock.advance(1);
    expect((await runner.run(key, async () => ({ status: 201, body: "new" }))).body).toBe("new");
    expect(IDEMPOTENCY_RESERVATION_MS).toBeLessThan(IDEMPOTENCY_TTL_MS);
  });

  it("refuses an empty key or one over 255 characters", async () => {
    const runner = new IdempotentRequests(new InMemoryIdempotencyStore(), new FixedClock());
    const produce = async () => ({ status: 201, body: "x" });
    for (const key of ["", "k".repeat(256)]) {
      await expect(runner.run({ accountId: "acme", key, fingerprint: "f" }, produce)).rejects.toEqual(
        aDomainError("invalid_request"),
      );
    }
  });
});
