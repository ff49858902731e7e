import { afterAll, vi } from "vitest";

// Files that share a worker run one after another in it. Vitest undoes spies and stubs before each test;
// undoing them after each file as well keeps the last test's from reaching the next file's hooks.
afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
