/** One resolved relative import: the file it reaches and the specifier as written. */
export interface ImportEdge {
  readonly target: string;
  readonly specifier: string;
}

/**
 * One message per strongly connected component of the file graph (a file importing itself counts),
 * naming a shortest cycle through it import by import, and every file tangled in it when there are more.
 */
export function importCycles(graph: ReadonlyMap<string, readonly ImportEdge[]>): string[] {
  return stronglyConnected(graph)
    .filter((component) => component.length > 1 || importsItself(graph, component[0]))
    .map((component) => describe(graph, component));
}

function importsItself(graph: ReadonlyMap<string, readonly ImportEdge[]>, file: string | undefined): boolean {
  return file !== undefined && (graph.get(file) ?? []).some((edge) => edge.target === file);
}

function describe(graph: ReadonlyMap<string, readonly ImportEdge[]>, component: readonly string[]): string {
  const cycle = shortestCycle(graph, component);
  const steps = cycle.map(([file, edge]) => `${file} imports "${edge.specifier}"`).join(", ");
  const tangled = component.length > cycle.length;
  return `import cycle: ${steps}${tangled ? ` (one of ${component.length} files tangled together: ${component.join(", ")})` : ""}`;
}

/** Tarjan's algorithm; components and their files come out sorted, so messages are stable. */
function stronglyConnected(graph: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    const order = index.size;
    index.set(file, order);
    low.set(file, order);
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? order, low.get(target) ?? order));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? order, index.get(target) ?? order));
      }
    }
    if (low.get(file) !== order) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

/** A breadth-first walk inside the component from its first file back to itself. */
function shortestCycle(
  graph: ReadonlyMap<string, readonly ImportEdge[]>,
  component: readonly string[],
): [string, ImportEdge][] {
  const members = new Set(component);
  const start = component[0] ?? "";
  const cameFrom = new Map<string, [string, ImportEdge]>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head] ?? "";
    for (const edge of graph.get(file) ?? []) {
      if (!members.has(edge.target) || cameFrom.has(edge.target)) continue;
      cameFrom.set(edge.target, [file, edge]);
      if (edge.target === start) return unwind(cameFrom, start);
      queue.push(edge.target);
    }
  }
  return [];
}

function unwind(cameFrom: ReadonlyMap<string, [string, ImportEdge]>, start: string): [string, ImportEdge][] {
  const steps: [string, ImportEdge][] = [];
  let step = cameFrom.get(start);
  while (step !== undefined) {
    steps.unshift(step);
    step = step[0] === start ? undefined : cameFrom.get(step[0]);
  }
  return steps;
}
