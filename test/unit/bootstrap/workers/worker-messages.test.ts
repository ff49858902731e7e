import { describe, expect, it } from "vitest";
import { isMessage } from "../../../../src/bootstrap/workers/worker-messages.js";

describe("isMessage (hexlink's IPC messages between primary and workers)", () => {
  it("knows hexlink's messages by kind, with a numeric id where the kind has one", () => {
    expect(isMessage({ hexlink: "ready" }, "ready")).toBe(true);
    expect(isMessage({ hexlink: "scrape", id: 3 }, "scrape")).toBe(true);
    expect(isMessage({ hexlink: "collect", id: 0 }, "collect")).toBe(true);
    expect(isMessage({ hexlink: "scraped", id: 1, text: "…" }, "scraped")).toBe(true);
  });

  it("lets every other message pass by: another kind, no id, Node's, prom-client's, a primitive", () => {
    expect(isMessage({ hexlink: "scrape", id: 3 }, "collect")).toBe(false);
    expect(isMessage({ hexlink: "scrape" }, "scrape")).toBe(false);
    expect(isMessage({ hexlink: "scrape", id: "3" }, "scrape")).toBe(false);
    expect(isMessage({ cmd: "NODE_CLUSTER", act: "newconn" }, "ready")).toBe(false);
    expect(isMessage({ type: "prom-client:getMetricsReq", requestId: 1 }, "collect")).toBe(false);
    expect(isMessage("ready", "ready")).toBe(false);
    expect(isMessage(null, "ready")).toBe(false);
  });
});
