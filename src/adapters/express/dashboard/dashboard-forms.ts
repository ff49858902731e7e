import { z } from "zod";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { PASSWORD_MAX_LENGTH } from "../../../domain/link/link.js";
import { IMPORT_SOURCES } from "../../csv/import-sources.js";

// An empty field means "not given": browsers send every input, filled or not.
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A `datetime-local` value (`YYYY-MM-DDTHH:MM`), read as UTC; null when it is none. */
export function utcDateTime(value: string): Date | null {
  const date = DATETIME_LOCAL.test(value) ? new Date(`${value}Z`) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A comma-separated field's entries, trimmed, blanks dropped. */
export function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** A field sent once, many times (checkboxes of one name) or not at all, as a list. */
const repeated = (max: number, count: number) =>
  z
    .union([z.string().max(max), z.array(z.string().max(max)).max(count)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** `datetime-local` input, read as UTC; empty is "no expiry". */
const expiry = optionalText(32).transform((value, ctx) => {
  if (value === undefined) return null;
  const date = utcDateTime(value);
  if (date === null) {
    ctx.addIssue({ code: "custom", message: "Expires at is not a date and time." });
    return z.NEVER;
  }
  return date;
});

const maxClicks = optionalText(16).transform((value, ctx) => {
  if (value === undefined) return null;
  if (!/^\d{1,15}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "Maximum clicks is a whole number." });
    return z.NEVER;
  }
  return Number(value);
});

export const csrfForm = z.object({ _csrf: z.string().max(256).optional() });

export const signInForm = z.object({
  key: z.string().max(512).default(""),
  _csrf: z.string().max(256).default(""),
});

export const createLinkForm = z.object({
  url: z.string().trim().min(1, "Enter the destination URL.").max(2048, "The destination URL is too long."),
  slug: optionalText(64),
  domain: optionalText(253),
  password: z
    .string()
    .max(PASSWORD_MAX_LENGTH)
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  expires_at: expiry,
  max_clicks: maxClicks,
  title: optionalText(200),
  tags: optionalText(1100),
});

export const updateLinkForm = createLinkForm.omit({ domain: true }).extend({
  url: optionalText(2048),
  remove_password: z.literal("1").optional(),
  status: z.enum(["active", "disabled"]).optional(),
});

export const bulkForm = z.object({
  action: z.enum(["disable", "enable", "delete", "tag", "untag"]),
  tag: z.string().max(60).optional(),
  ids: repeated(64, 100),
});

export const keyForm = z.object({
  name: z.string().trim().min(1, "Name the key.").max(64, "A key's name is at most 64 characters."),
  scopes: repeated(32, 20),
  domains: optionalText(2000),
  expires_at: expiry,
});

export const webhookForm = z.object({
  url: z.string().trim().min(1, "Enter the endpoint's URL.").max(2048, "The URL is too long."),
  events: repeated(32, 10),
});

export const importForm = z.object({
  source: z.enum(IMPORT_SOURCES, { error: "Choose where the file comes from." }),
  dry_run: z.literal("1").optional(),
});

export const domainForm = z.object({ hostname: z.string().trim().min(1, "Enter a hostname.").max(253) });

/** The form's fields as the schema reads them. @throws DomainError invalid_request naming the first problem */
export function readForm<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new DomainError("invalid_request", issue?.message ?? "The form could not be read.");
}
