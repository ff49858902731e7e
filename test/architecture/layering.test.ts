import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles } from "./import-cycles.js";
import { importsOf } from "./imports-of.js";
import { FRAMEWORK_HOMES, PACKAGES, SHARED_HELPERS, ZONES, type Zone } from "./layer-rules.js";
import { importGraph, importViolations, packageOf, resolveImport, zoneOf } from "./layering-violations.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every .ts file of src by repository-relative POSIX path, with what it imports. */
function readSources(): Map<string, string[]> {
  const names = readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" });
  return new Map(
    names
      .filter((name) => name.endsWith(".ts"))
      .sort()
      .map((name) => {
        const file = path.posix.join("src", name.split(path.sep).join("/"));
        return [file, importsOf(readFileSync(path.join(ROOT, file), "utf8"))];
      }),
  );
}

const sources = readSources();
const files = new Set(sources.keys());
const filesIn = (zone: Zone) => [...files].filter((file) => zoneOf(file) === zone);
const importsIn = (zone: Zone) => filesIn(zone).flatMap((file) => sources.get(file) ?? []);

const RULES: Readonly<Record<Zone, string>> = {
  domain: "imports nothing outside src/domain: no package, no node: module",
  application: "imports only domain and application: no package, no node: module",
  index: "(the main export) imports only domain and application",
  "adapters/memory": "imports the core, its own folder and its listed packages",
  "adapters/redis": "imports the core, its own folder, the memory LRU and its listed packages",
  "adapters/mongodb": "imports the core, its own folder and its listed packages",
  "adapters/express": "imports the core, its own folder, the CSV export format and its listed packages",
  "adapters/node": "imports the core, its own folder and its listed packages",
  "adapters/classify": "imports the core, its own folder and its listed packages",
  "adapters/csv": "imports the core, its own folder and csv-parse/csv-stringify",
  bootstrap: "sees every adapter and imports only its listed packages",
  testing: "imports the core, the memory adapters, createHexlink, vitest and fast-check",
};

describe("layering of src", () => {
  it("reads every file and its imports", () => {
    expect(files.size).toBeGreaterThanOrEqual(150);
    expect([...sources.values()].flat().length).toBeGreaterThanOrEqual(500);
  });

  it("puts every file of src in a layer the rules know", () => {
    expect([...files].filter((file) => zoneOf(file) === undefined)).toEqual([]);
  });

  it.each(ZONES.map((zone) => [zone, RULES[zone]]))("%s %s", (zone) => {
    const inZone = filesIn(zone);
    expect(inZone.length).toBeGreaterThan(0);
    expect(inZone.flatMap((file) => importViolations(file, sources.get(file) ?? [], files))).toEqual([]);
  });

  it("has no import cycle between files, type-only imports included", () => {
    const graph = importGraph(sources);
    expect([...graph.values()].flat().length).toBeGreaterThanOrEqual(300);
    expect(importCycles(graph)).toEqual([]);
  });
});

describe("the layer rules match the code", () => {
  it("lists for each zone only packages it imports today, so the lists stay short and true", () => {
    const unused = ZONES.flatMap((zone) => {
      const used = new Set(
        importsIn(zone)
          .filter((specifier) => !specifier.startsWith("."))
          .map(packageOf),
      );
      return PACKAGES[zone].filter((name) => !used.has(name)).map((name) => `${zone}: ${name}`);
    });
    expect(unused).toEqual([]);
  });

  it("uses every shared helper it allows", () => {
    const unused = SHARED_HELPERS.filter(
      (helper) =>
        !filesIn(helper.from).some((file) =>
          (sources.get(file) ?? []).some(
            (specifier) => resolveImport(file, specifier, files) === helper.file,
          ),
        ),
    );
    expect(unused).toEqual([]);
  });

  it("lists only packages that package.json declares for users (dependencies or peerDependencies)", () => {
    const manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> } =
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    const listed = [...new Set([...Object.values(PACKAGES).flat(), ...Object.keys(FRAMEWORK_HOMES)])];
    expect(listed.filter((name) => !declared.has(name))).toEqual([]);
  });
});
