import { describe, expect, it } from "vitest";
import type { RedirectHit } from "../../../../src/application/ports/click-sink.js";
import { HitClassifier } from "../../../../src/application/services/hit-classifier.js";
import { FIXTURE_CLASSIFICATION } from "./recorder-fixtures.js";

const DAY = "2026-03-15";

/** The fixture ports, counting the work each does. */
function counted() {
  const calls = { parse: 0, locate: 0, hash: 0 };
  const { userAgents, geo, visitors } = FIXTURE_CLASSIFICATION;
  const ports = {
    userAgents: {
      parse: (ua: string) => {
        calls.parse += 1;
        return userAgents.parse(ua);
      },
    },
    geo: {
      locate: (ip: string, headers: RedirectHit["headers"]) => {
        calls.locate += 1;
        return geo.locate(ip, headers);
      },
    },
    visitors: {
      hash: (day: string, ip: string, ua: string) => {
        calls.hash += 1;
        return visitors.hash(day, ip, ua);
      },
    },
  };
  return { classifier: new HitClassifier(ports, 1000), calls };
}

const hit = (overrides: Partial<RedirectHit> = {}): RedirectHit => ({
  linkId: "lnk_a",
  at: new Date(`${DAY}T12:00:00Z`),
  ip: "81.2.69.1",
  userAgent: "Mozilla/5.0 (Macintosh)",
  referrer: "https://news.example/a",
  headers: {},
  target: "default",
  ...overrides,
});

describe("HitClassifier", () => {
  it("hands a client clicking again the very same profile, with no parse, lookup or hash", () => {
    const { classifier, calls } = counted();
    const first = classifier.profile(hit(), DAY);
    // Strings equal in value, not the same objects: as the HTTP parser makes them per request.
    const again = classifier.profile(
      hit({ userAgent: `Mozilla/5.0 ${"(Macintosh)"}`, linkId: "lnk_b" }),
      DAY,
    );
    expect(again).toBe(first);
    expect(first).toEqual({
      bot: false,
      device: "Desktop",
      os: "iOS",
      browser: "Safari",
      country: "GB",
      referrer: "news.example",
      visitor: `${DAY}/81.2.69.1/23`,
    });
    expect(calls).toEqual({ parse: 1, locate: 1, hash: 1 });
  });

  it("costs only the referrer when a client's referrer changes, and everything when its user agent does", () => {
    const { classifier, calls } = counted();
    const first = classifier.profile(hit(), DAY);
    const direct = classifier.profile(hit({ referrer: "" }), DAY);
    expect(direct).toEqual({ ...first, referrer: "Direct" });
    expect(calls).toEqual({ parse: 1, locate: 1, hash: 1 });
    classifier.profile(hit({ userAgent: "Mozilla/5.0 (iPhone)" }), DAY);
    expect(calls).toEqual({ parse: 2, locate: 2, hash: 2 });
  });

  it("forgets every client at a new day and when asked, so profiles and IPs last one interval", () => {
    const { classifier, calls } = counted();
    const first = classifier.profile(hit(), DAY);
    classifier.forget();
    expect(classifier.profile(hit(), DAY)).not.toBe(first);
    const nextDay = classifier.profile(hit(), "2026-03-16");
    expect(nextDay.visitor).toBe("2026-03-16/81.2.69.1/23");
    expect(calls.hash).toBe(3);
  });

  it("gives every bot one empty profile", () => {
    const { classifier } = counted();
    const bot = classifier.profile(hit({ userAgent: "Googlebot/2.1" }), DAY);
    // Every field empty but `bot`.
    expect(Object.entries(bot).filter(([, value]) => value !== "")).toEqual([["bot", true]]);
    expect(classifier.profile(hit({ userAgent: "Googlebot/2.1", ip: "8.8.8.8", referrer: "" }), DAY)).toBe(
      bot,
    );
  });
});
