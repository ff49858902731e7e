import { describe, expect, it } from "vitest";
import {
  ADAPTER_ZONES,
  FRAMEWORK_HOMES,
  MAY_IMPORT,
  PACKAGES,
  SHARED_HELPERS,
  ZONES,
} from "./layer-rules.js";
import { zoneOf } from "./layering-violations.js";

describe("the layer rules themselves", () => {
  it("never list a framework in a zone outside its homes", () => {
    const misplaced = ZONES.flatMap((zone) =>
      PACKAGES[zone]
        .filter((name) => !(FRAMEWORK_HOMES[name] ?? [zone]).includes(zone))
        .map((name) => `${zone}: ${name}`),
    );
    expect(misplaced).toEqual([]);
  });

  it("let no adapter see another adapter or bootstrap except through a listed helper", () => {
    for (const zone of ADAPTER_ZONES) expect(MAY_IMPORT[zone]).toEqual(["domain", "application", zone]);
    for (const helper of SHARED_HELPERS) {
      expect(ADAPTER_ZONES).toContain(zoneOf(helper.file));
      expect(zoneOf(helper.file)).not.toBe(helper.from);
    }
  });

  it("let only bootstrap see every adapter", () => {
    const seeAll = ZONES.filter((zone) =>
      ADAPTER_ZONES.every((adapter) => MAY_IMPORT[zone].includes(adapter)),
    );
    expect(seeAll).toEqual(["bootstrap"]);
  });
});
