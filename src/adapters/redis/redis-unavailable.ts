import { DomainError, isDomainError } from "../../domain/errors/domain-error.js";

/** Runs Redis work, turning any failure that is not a rule of hexlink into `unavailable`. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

/** A domain error as it is; anything else (connection lost, timeout, reply error) as `unavailable`. */
export function unavailable(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  const mapped = new DomainError("unavailable", "The Redis store is unavailable.");
  mapped.cause = error;
  return mapped;
}
