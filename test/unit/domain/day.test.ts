import { describe, expect, it } from "vitest";
import {
  addDays,
  dayOf,
  dayRange,
  daysBetween,
  daysOf,
  lastDays,
  MAX_RANGE_DAYS,
  parseDay,
} from "../../../src/domain/time/day.js";
import { aDomainError } from "../../support/builders.js";

describe("parseDay", () => {
  it.each(["2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "2026-04-30"])("accepts %s", (day) => {
    expect(parseDay(day)).toBe(day);
  });

  it.each([
    "2026-02-31",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-01",
    "26-01-01",
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
    "2026/01/01",
    "",
  ])("refuses %j with invalid_date_range", (day) => {
    expect(() => parseDay(day)).toThrow(aDomainError("invalid_date_range"));
  });
});

describe("day arithmetic", () => {
  it("dayOf is the UTC calendar day", () => {
    expect(dayOf(new Date("2026-03-15T23:59:59.999Z"))).toBe("2026-03-15");
    expect(dayOf(new Date("2026-03-16T00:30:00+01:00"))).toBe("2026-03-15");
  });

  it("addDays crosses months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });

  it("lastDays is the inclusive range of that many days ending on the given day", () => {
    expect(lastDays("2026-03-15", 30)).toEqual({ start: "2026-02-14", end: "2026-03-15" });
    expect(daysOf(lastDays("2026-03-15", 30))).toHaveLength(30);
  });
});

describe("dayRange", () => {
  it("accepts a single day and lists its days in order", () => {
    expect(daysOf(dayRange("2026-03-15", "2026-03-15"))).toEqual(["2026-03-15"]);
    expect(daysOf(dayRange("2026-02-27", "2026-03-02"))).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
  });

  it("refuses an inverted range", () => {
    expect(() => dayRange("2026-03-16", "2026-03-15")).toThrow(aDomainError("invalid_date_range"));
  });

  it(`accepts ${MAX_RANGE_DAYS} days and refuses ${MAX_RANGE_DAYS + 1}`, () => {
    expect(daysOf(dayRange("2024-01-01", "2024-12-31"))).toHaveLength(MAX_RANGE_DAYS);
    expect(daysOf(dayRange("2026-01-01", addDays("2026-01-01", MAX_RANGE_DAYS - 1)))).toHaveLength(366);
    expect(() => dayRange("2026-01-01", addDays("2026-01-01", MAX_RANGE_DAYS))).toThrow(
      aDomainError("invalid_date_range"),
    );
  });
});
