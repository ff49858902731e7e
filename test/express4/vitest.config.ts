import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.js";

/**
 * The router's HTTP tests against Express 4: `express` resolves to the copy test/express4/run.sh installs in a
 * temporary folder (HEXLINK_EXPRESS4_DIR), in the sources and the tests alike.
 */
const folder = process.env.HEXLINK_EXPRESS4_DIR;
if (folder === undefined) throw new Error("HEXLINK_EXPRESS4_DIR: the folder holding node_modules/express@4");

// openapi.test.ts lists the app's routes through Express 5's `app.router`, so it runs on Express 5 only.
const FILES = [
  "test/express4/express-major.check.ts",
  "test/http/host-app-router.test.ts",
  "test/http/redirect.test.ts",
  "test/http/v1-links.test.ts",
  "test/http/v1-errors-request.test.ts",
  "test/http/client-api-errors.test.ts",
  "test/http/edge-cases.test.ts",
];

export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    resolve: { alias: [{ find: /^express$/, replacement: `${folder}/node_modules/express/index.js` }] },
    test: { include: FILES, isolate: false },
  }),
);
