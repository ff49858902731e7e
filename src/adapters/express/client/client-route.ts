import type { z } from "zod";
import type { ApiKeyScope } from "../../../domain/api-key/key-access.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import { declareRoute, type SuccessAnswer } from "../routing/declare-route.js";
import type { RouteDeclaration } from "../routing/route-declaration.js";
import type { ClientErrorCode } from "./client-error-codes.js";
import type { ClientOperation } from "./client-failure.js";
import type { ClientUseCases } from "./client-use-cases.js";

/** A validated request, ready to run: what it does (for error codes) and the use-case call itself. */
export interface PreparedClientCall {
  readonly operation: ClientOperation;
  /** The success body but its `success: true`: `{ body }`, or `{}` when the seed answers `{success:true}` alone. */
  run(useCases: ClientUseCases, principal: RequestPrincipal): Promise<object>;
}

/** One route of the client API's table: a POST with a JSON body. */
export interface ClientRoute extends RouteDeclaration<ClientErrorCode> {
  /** Validates a raw JSON body and prepares the call. @throws DomainError invalid_request */
  prepare(body: unknown): PreparedClientCall;
}

/** A client API route from its declaration, the operation it performs and a handler the success schema types. */
export function clientRoute<Path extends string, S extends z.ZodType, B extends z.ZodType>(spec: {
  readonly path: Path;
  readonly summary: string;
  readonly scope: ApiKeyScope;
  readonly body: B;
  readonly success: { readonly description: string; readonly body: S };
  readonly errors: readonly ClientErrorCode[];
  readonly operation: ClientOperation | ((body: z.output<B>) => ClientOperation);
  handle(
    useCases: ClientUseCases,
    body: z.output<B>,
    principal: RequestPrincipal,
  ): Promise<NoInfer<SuccessAnswer<S>>>;
}): ClientRoute {
  const { operation, handle, success, ...route } = spec;
  const { declaration, parse } = declareRoute({
    ...route,
    method: "post",
    success: { status: 200, ...success },
  });
  return {
    ...declaration,
    prepare(raw) {
      // Parsed<B> is z.output<B> for any schema B; the compiler cannot see it while B is open.
      const body = parse({ params: {}, query: undefined, body: raw }).body as z.output<B>;
      return {
        operation: typeof operation === "function" ? operation(body) : operation,
        run: (useCases, principal) => handle(useCases, body, principal),
      };
    },
  };
}
