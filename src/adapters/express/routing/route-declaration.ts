import type { z } from "zod";
import type { ApiKeyScope } from "../../../domain/api-key/key-access.js";

/** The methods the route tables declare; Express answers HEAD with the GET route. */
export type HttpMethod = "get" | "post" | "patch" | "delete";

/** The names of the `{name}` parameters of an OpenAPI path template, e.g. `"id"` for `/links/{id}`. */
export type PathParam<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParam<Rest>
  : never;

/** The success of a route: its status, what it means, and the JSON body it sends. */
export interface RouteSuccess {
  readonly status: 200 | 201 | 202;
  readonly description: string;
  readonly body: z.ZodType;
  /** Media types of a body that is not JSON (an export's CSV or NDJSON); JSON when absent. */
  readonly mediaTypes?: readonly string[];
}

/**
 * One route of an API table as the router and the OpenAPI document read it: where it answers, the zod
 * schemas its request is validated with, its success and the error codes it may answer.
 */
export interface RouteDeclaration<Code extends string> {
  readonly method: HttpMethod;
  /** Below the API's base path, as an OpenAPI template, e.g. `/links/{id}`. */
  readonly path: string;
  readonly summary: string;
  /**
   * The scope a key needs for this route (spec §13). Required, so no route joins a table undeclared; the use
   * case it calls is what refuses a key without it (`forbidden`), and the OpenAPI document shows it.
   */
  readonly scope: ApiKeyScope;
  /** The path parameters; every one is a string. */
  readonly params: z.ZodType;
  /** Validated when given; a route without one ignores its query string. */
  readonly query?: z.ZodType;
  /** The JSON body, validated when given (an absent body is `{}`); a route without one ignores it. */
  readonly body?: z.ZodType;
  /** Request headers the route reads beyond authentication, documented as header parameters. */
  readonly headers?: z.ZodType;
  readonly success: RouteSuccess;
  /** The codes this route may fail with besides those every route of its API may. */
  readonly errors: readonly Code[];
}

/** An API: the path its routes are mounted below and its table of routes. */
export interface ApiTable<Route> {
  /** e.g. `/v1`. */
  readonly base: string;
  readonly routes: readonly Route[];
}
