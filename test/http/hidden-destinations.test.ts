import { describe, expect, it } from "vitest";
import { FixedClock } from "../support/fixed-clock.js";
import { httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { api, server, useV1Server } from "./v1-servers.js";

const KEY = "hxk_hidden_destinations_key1";
const clock = new FixedClock("2026-03-15T12:00:00.000Z");
useV1Server(
  { apiKeys: [{ accountId: "acme", key: KEY }], ports: { clock }, settings: { rateLimits: RELAXED_LIMITS } },
  KEY,
);

const SECRET = "https://example.com/the-secret-destination";

async function linkIn(state: "active" | "disabled" | "expired" | "password", slug: string) {
  const link = await api.createLink({
    url: SECRET,
    custom_slug: slug,
    ...(state === "password" ? { password: "s3cret-pass" } : {}),
    ...(state === "expired" ? { expires_at: new Date(clock.now().getTime() + 1_800_000).toISOString() } : {}),
  });
  if (state === "disabled") await api.patch(`/v1/links/${link.id}`, { status: "disabled" });
  return link;
}

describe("disabled and gone links reveal nothing (spec §6)", () => {
  it("the tracking page shows the destination of an active link only", async () => {
    const links = {
      active: await linkIn("active", "shown-here"),
      disabled: await linkIn("disabled", "off-now"),
      expired: await linkIn("expired", "over-soon"),
      password: await linkIn("password", "locked-up"),
    };
    clock.set("2026-03-15T13:00:00.000Z");
    for (const [state, link] of Object.entries(links)) {
      const page = await httpRequest(`${server.url}/t/${link.id}`);
      expect(page.status, state).toBe(200);
      expect(page.body.includes("the-secret-destination"), state).toBe(state === "active");
    }
  });

  it("a QR code answers as its link does: 404 when disabled or unknown, 410 when gone", async () => {
    clock.set("2026-03-16T12:00:00.000Z");
    await linkIn("active", "qr-live");
    await linkIn("disabled", "qr-off");
    await linkIn("expired", "qr-gone");
    clock.set("2026-03-16T13:00:00.000Z");
    expect((await httpRequest(`${server.url}/qr-live/qr`)).status).toBe(200);
    expect((await httpRequest(`${server.url}/qr-off/qr`)).status).toBe(404);
    expect((await httpRequest(`${server.url}/qr-nobody/qr`)).status).toBe(404);
    const gone = await httpRequest(`${server.url}/qr-gone/qr?format=png`);
    expect(gone.status).toBe(410);
    expect(gone.headers["content-type"]).toMatch(/^text\/html/);
  });
});
