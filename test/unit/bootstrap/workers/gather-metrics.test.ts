import type { Worker } from "node:cluster";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HexlinkMetrics, REDIRECT_ROUTE } from "../../../../src/adapters/express/metrics/hexlink-metrics.js";
import { gatherMetrics } from "../../../../src/bootstrap/workers/gather-metrics.js";
import type { PrimaryMessage } from "../../../../src/bootstrap/workers/worker-messages.js";

/** A stand-in for a cluster worker: its id, whether its channel is open, and what the primary sent it. */
function fakeWorker(id: number, connected = true) {
  const sent: PrimaryMessage[] = [];
  const worker = {
    id,
    isConnected: () => connected,
    send: (message: PrimaryMessage) => {
      sent.push(message);
      return true;
    },
  };
  return { worker: worker as unknown as Worker, sent };
}

/** A worker's metrics after it served `redirects` redirects. */
async function snapshotOf(redirects: number) {
  const metrics = new HexlinkMetrics();
  for (let i = 0; i < redirects; i++) metrics.http.of(REDIRECT_ROUTE).record(302, 0.001);
  return metrics.snapshot();
}

/** The text of the last answer a worker got. */
function lastText(sent: readonly PrimaryMessage[]): string | undefined {
  const last = sent.at(-1);
  return last?.hexlink === "scraped" ? last.text : undefined;
}

/** The collect round id the primary sent to a worker. */
function roundOf(sent: readonly PrimaryMessage[]): number {
  const collect = sent.find((message) => message.hexlink === "collect");
  if (collect === undefined) throw new Error("no collect message");
  return collect.id;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("gatherMetrics (the primary's side of a worker's /metrics)", () => {
  it("asks every ready worker, then answers the asker with their sum", async () => {
    const one = fakeWorker(1);
    const two = fakeWorker(2);
    const gatherer = gatherMetrics(() => [one.worker, two.worker]);
    const answered = gatherer.answer(one.worker, 7);
    gatherer.collected(one.worker, roundOf(one.sent), await snapshotOf(2));
    gatherer.collected(two.worker, roundOf(two.sent), await snapshotOf(3));
    await answered;
    const reply = one.sent.find((message) => message.hexlink === "scraped");
    expect(reply).toMatchObject({ hexlink: "scraped", id: 7 });
    expect(reply?.text).toContain('hexlink_redirects_total{outcome="redirect"} 5');
    expect(two.sent.some((message) => message.hexlink === "scraped")).toBe(false);
  });

  it("leaves out a worker that dies mid-round, and one whose channel is already closed", async () => {
    const one = fakeWorker(1);
    const two = fakeWorker(2);
    const closed = fakeWorker(3, false);
    const gatherer = gatherMetrics(() => [one.worker, two.worker, closed.worker]);
    const answered = gatherer.answer(one.worker, 1);
    expect(closed.sent).toEqual([]);
    gatherer.collected(one.worker, roundOf(one.sent), await snapshotOf(4));
    gatherer.gone(two.worker);
    await answered;
    expect(lastText(one.sent)).toContain('hexlink_redirects_total{outcome="redirect"} 4');
  });

  it("answers with what came in once a stalled worker's time is up, and an error when none answered", async () => {
    vi.useFakeTimers();
    const one = fakeWorker(1);
    const stalled = fakeWorker(2);
    const gatherer = gatherMetrics(() => [one.worker, stalled.worker]);
    const answered = gatherer.answer(one.worker, 1);
    gatherer.collected(one.worker, roundOf(one.sent), await snapshotOf(1));
    await vi.advanceTimersByTimeAsync(2_000);
    await answered;
    expect(lastText(one.sent)).toContain('hexlink_redirects_total{outcome="redirect"} 1');

    const silent = gatherMetrics(() => [stalled.worker]);
    const nothing = silent.answer(one.worker, 2);
    await vi.advanceTimersByTimeAsync(2_000);
    await nothing;
    expect(one.sent.at(-1)).toEqual({ hexlink: "scraped", id: 2, error: "no worker answered" });
  });

  it("ignores a snapshot for a round that is over or from a worker it did not ask", async () => {
    const one = fakeWorker(1);
    const gatherer = gatherMetrics(() => [one.worker]);
    expect(() => gatherer.collected(one.worker, 99, [])).not.toThrow();
    const answered = gatherer.answer(one.worker, 3);
    gatherer.collected(fakeWorker(5).worker, roundOf(one.sent), await snapshotOf(9));
    gatherer.collected(one.worker, roundOf(one.sent), await snapshotOf(1));
    await answered;
    expect(lastText(one.sent)).toContain('hexlink_redirects_total{outcome="redirect"} 1');
  });
});
