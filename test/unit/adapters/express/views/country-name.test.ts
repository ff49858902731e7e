import { describe, expect, it } from "vitest";
import { countryName } from "../../../../../src/adapters/express/views/country-name.js";
import { OVERFLOW_VALUE, UNKNOWN_COUNTRY } from "../../../../../src/domain/click/click.js";

describe("countryName", () => {
  it("names ISO codes in English, keeps Other for folded values, and says Unknown otherwise", () => {
    expect(countryName("FR")).toBe("France");
    expect(countryName(OVERFLOW_VALUE)).toBe("Other");
    expect(countryName(UNKNOWN_COUNTRY)).toBe("Unknown");
    expect(countryName("<script>")).toBe("Unknown");
  });
});
