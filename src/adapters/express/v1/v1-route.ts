import type { z } from "zod";
import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import {
  declareRoute,
  type ParsedRequest,
  type RawRequest,
  type RouteSpec,
  type SuccessAnswer,
} from "../routing/declare-route.js";
import type { RouteDeclaration } from "../routing/route-declaration.js";
import type { V1UseCases } from "./v1-use-cases.js";

/** A validated v1 request and who sent it: the account, its key's access (pass it on to the use case). */
export type V1Request<Path extends string, Q, B> = ParsedRequest<Path, Q, B> & RequestPrincipal;

/** One route of the v1 table. */
export interface V1Route extends RouteDeclaration<ErrorCode> {
  /** Validates the request and runs its use case, resolving to the success body but its `success: true`. @throws DomainError */
  run(useCases: V1UseCases, request: RawRequest, principal: RequestPrincipal): Promise<object>;
}

/**
 * A v1 route from its declaration and a handler whose answer the success schema types; the router adds
 * `success: true` in front of it.
 */
export function v1Route<
  Path extends string,
  S extends z.ZodType,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<Path, Q, B, S, ErrorCode> & {
    handle(useCases: V1UseCases, request: V1Request<Path, Q, B>): Promise<NoInfer<SuccessAnswer<S>>>;
  },
): V1Route {
  const { declaration, parse } = declareRoute(spec);
  return {
    ...declaration,
    run: (useCases, raw, principal) => spec.handle(useCases, { ...parse(raw), ...principal }),
  };
}
