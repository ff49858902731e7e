import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from "mongodb";
import { DomainError } from "../../domain/errors/domain-error.js";

const DUPLICATE_KEY = 11000;

/**
 * Runs one driver call: a duplicate-key error becomes what `onDuplicateKey` returns (or throws), and an
 * unreachable server (selection failure, network error, timeout) becomes DomainError `unavailable`.
 */
export async function mongoCall<T>(operation: () => Promise<T>, onDuplicateKey?: () => T): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (onDuplicateKey !== undefined && isDuplicateKey(error)) return onDuplicateKey();
    if (isUnreachable(error)) {
      throw new DomainError("unavailable", "The MongoDB store is unreachable; try again shortly.");
    }
    throw error;
  }
}

/** True for the server's duplicate-key error (E11000), alone or inside a bulk write. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** True for the errors that say the server could not be reached in time, not that a command failed. */
export function isUnreachable(error: unknown): boolean {
  // A bulk write wraps the driver's own errors; the cause is the error it was given.
  if (error instanceof MongoBulkWriteError) return isUnreachable(error.errorResponse);
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoTopologyClosedError ||
    (error instanceof Error && error.name === "TimeoutError")
  );
}
