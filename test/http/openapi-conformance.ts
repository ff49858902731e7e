import { expect } from "vitest";
import { z } from "zod";
import { ALL_OPERATIONS } from "../../src/adapters/express/openapi/all-operations.js";
import type { ApiOperation, ApiResponse } from "../../src/adapters/express/openapi/openapi-document.js";

/** A real answer of the server: status, headers and parsed JSON body. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

interface DocumentedResponse {
  readonly headers?: Readonly<Record<string, { readonly $ref?: string }>>;
  readonly content?: { readonly "application/json"?: { readonly schema?: unknown } };
}

interface DocumentedOperation {
  readonly security?: unknown[];
  readonly requestBody?: unknown;
  readonly responses: Readonly<Record<string, DocumentedResponse>>;
}

/** The parts of /openapi.json the tests read. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly components: {
    readonly securitySchemes?: Readonly<Record<string, unknown>>;
    readonly headers?: Readonly<Record<string, { readonly schema?: unknown }>>;
  };
  readonly paths: Readonly<Record<string, Readonly<Record<string, DocumentedOperation>>>>;
}

/** Every header the APIs send about rate limits: present on an answer only where the document lists it. */
const LIMIT_HEADERS = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"];

/** What the operations the document is made of say of `method path` answering `status`, if anything. */
export function documentedResponse(method: string, path: string, status: number): ApiResponse | undefined {
  const route = ALL_OPERATIONS.find(
    (candidate) => candidate.method === method.toLowerCase() && candidate.path === path,
  );
  const response = route?.responses[String(status)];
  return typeof response === "object" ? response : undefined;
}

/** Whether `json` is the body documented for `method path` answering `status`. */
export function isDocumentedBody(method: string, path: string, status: number, json: unknown): boolean {
  return documentedResponse(method, path, status)?.body?.safeParse(json).success === true;
}

export async function fetchDocument(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

/**
 * Asserts that a real answer of `method path` is what the document says of its status: the JSON body
 * satisfies the route's zod schema (strict objects: no field more or less), the document's JSON Schema
 * is exactly `z.toJSONSchema` of that zod schema, and the documented headers, no more, come with it.
 */
export function expectAsDocumented(
  document: OpenApiDocument,
  method: ApiOperation["method"],
  path: string,
  answer: Answer,
): void {
  const where = `${method.toUpperCase()} ${path} → ${answer.status} ${JSON.stringify(answer.json)}`;
  const declared = documentedResponse(method, path, answer.status);
  if (declared?.body === undefined) {
    throw new Error(`${where}: no JSON body is documented for this status`);
  }
  expect(declared.body.safeParse(answer.json).error?.issues ?? [], where).toEqual([]);

  const documented = document.paths[path]?.[method]?.responses[String(answer.status)];
  expect(documented?.content?.["application/json"]?.schema, where).toEqual(z.toJSONSchema(declared.body));

  const headers = Object.entries(declared.headers ?? {});
  expect(Object.keys(documented?.headers ?? {}), where).toEqual(headers.map(([name]) => name));
  for (const [name, header] of headers) {
    expect(documented?.headers?.[name]?.$ref, where).toBe(`#/components/headers/${name}`);
    expect(document.components.headers?.[name]?.schema, where).toEqual(z.toJSONSchema(header.schema));
    const value = answer.headers.get(name);
    expect(value, `${where}: ${name}`).toMatch(/^\d+$/);
    expect(header.schema.safeParse(Number(value)).success, `${where}: ${name}: ${value}`).toBe(true);
  }
  for (const name of LIMIT_HEADERS) {
    if (!headers.some(([listed]) => listed === name))
      expect(answer.headers.get(name), `${where}: ${name}`).toBeNull();
  }
}
