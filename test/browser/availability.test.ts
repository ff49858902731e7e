import { afterEach, describe, expect, it, vi } from "vitest";
import { BROWSER_SKIP_MESSAGE, browserAvailable, CHROMIUM_PATH } from "../support/browser.js";

describe("browser suite availability", () => {
  const missing = "/nonexistent/chromium";

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("skips with the line CI looks for when Chromium is missing", () => {
    vi.stubEnv("HEXLINK_REQUIRE_SUITES", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(browserAvailable(missing)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("SKIPPED: browser suite — "));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${missing} not found`));
    expect(BROWSER_SKIP_MESSAGE).toContain(`SKIPPED: browser suite — ${CHROMIUM_PATH} not found`);
  });

  it("fails instead of skipping when HEXLINK_REQUIRE_SUITES=1", () => {
    vi.stubEnv("HEXLINK_REQUIRE_SUITES", "1");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => browserAvailable(missing)).toThrow(/HEXLINK_REQUIRE_SUITES=1/);
    expect(warn).not.toHaveBeenCalled();
  });
});
