import type { PageRoute } from "../routing/page-route.js";
import type { ApiOperation } from "./openapi-document.js";

/** The OpenAPI operations of a table of pages, operations or assets: statuses with descriptions, no JSON schemas. */
export function pageOperations<Context>(routes: readonly PageRoute<Context>[]): ApiOperation[] {
  return routes.map(({ method, path, summary, tag, params, query, form, responses }) => ({
    method,
    path,
    summary,
    tag,
    params,
    ...(query === undefined ? {} : { query }),
    ...(form === undefined ? {} : { form }),
    responses,
  }));
}
