import {
  MongoBulkWriteError,
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from "mongodb";

/** The server's duplicate-key error code (E11000). */
export const DUPLICATE_KEY = 11000;

/**
 * Server error codes of a deployment that is failing over or shutting down (the driver's own list of
 * retryable and "not primary / node is recovering" codes): the write may work on the next primary.
 */
export const FAILOVER_CODES: ReadonlyMap<number, string> = new Map([
  [6, "HostUnreachable"],
  [7, "HostNotFound"],
  [64, "WriteConcernFailed"],
  [89, "NetworkTimeout"],
  [91, "ShutdownInProgress"],
  [189, "PrimarySteppedDown"],
  [262, "ExceededTimeLimit"],
  [9001, "SocketException"],
  [10107, "NotWritablePrimary"],
  [11600, "InterruptedAtShutdown"],
  [11602, "InterruptedDueToReplStateChange"],
  [13435, "NotPrimaryNoSecondaryOk"],
  [13436, "NotPrimaryOrSecondary"],
]);

/** The unique index a duplicate-key error is about, as MongoDB names it (`_id_` for `_id`). */
export interface UniqueIndex {
  readonly name: string;
  readonly key: Readonly<Record<string, 1 | -1>>;
}

/** The `_id` index every collection has. */
export const ID_INDEX: UniqueIndex = { name: "_id_", key: { _id: 1 } };

/** True for the server's duplicate-key error (E11000), alone or inside a bulk write, on any index. */
export function isDuplicateKey(error: unknown): error is MongoServerError {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * True for a duplicate key on `index`: by the error's `keyPattern` when the server gives one (4.4+), else by
 * the index name in its message (`… index: domain_slug dup key: …`).
 */
export function isDuplicateKeyOn(error: unknown, index: UniqueIndex): boolean {
  if (!isDuplicateKey(error)) return false;
  const pattern: unknown = error.keyPattern;
  if (pattern !== null && typeof pattern === "object") {
    return sameKeys(Object.keys(pattern), Object.keys(index.key));
  }
  return /\bindex: (\S+)/.exec(error.message)?.[1] === index.name;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, position) => key === b[position]);
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

/**
 * True for a replica set that is failing over or a node shutting down: a write the driver may retry (its
 * `RetryableWriteError` label), a code of {@link FAILOVER_CODES}, or a write concern that was not satisfied
 * (the write may be rolled back), alone or inside a bulk write.
 */
export function isFailover(error: unknown): boolean {
  if (error instanceof MongoWriteConcernError) return true;
  if (error instanceof MongoBulkWriteError) {
    if (error.result?.getWriteConcernError() !== undefined) return true;
    if (error.errorResponse instanceof Error && isFailover(error.errorResponse)) return true;
  }
  if (!(error instanceof MongoError)) return false;
  if (error.hasErrorLabel(MongoErrorLabel.RetryableWriteError)) return true;
  return typeof error.code === "number" && FAILOVER_CODES.has(error.code);
}
