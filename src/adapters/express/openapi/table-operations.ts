import type { ApiTable, RouteDeclaration } from "../routing/route-declaration.js";
import { keyedResponses } from "./keyed-responses.js";
import type { ApiOperation, ApiResponse } from "./openapi-document.js";

/** How an API behind a key appears in the document: its tag, its security scheme and its failure bodies. */
export interface KeyedApi<Code extends string> {
  readonly tag: string;
  readonly security: NonNullable<ApiOperation["security"]>;
  /** The failure responses of a route answering these codes (and those every route answers), by status. */
  failures(codes: readonly Code[]): Record<string, ApiResponse>;
}

/** The OpenAPI operations of an API behind a key, one per route of its table. */
export function tableOperations<Code extends string>(
  table: ApiTable<RouteDeclaration<Code>>,
  api: KeyedApi<Code>,
): ApiOperation[] {
  return table.routes.map(
    ({ method, path, summary, scope, params, query, headers, body, success, errors }) => ({
      method,
      path: `${table.base}${path}`,
      summary,
      tag: api.tag,
      security: api.security,
      scope,
      params,
      ...(query === undefined ? {} : { query }),
      ...(headers === undefined ? {} : { headers }),
      ...(body === undefined ? {} : { body }),
      responses: keyedResponses({
        [String(success.status)]: {
          description: success.description,
          body: success.body,
          ...(success.mediaTypes === undefined ? {} : { mediaTypes: success.mediaTypes }),
        },
        ...api.failures(errors),
      }),
    }),
  );
}
