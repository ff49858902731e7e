import { DomainError, isDomainError } from "../../domain/errors/domain-error.js";

/** The outcome of one item of a bulk call: its value, or the error that refused it alone. */
export type BulkResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DomainError };

/** Bulk calls take at most this many items (spec §9). */
export const BULK_MAX_ITEMS = 1000;

/** A refused item: a rule's error as it is; anything else (a store down) is thrown, failing the whole call. */
export function refused<T>(error: unknown): BulkResult<T> {
  if (isDomainError(error) && error.code !== "unavailable") return { ok: false, error };
  throw error;
}

/** @throws DomainError invalid_request when a bulk call holds no item or more than {@link BULK_MAX_ITEMS} */
export function checkBulkSize(count: number): void {
  if (count < 1 || count > BULK_MAX_ITEMS) {
    throw new DomainError("invalid_request", `A bulk call takes 1 to ${BULK_MAX_ITEMS} items.`);
  }
}
