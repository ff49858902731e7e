import {
  DEAD_LETTERS_KEPT,
  type EventOutbox,
  type LeasedEvent,
  type OutboxEvent,
} from "../../application/ports/webhook-outbox.js";

interface Entry {
  event: OutboxEvent;
  /** Due (or lease expiry) in ms. */
  due: number;
  lease: string | null;
}

/** The outbox in process memory: leases work within one process, and everything is lost on exit. */
export class InMemoryEventOutbox implements EventOutbox {
  private readonly entries = new Map<string, Entry>();
  private dead: OutboxEvent[] = [];
  private leases = 0;

  async append(events: readonly OutboxEvent[]): Promise<void> {
    for (const event of events) {
      this.entries.set(event.id, {
        event: copy(event),
        due: event.nextAttemptAt.getTime(),
        lease: null,
      });
    }
  }

  async lease(now: Date, max: number, leaseMs: number): Promise<LeasedEvent[]> {
    const due = [...this.entries.values()]
      .filter((entry) => entry.due <= now.getTime())
      .sort((a, b) => a.due - b.due || a.event.id.localeCompare(b.event.id))
      .slice(0, Math.max(0, max));
    return due.map((entry) => {
      this.leases += 1;
      entry.lease = `lease-${this.leases}`;
      entry.due = now.getTime() + leaseMs;
      return { event: copy(entry.event), lease: entry.lease };
    });
  }

  async acknowledge(leased: LeasedEvent): Promise<boolean> {
    if (this.held(leased) === undefined) return false;
    return this.entries.delete(leased.event.id);
  }

  async reschedule(leased: LeasedEvent, at: Date, attempts: number): Promise<boolean> {
    const entry = this.held(leased);
    if (entry === undefined) return false;
    entry.event = { ...entry.event, attempts, nextAttemptAt: new Date(at) };
    entry.due = at.getTime();
    entry.lease = null;
    return true;
  }

  async fail(leased: LeasedEvent, attempts: number): Promise<boolean> {
    const entry = this.held(leased);
    if (entry === undefined) return false;
    this.entries.delete(leased.event.id);
    this.dead = [{ ...entry.event, attempts }, ...this.dead].slice(0, DEAD_LETTERS_KEPT);
    return true;
  }

  async failed(limit: number): Promise<OutboxEvent[]> {
    return this.dead.slice(0, limit).map(copy);
  }

  async size(): Promise<number> {
    return this.entries.size;
  }

  private held(leased: LeasedEvent): Entry | undefined {
    const entry = this.entries.get(leased.event.id);
    return entry !== undefined && entry.lease === leased.lease ? entry : undefined;
  }
}

/**
 * A copy the caller cannot change the stored event through: its only objects are its dates (strings are
 * immutable), so a shallow copy does, without structuredClone copying a body of up to 1,000 clicks each time.
 */
function copy(event: OutboxEvent): OutboxEvent {
  return { ...event, createdAt: new Date(event.createdAt), nextAttemptAt: new Date(event.nextAttemptAt) };
}
