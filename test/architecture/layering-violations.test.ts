import { describe, expect, it } from "vitest";
import { ADAPTER_ZONES } from "./layer-rules.js";
import { importViolations, layeringViolations, resolveImport, zoneOf } from "./layering-violations.js";

const DOMAIN = "src/domain/link/link.ts";
const USE_CASE = "src/application/use-cases/link/create-link.ts";
const INDEX = "src/index.ts";
const MEMORY = "src/adapters/memory/in-memory-link-repository.ts";
const REDIS = "src/adapters/redis/redis-link-cache.ts";
const MONGO = "src/adapters/mongodb/mongo-link-repository.ts";
const EXPRESS = "src/adapters/express/v1/links-router.ts";
const NODE = "src/adapters/node/system-clock.ts";
const BOOTSTRAP = "src/bootstrap/create-hexlink.ts";
const ZOD_HOMES =
  "adapters/memory, adapters/redis, adapters/mongodb, adapters/express, adapters/node, adapters/classify, adapters/csv, bootstrap";
const NO_PACKAGE = "imports no package and no node: module";

const violationsOf = (file: string, specifier: string) => importViolations(file, [specifier], new Set());

describe("importViolations names the file, the import and the rule it breaks", () => {
  it.each([
    ["domain: a node: module", DOMAIN, "node:crypto", `domain ${NO_PACKAGE}`],
    ["domain: a package", DOMAIN, "nanoid", `domain ${NO_PACKAGE}`],
    [
      "domain: the application",
      DOMAIN,
      "../../application/ports/clock.js",
      "domain may import only domain, not application",
    ],
    ["domain: a framework", DOMAIN, "zod", `zod belongs only in ${ZOD_HOMES}`],
    ["application: a node: module", USE_CASE, "node:crypto", `application ${NO_PACKAGE}`],
    ["application: a package", USE_CASE, "lru-cache", `application ${NO_PACKAGE}`],
    [
      "application: an adapter",
      USE_CASE,
      "../../../adapters/memory/lru-link-cache.js",
      "application may import only domain, application, not adapters/memory",
    ],
    [
      "application: bootstrap",
      USE_CASE,
      "../../../bootstrap/tokens.js",
      "application may import only domain, application, not bootstrap",
    ],
    ["application: a file outside src", USE_CASE, "../../../../test/support/core.js", "it leaves src"],
    ["application: tsyringe", USE_CASE, "tsyringe", "tsyringe belongs only in bootstrap"],
    [
      "main export: an adapter",
      INDEX,
      "./adapters/memory/index.js",
      "index may import only domain, application, not adapters/memory",
    ],
    [
      "main export: bootstrap",
      INDEX,
      "./bootstrap/index.js",
      "index may import only domain, application, not bootstrap",
    ],
    ["main export: a package", INDEX, "pino", `index ${NO_PACKAGE}`],
    [
      "adapter: another adapter",
      MEMORY,
      "../redis/redis-keys.js",
      "adapters/memory may import only domain, application, adapters/memory, not adapters/redis",
    ],
    [
      "adapter: bootstrap",
      EXPRESS,
      "../../../bootstrap/hexlink.js",
      "adapters/express may import only domain, application, adapters/express, src/adapters/csv/link-export-format.ts, src/adapters/csv/import-file.ts, src/adapters/csv/import-sources.ts, not bootstrap",
    ],
    [
      "adapter: another adapter's file beside its shared helper",
      REDIS,
      "../memory/memory-stores.js",
      "adapters/redis may import only domain, application, adapters/redis, src/adapters/memory/lru-link-cache.ts, not adapters/memory",
    ],
    [
      "adapter: express outside its adapter",
      MEMORY,
      "express",
      "express belongs only in adapters/express, bootstrap",
    ],
    [
      "adapter: ioredis outside its adapter",
      MONGO,
      "ioredis",
      "ioredis belongs only in adapters/redis, bootstrap",
    ],
    [
      "adapter: mongodb outside its adapter",
      REDIS,
      "mongodb/lib/bson",
      "mongodb belongs only in adapters/mongodb, bootstrap",
    ],
    ["adapter: tsyringe", EXPRESS, "tsyringe", "tsyringe belongs only in bootstrap"],
    ["adapter: reflect-metadata", NODE, "reflect-metadata", "reflect-metadata belongs only in bootstrap"],
    [
      "adapter: an unlisted package",
      NODE,
      "lru-cache",
      "lru-cache is not on the package list of adapters/node (nanoid)",
    ],
    [
      "adapter: an unlisted scoped package",
      MEMORY,
      "@scope/thing/deep",
      "@scope/thing is not on the package list of adapters/memory (lru-cache)",
    ],
    ["adapter: a built-in without node:", NODE, "crypto", "a Node built-in: import it as node:crypto"],
    [
      "bootstrap: an unlisted package",
      BOOTSTRAP,
      "nanoid",
      "nanoid is not on the package list of bootstrap (cli-progress, pino, proxy-addr, reflect-metadata, tsyringe, zod)",
    ],
    [
      "bootstrap: a folder no rule knows",
      BOOTSTRAP,
      "../shared/helper.js",
      "src/shared/helper.ts lies in no layer the rules know",
    ],
  ])("refuses %s", (_, file, specifier, rule) => {
    expect(violationsOf(file, specifier)).toEqual([`${file} imports "${specifier}": ${rule}`]);
  });

  it("refuses a file in a folder the rules do not know, whatever it imports", () => {
    expect(importViolations("src/adapters/webhook/sender.ts", [], new Set())).toEqual([
      "src/adapters/webhook/sender.ts lies in no layer the rules know: add it to test/architecture/layer-rules.ts",
    ]);
  });

  it.each([
    ["domain: a sibling and another domain folder", DOMAIN, ["./slug.js", "../errors/domain-error.js"]],
    [
      "application: domain and application",
      USE_CASE,
      ["../../ports/link-repository.js", "../../../domain/link/slug.js"],
    ],
    ["main export: domain and application", INDEX, ["./domain/index.js", "./application/index.js"]],
    [
      "redis: its shared helper, its packages, node:",
      REDIS,
      ["../memory/lru-link-cache.js", "ioredis", "lru-cache", "node:crypto"],
    ],
    [
      "express: its folder and packages",
      EXPRESS,
      ["../http/logger.js", "express", "zod", "node:http", "proxy-addr"],
    ],
    [
      "bootstrap: every adapter and its packages",
      BOOTSTRAP,
      [
        ...ADAPTER_ZONES.map((zone) => `../${zone}/index.js`),
        "tsyringe",
        "reflect-metadata",
        "zod",
        "node:fs",
      ],
    ],
  ])("accepts %s", (_, file, specifiers) => {
    expect(importViolations(file, specifiers, new Set())).toEqual([]);
  });
});

