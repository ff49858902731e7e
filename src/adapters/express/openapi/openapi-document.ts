import { z } from "zod";

/** One operation of the public HTTP surface, described from the same zod schemas that validate it. */
export interface ApiRoute {
  readonly method: "get" | "post" | "patch" | "delete" | "head";
  /** OpenAPI path, e.g. `/v1/links/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly security?: "bearer" | "clientKey";
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /** Status → description; the JSON body shape is described in `summary` or by the tag's schemas. */
  readonly responses: Readonly<Record<string, string>>;
}

const errorBody = {
  type: "object",
  required: ["success", "error", "code"],
  properties: { success: { const: false }, error: { type: "string" }, code: { type: "string" } },
} as const;

function schemaOf(type: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(type, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

function queryParameters(query: z.ZodType | undefined): unknown[] {
  if (query === undefined) return [];
  const schema = schemaOf(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(path: string): unknown[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

/** An OpenAPI 3.1 document for the given routes. */
export function openApiDocument(routes: readonly ApiRoute[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, description]) => [
          status,
          {
            description,
            ...(Number(status) >= 400 && route.tag === "v1"
              ? { content: { "application/json": { schema: errorBody } } }
              : {}),
          },
        ]),
      ),
    };
    if (route.security !== undefined) operation.security = [{ [route.security]: [] }];
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: schemaOf(route.body) } },
      };
    }
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "hexlink",
      version: "1.0.0",
      description: "URL shortener: the v1 REST API and the lnnk.in-compatible client API.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        clientKey: { type: "apiKey", in: "header", name: "Authorization" },
      },
    },
    paths,
  };
}
