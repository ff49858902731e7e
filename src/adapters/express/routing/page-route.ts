import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { pathParamsSchema } from "./declare-route.js";
import type { PathParam } from "./route-declaration.js";

type Checked<S> = S extends z.ZodType ? z.ZodSafeParseResult<z.output<S>> : undefined;

/**
 * A page's request checked against its route's schemas. Pages answer bad input their own way (ignore a
 * bad query, show a 400 page), so each check is a result to look at, not a thrown error.
 */
export interface PageInput<Path extends string, Q, F> {
  readonly params: Record<PathParam<Path>, string>;
  readonly query: Checked<Q>;
  readonly form: Checked<F>;
}

/** One route of a table of pages, operations or assets: anything that answers other than the APIs' JSON. */
export interface PageRoute<Context> {
  readonly method: "get" | "post";
  /** An OpenAPI path template, e.g. `/t/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params: z.ZodType;
  readonly query?: z.ZodType;
  /** An `application/x-www-form-urlencoded` body, parsed by a middleware in {@link before}. */
  readonly form?: z.ZodType;
  /** Status → what the answer is. */
  readonly responses: Readonly<Record<string, string>>;
  /** Middleware that runs before the handler, e.g. the form parser. */
  readonly before: readonly RequestHandler[];
  serve(context: Context, req: Request, res: Response, next: NextFunction): void | Promise<void>;
}

/** What a page route's author writes. */
export interface PageRouteSpec<Context, Path extends string, Q extends z.ZodType | undefined, F> {
  readonly method: "get" | "post";
  readonly path: Path;
  readonly summary: string;
  readonly tag: string;
  readonly query?: Q;
  readonly form?: F;
  readonly responses: Readonly<Record<string, string>>;
  readonly before?: readonly RequestHandler[];
  handle(
    context: Context,
    input: PageInput<Path, Q, F>,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void | Promise<void>;
}

/** The builder of page routes for one context type (what the table's handlers are given). */
export function pageRoutesOf<Context>() {
  return <
    Path extends string,
    Q extends z.ZodType | undefined = undefined,
    F extends z.ZodType | undefined = undefined,
  >(
    spec: PageRouteSpec<Context, Path, Q, F>,
  ): PageRoute<Context> => {
    const { handle, before = [], query, form, ...route } = spec;
    const params = pathParamsSchema(route.path);
    return {
      ...route,
      params,
      ...(query === undefined ? {} : { query }),
      ...(form === undefined ? {} : { form }),
      before,
      serve: (context, req, res, next) =>
        handle(
          context,
          {
            params: req.params as Record<PathParam<Path>, string>,
            query: query?.safeParse(req.query) as Checked<Q>,
            form: form?.safeParse(req.body ?? {}) as Checked<F>,
          },
          req,
          res,
          next,
        ),
    };
  };
}
