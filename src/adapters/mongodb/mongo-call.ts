import { DomainError } from "../../domain/errors/domain-error.js";
import { isDuplicateKeyOn, isFailover, isUnreachable, type UniqueIndex } from "./mongo-errors.js";

/** What a duplicate key on one unique index means to the caller: a business answer or error. */
export interface OnDuplicateKey<T> {
  readonly index: UniqueIndex;
  readonly answer: () => T;
}

/**
 * Runs one driver call. A duplicate key on `onDuplicateKey.index` becomes what its `answer` returns (or
 * throws); one on any other index stays a plain failure. An unreachable server (selection failure, network
 * error, timeout) and a replica set failing over (not primary, stepping down, shutting down, write concern
 * not satisfied) become DomainError `unavailable`: the request may work a moment later.
 */
export async function mongoCall<T>(
  operation: () => Promise<T>,
  onDuplicateKey?: OnDuplicateKey<T>,
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (onDuplicateKey !== undefined && isDuplicateKeyOn(error, onDuplicateKey.index)) {
      return onDuplicateKey.answer();
    }
    if (isUnreachable(error) || isFailover(error)) {
      throw new DomainError("unavailable", "The MongoDB store is unavailable; try again shortly.");
    }
    throw error;
  }
}
