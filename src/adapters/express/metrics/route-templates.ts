/** A route as the OpenAPI tables declare it: an OpenAPI path template such as `/v1/links/{id}`. */
interface Templated {
  readonly path: string;
}

/** What a path is labelled when no route declares it. */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * The route template of a request path, for metric labels: literal templates win over ones with parameters
 * (`/healthz` before `/{slug}`); a path no route declares is {@link UNMATCHED_ROUTE}.
 */
export function routeTemplates(routes: readonly Templated[]): (path: string) => string {
  const params = (path: string) => (path.match(/\{/g) ?? []).length;
  const templates = [...new Set(routes.map((route) => route.path))]
    .sort((a, b) => params(a) - params(b))
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{\w+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
          .join("[^/]+")}$`,
      ),
    }));
  return (path) => templates.find(({ pattern }) => pattern.test(path))?.template ?? UNMATCHED_ROUTE;
}
