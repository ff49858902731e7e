import type { Express } from "express";

/** The parts of an Express 5 router layer the walk reads. */
interface Layer {
  readonly name: string;
  readonly rawPath?: unknown;
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
  readonly handle: { readonly stack?: readonly Layer[] };
}

const joinPath = (prefix: string, path: string) => (path === "/" ? prefix || "/" : `${prefix}${path}`);
const toOpenApi = (path: string) => path.replace(/:(\w+)/g, "{$1}");

/**
 * Every `METHOD /path` the Express app routes, from its router stack and nested routers' stacks;
 * a static-file middleware serves `GET <mount>/{file}`. HEAD is folded into GET, which Express answers it with.
 */
function routesOf(stack: readonly Layer[], prefix = ""): string[] {
  const routes: string[] = [];
  for (const layer of stack) {
    const mount = typeof layer.rawPath === "string" ? joinPath(prefix, layer.rawPath) : prefix;
    if (layer.route !== undefined) {
      const path = toOpenApi(joinPath(prefix, layer.route.path));
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== "head") routes.push(`${method.toUpperCase()} ${path}`);
      }
    } else if (layer.handle.stack !== undefined) {
      routes.push(...routesOf(layer.handle.stack, mount === "/" ? "" : mount));
    } else if (layer.name === "serveStatic") {
      routes.push(`GET ${mount}/{file}`);
    }
  }
  return routes;
}

/** Every `METHOD /path` an Express app routes, read from its router (not from any table). */
export function servedRoutes(app: Express): string[] {
  return routesOf((app as unknown as { router: { stack: readonly Layer[] } }).router.stack);
}
