import type { z } from "zod";
import { DomainError } from "../../../domain/errors/domain-error.js";

/** Parses input with a zod schema; the first problem becomes one clear `invalid_request` sentence. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new DomainError("invalid_request", "The request is not valid.");
  if (issue.code === "unrecognized_keys") {
    throw new DomainError("invalid_request", `Unknown field '${issue.keys.join("', '")}'.`);
  }
  const field = issue.path.map(String).join(".");
  const detail = issue.message.replace(/^Invalid input: /, "").replace(/\.$/, "");
  throw new DomainError(
    "invalid_request",
    field === "" ? "The request body must be a JSON object." : `'${field}': ${detail}.`,
  );
}
