import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");
const FRAMEWORKS = ["express", "ioredis", "mongodb", "tsyringe", "zod"];
const STORAGE_DRIVERS = ["express", "ioredis", "mongodb"];
const DRIVER_ADAPTERS = ["adapters/express", "adapters/redis", "adapters/mongodb"];

type Layer = "domain" | "application" | "memory";

/** Every module a source text names: static and dynamic imports, re-exports, side-effect imports. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

const isRelative = (specifier: string) => specifier.startsWith("./") || specifier.startsWith("../");
const packageOf = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? "");
const inside = (file: string, folder: string) => file.startsWith(path.join(SRC, folder) + path.sep);

/** What one file's imports break of its layer's rule; empty when it keeps it. */
function violations(layer: Layer, file: string, imports: readonly string[]): string[] {
  const found: string[] = [];
  for (const specifier of imports) {
    if (!isRelative(specifier)) {
      const name = packageOf(specifier);
      const banned = layer === "memory" ? STORAGE_DRIVERS : FRAMEWORKS;
      if (banned.includes(name)) found.push(`${specifier}: ${layer} must not import ${name}`);
      else if (layer !== "memory") found.push(`${specifier}: ${layer} imports no package or node: module`);
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    const allowed: Record<Layer, boolean> = {
      domain: inside(target, "domain"),
      application: inside(target, "domain") || inside(target, "application"),
      memory: !DRIVER_ADAPTERS.some((adapters) => inside(target, adapters)),
    };
    if (!allowed[layer]) found.push(`${specifier}: leaves what ${layer} may import`);
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  const dir = path.join(SRC, folder);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(dir, name));
}

function check(layer: Layer, folder: string): { files: number; problems: string[] } {
  const files = sourceFiles(folder);
  const problems = files.flatMap((file) =>
    violations(layer, file, importsOf(readFileSync(file, "utf8"))).map(
      (problem) => `${path.relative(ROOT, file)}: ${problem}`,
    ),
  );
  return { files: files.length, problems };
}

describe("layering of the source tree", () => {
  it("domain files import only domain files", () => {
    const { files, problems } = check("domain", "domain");
    expect(files).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it("application files import only domain and application files", () => {
    const { files, problems } = check("application", "application");
    expect(files).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  });

  it("the memory adapters import neither express, ioredis nor mongodb", () => {
    const { files, problems } = check("memory", "adapters/memory");
    expect(files).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });
});

describe("the layering checker", () => {
  const domainFile = path.join(SRC, "domain/link/link.ts");
  const applicationFile = path.join(SRC, "application/use-cases/link/create-link.ts");
  const memoryFile = path.join(SRC, "adapters/memory/in-memory-link-repository.ts");

  it("finds every kind of import in a source text, type-only ones included", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "../b.js";',
      'import "side-effect";',
      'export { c } from "./c.js";',
      'export * from "node:path";',
      "const lazy = await import('zod');",
      "// import nothing from 'commented-out'",
    ].join("\n");
    expect(importsOf(source)).toEqual(["./a.js", "../b.js", "side-effect", "./c.js", "node:path", "zod"]);
  });

  it("lets a domain file import a sibling or another domain folder", () => {
    expect(violations("domain", domainFile, ["./slug.js", "../errors/domain-error.js"])).toEqual([]);
  });

  it.each([
    ["a relative path that leaves the domain", "../../application/ports/technical.js"],
    ["a node: module", "node:crypto"],
    ["a bare package", "nanoid"],
    ["a framework", "zod"],
    ["a scoped package", "@scope/thing"],
  ])("refuses a domain import of %s", (_, specifier) => {
    expect(violations("domain", domainFile, [specifier])).toHaveLength(1);
  });

  it("lets an application file import application and domain files", () => {
    const imports = ["../../ports/link-repository.js", "../../../domain/link/slug.js", "./update-link.js"];
    expect(violations("application", applicationFile, imports)).toEqual([]);
  });

  it.each<[string, string]>([
    ["an adapter", "../../../adapters/memory/in-memory-link-repository.js"],
    ["bootstrap", "../../../bootstrap/tokens.js"],
    ["something outside src", "../../../../test/support/core.js"],
    ...FRAMEWORKS.map((name): [string, string] => [name, name]),
    ["a framework's subpath", "zod/v4"],
  ])("refuses an application import of %s", (_, specifier) => {
    expect(violations("application", applicationFile, [specifier])).toHaveLength(1);
  });

  it("lets the memory adapters import the core and small libraries, but no storage driver or web framework", () => {
    const fine = [
      "lru-cache",
      "node:crypto",
      "../../application/ports/link-repository.js",
      "./lru-link-cache.js",
    ];
    expect(violations("memory", memoryFile, fine)).toEqual([]);
    for (const specifier of [
      "ioredis",
      "mongodb",
      "express",
      "mongodb/lib/bson",
      "../redis/redis-stores.js",
    ]) {
      expect(violations("memory", memoryFile, [specifier])).toHaveLength(1);
    }
  });
});
