import { DomainError } from "../../domain/errors/domain-error.js";
import type { IdempotencyKey, IdempotencyStore, RecordedAnswer } from "../ports/idempotency-store.js";
import type { Clock } from "../ports/technical.js";

/** How long a key keeps its first answer (spec §9). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a key stays reserved by a request that never answers (its instance died): a bulk may take minutes. */
export const IDEMPOTENCY_RESERVATION_MS = 5 * 60 * 1000;
/** The longest key accepted (spec §9). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** An answer, and whether it is the replay of an earlier request's. */
export interface IdempotentAnswer extends RecordedAnswer {
  readonly replayed: boolean;
}

/**
 * Runs a request once per `Idempotency-Key` of an account: a retry with the same fingerprint gets the first
 * answer again, another fingerprint `idempotency_conflict`; so does a retry while the first is still running
 * (as Stripe does), with a `retryAfterSeconds` hint. Answers of 500 and above are not kept: nothing was
 * written (`unavailable`), so a retry runs again.
 */
export class IdempotentRequests {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  /** @throws DomainError invalid_request (a key of 0 or over 255 characters), idempotency_conflict, unavailable */
  async run(key: IdempotencyKey, produce: () => Promise<RecordedAnswer>): Promise<IdempotentAnswer> {
    checkKey(key.key);
    const reservation = await this.store.reserve(key, this.clock.now(), IDEMPOTENCY_RESERVATION_MS);
    if (reservation.kind === "replay") return { ...reservation.answer, replayed: true };
    if (reservation.kind === "conflict") {
      throw new DomainError(
        "idempotency_conflict",
        "This Idempotency-Key was used with another request body.",
      );
    }
    if (reservation.kind === "in_progress") {
      throw new DomainError(
        "idempotency_conflict",
        "A request with this Idempotency-Key is still in progress; retry shortly.",
        { retryAfterSeconds: 1 },
      );
    }
    let answer: RecordedAnswer;
    try {
      answer = await produce();
    } catch (error) {
      await this.store.release(key).catch(() => undefined);
      throw error;
    }
    if (answer.status >= 500) await this.store.release(key).catch(() => undefined);
    else {
      // Tried twice: a record lost for good costs a retry its replay (it runs again once the reservation
      // expires), not this request its answer, which stands.
      const complete = () => this.store.complete(key, answer, this.clock.now(), IDEMPOTENCY_TTL_MS);
      await complete().catch(() => complete().catch(() => undefined));
    }
    return { ...answer, replayed: false };
  }
}

function checkKey(key: string): void {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new DomainError(
      "invalid_request",
      `The Idempotency-Key header must hold 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`,
    );
  }
}
