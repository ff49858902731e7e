import { describe, expect, it } from "vitest";
import { type ImportEdge, importCycles } from "./import-cycles.js";

const graphOf = (edges: Record<string, Record<string, string>>): Map<string, ImportEdge[]> =>
  new Map(
    Object.entries(edges).map(([file, targets]) => [
      file,
      Object.entries(targets).map(([target, specifier]) => ({ target, specifier })),
    ]),
  );

describe("importCycles", () => {
  it("finds nothing in a graph without cycles, however the files share imports", () => {
    const graph = graphOf({
      "src/a.ts": { "src/b.ts": "./b.js", "src/c.ts": "./c.js" },
      "src/b.ts": { "src/c.ts": "./c.js" },
      "src/c.ts": {},
    });
    expect(importCycles(graph)).toEqual([]);
  });

  it("names each file and import of a two-file cycle", () => {
    const graph = graphOf({
      "src/a.ts": { "src/b.ts": "./b.js" },
      "src/b.ts": { "src/a.ts": "./a.js" },
    });
    expect(importCycles(graph)).toEqual([
      'import cycle: src/a.ts imports "./b.js", src/b.ts imports "./a.js"',
    ]);
  });

  it("finds a file that imports itself", () => {
    const graph = graphOf({ "src/self.ts": { "src/self.ts": "./self.js" } });
    expect(importCycles(graph)).toEqual(['import cycle: src/self.ts imports "./self.js"']);
  });

  it("shows a shortest cycle of a larger tangle and lists every file in it", () => {
    const graph = graphOf({
      "src/a.ts": { "src/b.ts": "./b.js" },
      "src/b.ts": { "src/c.ts": "./c.js", "src/d.ts": "./d.js" },
      "src/c.ts": { "src/a.ts": "./a.js" },
      "src/d.ts": { "src/b.ts": "./b.js", "src/e.ts": "./e.js" },
      "src/e.ts": {},
    });
    expect(importCycles(graph)).toEqual([
      'import cycle: src/a.ts imports "./b.js", src/b.ts imports "./c.js", src/c.ts imports "./a.js"' +
        " (one of 4 files tangled together: src/a.ts, src/b.ts, src/c.ts, src/d.ts)",
    ]);
  });

  it("reports separate tangles separately, in file order", () => {
    const graph = graphOf({
      "src/z1.ts": { "src/z2.ts": "./z2.js" },
      "src/z2.ts": { "src/z1.ts": "./z1.js" },
      "src/m1.ts": { "src/m2.ts": "./m2.js" },
      "src/m2.ts": { "src/m1.ts": "./m1.js", "src/z1.ts": "./z1.js" },
    });
    expect(importCycles(graph)).toEqual([
      'import cycle: src/m1.ts imports "./m2.js", src/m2.ts imports "./m1.js"',
      'import cycle: src/z1.ts imports "./z2.js", src/z2.ts imports "./z1.js"',
    ]);
  });
});