describe("layeringViolations", () => {
  it("reports a bad import and a cycle in one tree, and nothing for the good files", () => {
    const sources = new Map([
      ["src/domain/link/link.ts", ["./slug.js"]],
      ["src/domain/link/slug.ts", ["../errors/domain-error.js"]],
      ["src/domain/errors/domain-error.ts", []],
      ["src/application/ports/clock.ts", ["./scheduler.js"]],
      ["src/application/ports/scheduler.ts", ["./clock.js"]],
      ["src/adapters/express/create-app.ts", ["../../bootstrap/hexlink.js", "express"]],
      ["src/bootstrap/hexlink.ts", ["../application/ports/clock.js"]],
    ]);
    expect(layeringViolations(sources)).toEqual([
      'src/adapters/express/create-app.ts imports "../../bootstrap/hexlink.js": adapters/express may import only domain, application, adapters/express, src/adapters/csv/link-export-format.ts, src/adapters/csv/import-file.ts, src/adapters/csv/import-sources.ts, not bootstrap',
      'import cycle: src/application/ports/clock.ts imports "./scheduler.js", src/application/ports/scheduler.ts imports "./clock.js"',
    ]);
  });
});

describe("resolveImport and zoneOf", () => {
  const files = new Set(["src/adapters/redis/index.ts", "src/domain/link/link.ts"]);

  it("maps a .js specifier to its .ts file and a folder to its index", () => {
    expect(resolveImport("src/domain/link/slug.ts", "./link.js", files)).toBe("src/domain/link/link.ts");
    expect(resolveImport("src/bootstrap/x.ts", "../adapters/redis", files)).toBe(
      "src/adapters/redis/index.ts",
    );
    expect(resolveImport("src/bootstrap/x.ts", "../adapters/redis/missing.js", files)).toBe(
      "src/adapters/redis/missing.ts",
    );
  });

  it("knows each layer, each adapter folder and nothing else", () => {
    expect(zoneOf("src/index.ts")).toBe("index");
    expect(zoneOf("src/domain/link/link.ts")).toBe("domain");
    expect(zoneOf("src/application/hexlink.ts")).toBe("application");
    expect(zoneOf("src/adapters/express/v1/links-router.ts")).toBe("adapters/express");
    expect(zoneOf("src/bootstrap/cli.ts")).toBe("bootstrap");
    for (const elsewhere of [
      "src/adapters/x.ts",
      "src/adapters/webhook/a.ts",
      "src/shared/a.ts",
      "src/a.ts",
      "test/a.ts",
    ]) {
      expect(zoneOf(elsewhere)).toBeUndefined();
    }
  });
});
