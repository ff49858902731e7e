import { z } from "zod";

/** A response header, always sent with the responses that list it; its value described by a zod schema. */
export interface ApiHeader {
  readonly description: string;
  readonly schema: z.ZodType;
}

/** One response of an operation: what it means, its JSON body and the headers it carries. */
export interface ApiResponse {
  readonly description: string;
  /** The `application/json` body; the tests check real answers against it. */
  readonly body?: z.ZodType;
  readonly headers?: Readonly<Record<string, ApiHeader>>;
}

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
  /** Status → a description alone (pages, redirects), or a description with JSON body and headers (the APIs). */
  readonly responses: Readonly<Record<string, string | ApiResponse>>;
}

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

/**
 * An OpenAPI Response Object: the body as it is sent (zod's output side); headers by reference to
 * `components.headers`, where `headers` collects each one under its name.
 */
function responseObject(
  response: string | ApiResponse,
  headers: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  if (typeof response === "string") return { description: response };
  const refs = Object.entries(response.headers ?? {}).map(([name, header]) => {
    headers[name] ??= {
      description: header.description,
      required: true,
      schema: z.toJSONSchema(header.schema),
    };
    return [name, { $ref: `#/components/headers/${name}` }] as const;
  });
  return {
    description: response.description,
    ...(refs.length === 0 ? {} : { headers: Object.fromEntries(refs) }),
    ...(response.body === undefined
      ? {}
      : { content: { "application/json": { schema: z.toJSONSchema(response.body) } } }),
  };
}

/** An OpenAPI 3.1 document for the given routes. */
export function openApiDocument(routes: readonly ApiRoute[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const headers: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          responseObject(response, headers),
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
      headers,
    },
    paths,
  };
}
