import { z } from "zod";
import { API_KEY_SCOPES } from "../../../domain/api-key/key-access.js";
import { PACKAGE_VERSION } from "../ops/package-version.js";
import { pathParamsSchema } from "../routing/declare-route.js";
import { webhookMessagesDocument } from "./webhook-messages.js";

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
  /** The media types `body` is sent as, when not `application/json` (a streamed export). */
  readonly mediaTypes?: readonly string[];
  readonly headers?: Readonly<Record<string, ApiHeader>>;
}

/** One operation of the public HTTP surface, described from the same zod schemas that validate it. */
export interface ApiOperation {
  readonly method: "get" | "post" | "patch" | "delete" | "head";
  /** OpenAPI path, e.g. `/v1/links/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly security?: "bearer" | "clientKey";
  /** The API key scope the operation needs (spec §13): in its security requirement and `x-required-scope`. */
  readonly scope?: string;
  /** The path parameters' schema; without it each `{name}` of the path is a plain string. */
  readonly params?: z.ZodType;
  readonly body?: z.ZodType;
  /** An `application/x-www-form-urlencoded` body (a page's form). */
  readonly form?: z.ZodType;
  readonly query?: z.ZodType;
  /** Request headers read beyond authentication (e.g. `Idempotency-Key`). */
  readonly headers?: z.ZodType;
  /** Status → a description alone (pages, redirects), or a description with JSON body and headers (the APIs). */
  readonly responses: Readonly<Record<string, string | ApiResponse>>;
}

function schemaOf(type: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(type, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

/** Parameters from an object schema's properties, each with its property's description. */
function parameters(type: z.ZodType | undefined, where: "query" | "path" | "header"): unknown[] {
  if (type === undefined) return [];
  const schema = schemaOf(type) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description } = property as { description?: unknown };
    return {
      name,
      in: where,
      required: where === "path" || (schema.required?.includes(name) ?? false),
      ...(typeof description === "string" ? { description } : {}),
      schema: property,
    };
  });
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
    ...(response.body === undefined ? {} : { content: contentOf(response.body, response.mediaTypes) }),
  };
}

function contentOf(body: z.ZodType, mediaTypes: readonly string[] = ["application/json"]) {
  const schema = z.toJSONSchema(body);
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema }]));
}

/** A stable operationId from the method and path: `GET /v1/links/{id}` → `getV1LinksById`, `GET /` → `getRoot`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((segment) => segment !== "")
    .flatMap((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      return param === undefined
        ? segment.split(/[^A-Za-z0-9]+/).filter((word) => word !== "")
        : ["by", param];
    });
  return [method.toLowerCase(), ...(words.length === 0 ? ["root"] : words)]
    .map((word, at) => (at === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join("");
}

const SCOPES_NOTE =
  "An API key. Each operation names the scope it needs (its security requirement and `x-required-scope`); " +
  `a key without it gets 403 forbidden (LI04 on the client API). Scopes: ${API_KEY_SCOPES.join(", ")}.`;

/** An OpenAPI 3.1 document for the given routes. */
export function openApiDocument(routes: readonly ApiOperation[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const headers: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: operationIdOf(route.method, route.path),
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parameters(route.params ?? pathParamsSchema(route.path), "path"),
        ...parameters(route.query, "query"),
        ...parameters(route.headers, "header"),
      ],
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          responseObject(response, headers),
        ]),
      ),
    };
    // Public routes say so: no key at all, rather than whatever a document-wide default would be.
    operation.security =
      route.security === undefined
        ? []
        : [{ [route.security]: route.scope === undefined ? [] : [route.scope] }];
    if (route.scope !== undefined) operation["x-required-scope"] = route.scope;
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: schemaOf(route.body) } },
      };
    }
    if (route.form !== undefined) {
      operation.requestBody = {
        required: true,
        content: { "application/x-www-form-urlencoded": { schema: schemaOf(route.form) } },
      };
    }
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "hexlink",
      version: PACKAGE_VERSION,
      description: "URL shortener: the v1 REST API and the lnnk.in-compatible client API.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: SCOPES_NOTE },
        clientKey: { type: "apiKey", in: "header", name: "Authorization", description: SCOPES_NOTE },
      },
      headers,
    },
    paths,
    webhooks: webhookMessagesDocument(),
  };
}
