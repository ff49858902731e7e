import type { z } from "zod";
import { validate } from "../http/validate.js";
import type { ClientOperation } from "./client-error-codes.js";

/** A validated request, ready to run: what it does (for error codes) and the use-case call itself. */
export interface PreparedClientAction {
  readonly operation: ClientOperation;
  /** The success `body`, or `undefined` when the seed answers `{ "success": true }` alone. */
  run(): Promise<object | undefined>;
}

/** One client API endpoint: validates a raw JSON body (`invalid_request` on bad shape) and prepares the call. */
export type ClientAction = (body: unknown, accountId: string) => PreparedClientAction;

/** A {@link ClientAction} from a body schema, the operation it performs and the use-case call. */
export function clientAction<S extends z.ZodType>(
  schema: S,
  operation: ClientOperation | ((body: z.output<S>) => ClientOperation),
  run: (body: z.output<S>, accountId: string) => Promise<object | undefined>,
): ClientAction {
  return (raw, accountId) => {
    const body = validate(schema, raw);
    return {
      operation: typeof operation === "function" ? operation(body) : operation,
      run: () => run(body, accountId),
    };
  };
}
