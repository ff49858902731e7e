import { isBuiltin } from "node:module";
import path from "node:path";
import { type ImportEdge, importCycles } from "./import-cycles.js";
import {
  ADAPTERS,
  FRAMEWORK_HOMES,
  MAY_IMPORT,
  MAY_USE_NODE,
  PACKAGES,
  SHARED_HELPERS,
  type Zone,
} from "./layer-rules.js";

/** Source files by repository-relative POSIX path ("src/domain/link/link.ts"), each with what it imports. */
export type SourceImports = ReadonlyMap<string, readonly string[]>;

/** Everything the files break of the layer rules, one message per offending import or cycle. */
export function layeringViolations(sources: SourceImports): string[] {
  const files = new Set(sources.keys());
  const perFile = [...sources].flatMap(([file, specifiers]) => importViolations(file, specifiers, files));
  return [...perFile, ...importCycles(importGraph(sources))];
}

/** What one file's imports break of its zone's rules, each message naming the file and the import. */
export function importViolations(
  file: string,
  specifiers: readonly string[],
  files: ReadonlySet<string>,
): string[] {
  const zone = zoneOf(file);
  if (zone === undefined)
    return [`${file} lies in no layer the rules know: add it to test/architecture/layer-rules.ts`];
  return specifiers.flatMap((specifier) => {
    const problem = isRelative(specifier)
      ? relativeProblem(zone, resolveImport(file, specifier, files))
      : packageProblem(zone, specifier);
    return problem === undefined ? [] : [`${file} imports "${specifier}": ${problem}`];
  });
}

/** The zone a repository-relative path lies in; undefined outside src or in a folder the rules do not know. */
export function zoneOf(file: string): Zone | undefined {
  if (file === "src/index.ts") return "index";
  const [top, layer, folder, ...rest] = file.split("/");
  if (top !== "src" || folder === undefined) return undefined;
  if (layer === "domain" || layer === "application" || layer === "bootstrap" || layer === "testing")
    return layer;
  const adapter = ADAPTERS.find((name) => name === folder);
  return layer === "adapters" && adapter !== undefined && rest.length > 0 ? `adapters/${adapter}` : undefined;
}

/** The file a relative specifier reaches: the .ts behind a .js, a folder's index, or the path as written. */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string {
  const written = path.posix.join(path.posix.dirname(from), specifier);
  const source = written.replace(/\.([mc]?)js(x?)$/, ".$1ts$2");
  const candidates = [source, written, `${written}.ts`, `${written}/index.ts`];
  return candidates.find((candidate) => files.has(candidate)) ?? source;
}

/** The package a bare specifier names: its first segment, or first two when scoped. */
export function packageOf(specifier: string): string {
  const segments = specifier.split("/");
  return (specifier.startsWith("@") ? segments.slice(0, 2) : segments.slice(0, 1)).join("/");
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

function relativeProblem(zone: Zone, target: string): string | undefined {
  const targetZone = zoneOf(target);
  if (targetZone === undefined) {
    return target.startsWith("src/") ? `${target} lies in no layer the rules know` : "it leaves src";
  }
  if (MAY_IMPORT[zone].includes(targetZone)) return undefined;
  const helpers = SHARED_HELPERS.filter((helper) => helper.from === zone).map((helper) => helper.file);
  if (helpers.includes(target)) return undefined;
  return `${zone} may import only ${[...MAY_IMPORT[zone], ...helpers].join(", ")}, not ${targetZone}`;
}

function packageProblem(zone: Zone, specifier: string): string | undefined {
  const name = packageOf(specifier);
  const homes = FRAMEWORK_HOMES[name];
  if (homes !== undefined && !homes.includes(zone)) return `${name} belongs only in ${homes.join(", ")}`;
  if (!MAY_USE_NODE.includes(zone)) return `${zone} imports no package and no node: module`;
  if (specifier.startsWith("node:")) return undefined;
  if (isBuiltin(specifier)) return `a Node built-in: import it as node:${specifier}`;
  const allowed = PACKAGES[zone];
  if (allowed.includes(name)) return undefined;
  return `${name} is not on the package list of ${zone} (${allowed.join(", ") || "none"})`;
}

/** Relative imports between known files, one edge per target, type-only imports included. */
export function importGraph(sources: SourceImports): Map<string, ImportEdge[]> {
  const files = new Set(sources.keys());
  const graph = new Map<string, ImportEdge[]>();
  for (const [file, specifiers] of sources) {
    const edges: ImportEdge[] = [];
    for (const specifier of specifiers.filter(isRelative)) {
      const target = resolveImport(file, specifier, files);
      if (files.has(target) && !edges.some((edge) => edge.target === target))
        edges.push({ target, specifier });
    }
    graph.set(file, edges);
  }
  return graph;
}
