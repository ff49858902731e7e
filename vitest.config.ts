import { readFileSync } from "node:fs";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * "hexlink/<subpath>" as an embedder imports it: through package.json's exports, to the source of the built
 * file each names (./dist/x.js → src/x.ts), so tests of the public entry points need no build first.
 */
const SELF_REFERENCE = Object.entries(
  (
    JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
      exports: Record<string, string | { import?: string }>;
    }
  ).exports,
).flatMap(([subpath, target]) => {
  const built = typeof target === "object" ? target.import : undefined;
  if (built === undefined) return [];
  const source = built.replace(/^\.\/dist\//, "./src/").replace(/\.js$/, ".ts");
  const find = new RegExp(`^hexlink${subpath.slice(1).replace(/[/.]/g, "\\$&")}$`);
  return [{ find, replacement: new URL(source, import.meta.url).pathname }];
});

/**
 * Test files that get a fresh module registry of their own. A MongoDB HTTP suite imports another test file
 * to run it again on MongoDB, which a registry shared with that file would hand back already run, with no
 * tests; the contract suites are wired the same way by backend.
 */
const ISOLATED = ["test/http/mongodb/**/*.test.ts", "test/contract/**/*.test.ts"];

export default defineConfig({
  resolve: { alias: SELF_REFERENCE },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ["default"],
    // Vitest's default on 2 cores is one worker, which leaves a core idle while a file waits on Redis,
    // MongoDB, Chromium or a child process. A third worker was no faster on 2 cores and stretched the files
    // that spawn processes towards their timeouts.
    maxWorkers: 2,
    // Whatever a test stubs or spies on is undone before the next test and at the end of its file, so nothing
    // leaks into a later file that runs in the same worker.
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    setupFiles: ["test/support/file-cleanup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          // Files in one worker share loaded modules (express, zod, ioredis, fast-check…) instead of loading
          // them again per file. Source and support modules keep no mutable state at module level; a file
          // that needs a fresh registry belongs in ISOLATED.
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});
