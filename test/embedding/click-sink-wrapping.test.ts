import type { ClickSink, Hexlink, RedirectHit } from "hexlink";
import { createClickRecorder, createHexlink } from "hexlink/bootstrap";
import { memoryStores } from "hexlink/memory";
import { SystemClock } from "hexlink/node";
import { afterEach, describe, expect, it } from "vitest";

// An embedder replaces the click sink to see every hit, and still wants hexlink's analytics.

const today = () => new Date().toISOString().slice(0, 10);

const opened: Hexlink[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((hexlink) => hexlink.close()));
});

/** Two redirects to a new link, then the clicks the store holds for it today. */
async function clickTwice(hexlink: Hexlink): Promise<number> {
  const start = today();
  const link = await hexlink.createLink.execute({ accountId: "acme", url: "https://example.com/a" });
  const request = { host: "sho.rt", slug: link.slug, query: "", userAgent: "", referrer: "", headers: {} };
  await hexlink.resolveRedirect.execute({ ...request, ip: "192.0.2.10" });
  await hexlink.resolveRedirect.execute({ ...request, ip: "192.0.2.11" });
  await hexlink.flushClicks();
  const counts = await hexlink.stores.clicks.query(link.id, { start, end: today() });
  return [...counts.days.values()].reduce((sum, day) => sum + day.clicks + day.botClicks, 0);
}

describe("a click sink that wraps the default recorder", () => {
  it("built by hand with createClickRecorder: analytics still count every click", async () => {
    const stores = memoryStores();
    const recorder = createClickRecorder(stores.clicks, new SystemClock());
    const seen: RedirectHit[] = [];
    const sink: ClickSink & Pick<typeof recorder, "flush" | "stop"> = {
      record: (hit) => {
        seen.push(hit);
        recorder.record(hit);
      },
      flush: () => recorder.flush(),
      stop: (deadline) => recorder.stop(deadline),
    };
    const hexlink = await createHexlink({ baseUrl: "https://sho.rt", stores, clickSink: sink });
    opened.push(hexlink);
    expect(await clickTwice(hexlink)).toBe(2);
    expect(seen.map((hit) => hit.ip)).toEqual(["192.0.2.10", "192.0.2.11"]);
  });

  it("as a function of hexlink's recorder: analytics count, and the recorder's events still come", async () => {
    const seen: string[] = [];
    const hexlink = await createHexlink({
      baseUrl: "https://sho.rt",
      clickSink: (recorder) => ({
        record: (hit) => {
          seen.push(hit.ip);
          recorder.record(hit);
        },
      }),
    });
    opened.push(hexlink);
    const flushed: number[] = [];
    hexlink.on("clicks:flushed", ({ clicks }) => flushed.push(clicks));
    expect(await clickTwice(hexlink)).toBe(2);
    expect(seen).toEqual(["192.0.2.10", "192.0.2.11"]);
    expect(flushed).toEqual([2]);
  });
});
