import { z } from "zod";
import type { ApiKeyScope } from "../../../domain/api-key/key-access.js";
import type { HttpMethod, PathParam, RouteDeclaration, RouteSuccess } from "./route-declaration.js";
import { validate } from "./validate.js";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route's author writes, typed so that its handler sees the validated request's types. */
export interface RouteSpec<
  Path extends string,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  S extends z.ZodType,
  Code extends string,
> {
  readonly method: HttpMethod;
  readonly path: Path;
  readonly summary: string;
  /** The scope a key needs (see `RouteDeclaration.scope`). */
  readonly scope: ApiKeyScope;
  /** Descriptions of the path parameters; by default each `{name}` of the path is a plain string. */
  readonly params?: z.ZodType<Record<PathParam<Path>, string>>;
  readonly query?: Q;
  readonly body?: B;
  readonly success: Omit<RouteSuccess, "body"> & { readonly body: S };
  readonly errors?: readonly Code[];
}

/** A JSON value as code builds it: objects and arrays may be readonly. */
type Built<T> = T extends readonly (infer E)[]
  ? readonly Built<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Built<T[K]> }
    : T;

/** What a handler answers for a success schema: the body without its `success: true`, which the router adds. */
export type SuccessAnswer<S extends z.ZodType> = Built<Omit<z.input<S>, "success">>;

/** A request as Express hands it over, before validation. */
export interface RawRequest {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

/** A request that passed its route's schemas. */
export interface ParsedRequest<Path extends string, Q, B> {
  readonly params: Record<PathParam<Path>, string>;
  readonly query: Parsed<Q>;
  readonly body: Parsed<B>;
}

/** The schema of a path's `{name}` parameters, each a string. */
export function pathParamsSchema(path: string): z.ZodType {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  return z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
}

/** Express's form of an OpenAPI path template: `/links/{id}` → `/links/:id`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * A route's declaration and the parser of its requests: params, then query, then body, each against its
 * schema. @throws DomainError invalid_request, naming the first field that does not fit
 */
export function declareRoute<
  Path extends string,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  S extends z.ZodType,
  Code extends string,
>(
  spec: RouteSpec<Path, Q, B, S, Code>,
): {
  readonly declaration: RouteDeclaration<Code>;
  parse(raw: RawRequest): ParsedRequest<Path, Q, B>;
} {
  const { method, path, summary, scope, query, body, success, errors = [] } = spec;
  const params = spec.params ?? pathParamsSchema(path);
  const declaration: RouteDeclaration<Code> = {
    method,
    path,
    summary,
    scope,
    params,
    ...(query === undefined ? {} : { query }),
    ...(body === undefined ? {} : { body }),
    success,
    errors,
  };
  return {
    declaration,
    parse: (raw) => ({
      params: validate(params, raw.params) as Record<PathParam<Path>, string>,
      query: (query === undefined ? undefined : validate(query, raw.query)) as Parsed<Q>,
      body: (body === undefined ? undefined : validate(body, raw.body ?? {})) as Parsed<B>,
    }),
  };
}
