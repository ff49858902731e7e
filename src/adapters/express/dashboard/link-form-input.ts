import type { Request } from "express";
import type { LinkFormValues } from "./link-form-page.js";
import { TARGET_FIELD } from "./link-targets-form.js";
import type { LinkFilters } from "./links-page.js";

export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The links page's filters from its query string; anything else is ignored. */
export function filtersOf(query: Request["query"]): LinkFilters {
  const status = query.status === "active" || query.status === "disabled" ? query.status : undefined;
  const domain =
    typeof query.domain === "string" && query.domain.trim() !== ""
      ? query.domain.trim().slice(0, 253)
      : undefined;
  const q = typeof query.q === "string" && query.q.trim() !== "" ? query.q.trim().slice(0, 200) : undefined;
  const tag =
    typeof query.tag === "string" && query.tag.trim() !== "" ? query.tag.trim().slice(0, 50) : undefined;
  return {
    ...(q === undefined ? {} : { q }),
    ...(tag === undefined ? {} : { tag }),
    ...(status === undefined ? {} : { status }),
    ...(domain === undefined ? {} : { domain }),
  };
}

/** What the user typed, to show again after an error (never the password). */
export function typedValues(body: unknown): LinkFormValues {
  const form = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const fields = {
    url: "url",
    slug: "slug",
    domain: "domain",
    expiresAt: "expires_at",
    maxClicks: "max_clicks",
    status: "status",
    title: "title",
    tags: "tags",
  };
  for (const [key, name] of Object.entries(fields)) {
    const value = text(form[name]);
    if (value !== undefined) values[key] = value.slice(0, 2048);
  }
  const targets: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (TARGET_FIELD.test(name) && typeof value === "string") targets[name] = value.slice(0, 2048);
  }
  return { ...values, targets };
}
