import type { LinkView } from "../views/link-view.js";

/** A human click of a flush that reached the click store, for `clicks.recorded` (classified fields only). */
export interface RecordedClick {
  readonly accountId: string;
  readonly linkId: string;
  readonly at: Date;
  readonly device: string;
  readonly os: string;
  readonly browser: string;
  readonly country: string;
  readonly referrer: string;
  /** Which of the link's targets the visitor was sent to: `default`, `rule:<n>` or `variant:<n>`. */
  readonly target: string;
}

/** A change that was stored, told to whoever listens (webhooks). */
export type HexlinkChange =
  | {
      readonly type: "link.created" | "link.updated";
      readonly accountId: string;
      readonly at: Date;
      readonly link: LinkView;
    }
  | { readonly type: "link.deleted"; readonly accountId: string; readonly at: Date; readonly linkId: string }
  | { readonly type: "clicks.recorded"; readonly at: Date; readonly clicks: readonly RecordedClick[] };

/**
 * Where use cases announce their changes, once stored. Never throws: a change already stored is not reported
 * as failed because its announcement could not be queued (that failure is logged).
 */
export interface EventPublisher {
  publish(change: HexlinkChange): Promise<void>;
}

/**
 * Whether an account's clicks are wanted by whoever hears `clicks.recorded`: asked for every click, so it answers
 * from memory. An account's human clicks are kept for the announcement only while this says true.
 */
export interface ClickInterest {
  /** False only when the account is known to have no active endpoint for `clicks.recorded` at `at`. */
  wanted(accountId: string, at: Date): boolean;
}
