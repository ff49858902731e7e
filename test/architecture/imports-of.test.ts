import { describe, expect, it } from "vitest";
import { importsOf } from "./imports-of.js";

describe("importsOf", () => {
  it("finds every kind of import in source order, type-only ones included", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "../b.js";',
      'import { type C, d } from "./cd.js";',
      'import "side-effect";',
      'export { e } from "./e.js";',
      'export type { F } from "./f.js";',
      'export * from "node:path";',
      'import legacy = require("legacy");',
      "const lazy = await import('zod');",
      'type G = typeof import("./g.js");',
      "const h = require(`h-package`);",
      'const docs = createRequire(import.meta.url).resolve("swagger-ui-dist/package.json");',
      'const db = require.resolve("@scope/db/file.mmdb");',
      'const url = import.meta.resolve("meta-resolved");',
    ].join("\n");
    expect(importsOf(source)).toEqual([
      "./a.js",
      "../b.js",
      "./cd.js",
      "side-effect",
      "./e.js",
      "./f.js",
      "node:path",
      "legacy",
      "zod",
      "./g.js",
      "h-package",
      "swagger-ui-dist/package.json",
      "@scope/db/file.mmdb",
      "meta-resolved",
    ]);
  });

  it("ignores comments, strings that only look like imports, and computed specifiers", () => {
    const source = [
      "// import nothing from 'commented-out'",
      "/* export * from 'block-comment'; */",
      "const text = \"import x from 'in-a-string'\";",
      "const name = 'dynamic';",
      "const later = await import(name);",
      'const other = cache.resolve("not-a-module");',
    ].join("\n");
    expect(importsOf(source)).toEqual([]);
  });
});
