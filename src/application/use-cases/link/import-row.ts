/** One link read from an import file, in hexlink's terms, with the line it came from (1-based). */
export interface ImportRow {
  readonly line: number;
  readonly url: string;
  /** The short code it had; absent for a row without one (a code is then derived from its URL). */
  readonly slug?: string;
  /** The account's custom domain to create it on; the default domain when absent. */
  readonly domain?: string;
  readonly title?: string;
  readonly tags?: readonly string[];
  readonly expiresAt?: Date;
  readonly password?: string;
}

/** A line of an import file that could not be read as a link: refused with its code, the import goes on. */
export interface UnreadableRow {
  readonly line: number;
  readonly code: string;
  readonly error: string;
}

/** What an import did with one row. */
export type ImportOutcome =
  | { readonly line: number; readonly status: "created"; readonly id: string; readonly slug: string }
  /** Already there: the same slug on the same domain, to the same destination (a second run, say). */
  | { readonly line: number; readonly status: "skipped"; readonly id: string; readonly slug: string }
  | { readonly line: number; readonly status: "refused"; readonly code: string; readonly error: string };
