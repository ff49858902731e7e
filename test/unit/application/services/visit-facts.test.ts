import { describe, expect, it } from "vitest";
import type { ClassificationPorts } from "../../../../src/application/services/hit-classifier.js";
import { VisitFacts } from "../../../../src/application/services/visit-facts.js";
import { chooseTarget } from "../../../../src/domain/link/redirect-target.js";

/** Classification ports that count their calls. */
function countingPorts() {
  const calls = { parse: 0, locate: 0, hash: 0 };
  const ports: ClassificationPorts = {
    userAgents: {
      parse: () => {
        calls.parse += 1;
        return { device: "Mobile", os: "iOS", browser: "Safari", bot: false };
      },
    },
    geo: {
      locate: () => {
        calls.locate += 1;
        return { code: "FR" };
      },
    },
    visitors: {
      hash: (day, ip, ua) => {
        calls.hash += 1;
        return `${day}|${ip}|${ua}`;
      },
    },
  };
  return { ports, calls };
}

const request = { ip: "203.0.113.7", userAgent: "UA", query: "a=1", headers: {} };
const link = (rules: { if: object; url: string }[], variants: { url: string; weight: number }[] = []) => ({
  id: "lnk_x",
  destination: "https://example.com/",
  rules,
  variants,
});

describe("VisitFacts", () => {
  it("a country-only rule parses no user agent and hashes no visitor; each fact is worked out once", () => {
    const { ports, calls } = countingPorts();
    const visit = new VisitFacts(ports, request, new Date());
    const rules = [
      { if: { country: ["US"] }, url: "https://us.example/" },
      { if: { country: ["DE"] }, url: "https://de.example/" },
      { if: { country: ["FR"] }, url: "https://fr.example/" },
    ];
    expect(chooseTarget(link(rules), visit).name).toBe("rule:3");
    expect(calls).toEqual({ parse: 0, locate: 1, hash: 0 });
  });

  it("the user agent is parsed once for device, OS and browser rules together", () => {
    const { ports, calls } = countingPorts();
    const visit = new VisitFacts(ports, request, new Date());
    const rules = [
      { if: { device: ["Desktop"] }, url: "https://d.example/" },
      { if: { os: ["Android"] }, url: "https://a.example/" },
      { if: { browser: ["safari"] }, url: "https://s.example/" },
    ];
    expect(chooseTarget(link(rules), visit).name).toBe("rule:3");
    expect(calls).toEqual({ parse: 1, locate: 0, hash: 0 });
  });

  it("a split test hashes the visitor with the UTC day of the visit", () => {
    const { ports, calls } = countingPorts();
    const visit = new VisitFacts(ports, request, new Date("2026-03-15T23:59:59Z"));
    const variants = [
      { url: "https://a.example/", weight: 50 },
      { url: "https://b.example/", weight: 50 },
    ];
    chooseTarget(link([], variants), visit);
    expect(visit.visitor()).toBe("2026-03-15|203.0.113.7|UA");
    expect(calls.hash).toBe(1);
    expect(visit.query("a")).toBe("1");
    expect(visit.query("b")).toBeUndefined();
  });
});
