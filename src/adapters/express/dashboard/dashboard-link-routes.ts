import type { DashboardPrincipal } from "../../../application/use-cases/session/resolve-dashboard-session.js";
import { type DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import { countryName } from "../views/country-name.js";
import { html } from "../views/escape.js";
import { trackingBody } from "../views/tracking-page.js";
import { type DashboardContext, messageOf, seeOther, sendPage, signedInRoute } from "./dashboard-context.js";
import { bulkForm, commaList, createLinkForm, readForm, updateLinkForm } from "./dashboard-forms.js";
import { dashboardPage } from "./dashboard-layout.js";
import { filtersOf, text, typedValues } from "./link-form-input.js";
import { formValuesOf, type LinkFormValues, linkFormPage } from "./link-form-page.js";
import { targetsChanged, targetsFromFields } from "./link-targets-form.js";
import { linksPage } from "./links-page.js";
import { bulkNotice, noticeOf } from "./notices.js";

const PAGE_SIZE = 25;

/** What a bulk action sets on each selected link. */
function bulkChange(action: "disable" | "enable" | "tag" | "untag", tag: string) {
  if (action === "tag") return { tagsAdd: [tag] };
  if (action === "untag") return { tagsRemove: [tag] };
  return { status: action === "disable" ? ("disabled" as const) : ("active" as const) };
}

type TextField = Exclude<keyof LinkFormValues, "targets">;

/** A form shown again after a refusal: 403 when the key may not do it, else 400. */
function formStatus(error: DomainError): number {
  return error.code === "forbidden" ? 403 : 400;
}
const NOT_YOURS = "no such link in this account";

async function activeDomains(
  { hexlink }: DashboardContext,
  { accountId, access }: DashboardPrincipal,
): Promise<string[]> {
  // A key without domains:read still makes links: on the server's domain, with no custom domain offered.
  if (!access.scopes.includes("domains:read")) return [];
  const domains = await hexlink.listDomains.execute({ accountId, access });
  return domains.filter((domain) => domain.status === "active").map((domain) => domain.hostname);
}

/** The links pages: list with filters and bulk actions, create, edit, delete, analytics. */
export const LINK_ROUTES = [
  signedInRoute({
    method: "get",
    path: "/links",
    summary: "The account's links, newest first (?status, ?domain, ?cursor)",
    responses: { "200": "HTML", "400": "a filter or cursor that is not one" },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const filters = filtersOf(req.query);
      const { q, tag, ...stored } = filters;
      const cursor = text(req.query.cursor);
      let error: string | undefined;
      let list: Awaited<ReturnType<typeof hexlink.listLinks.execute>> = { links: [], nextCursor: null };
      try {
        list = await hexlink.listLinks.execute({
          accountId: principal.accountId,
          access: principal.access,
          limit: PAGE_SIZE,
          ...stored,
          ...(q === undefined ? {} : { search: q }),
          ...(tag === undefined ? {} : { tags: [tag] }),
          ...(cursor === undefined ? {} : { cursor }),
        });
      } catch (caught) {
        if (!isDomainError(caught) || caught.code === "unavailable") throw caught;
        error = caught.message;
      }
      const nextQuery =
        list.nextCursor === null
          ? null
          : new URLSearchParams({ ...filters, cursor: list.nextCursor }).toString();
      const message = noticeOf(req.query);
      const page = linksPage(frame, {
        links: list.links,
        filters,
        nextQuery,
        ...(message === undefined ? {} : { message }),
        ...(error === undefined ? {} : { error }),
      });
      sendPage(res, error === undefined ? 200 : 400, page);
    },
  }),
  signedInRoute({
    method: "get",
    path: "/links/new",
    summary: "The form that creates a link",
    responses: { "200": "HTML" },
    handle: async (context, { principal, frame }, _req, res) => {
      const domains = await activeDomains(context, principal);
      sendPage(res, 200, linkFormPage(frame, { values: {}, domains }));
    },
  }),
  signedInRoute({
    method: "post",
    path: "/links",
    summary: "Create a link from the form",
    form: createLinkForm,
    responses: { "303": "to the new link's page", "400": "the form again, with the API's message" },
    handle: async (context, { principal, frame }, req, res) => {
      try {
        const form = readForm(createLinkForm, req.body);
        const link = await context.hexlink.createLink.execute({
          accountId: principal.accountId,
          access: principal.access,
          url: form.url,
          ...(form.slug === undefined ? {} : { customSlug: form.slug }),
          ...(form.domain === undefined ? {} : { domain: form.domain }),
          ...(form.password === undefined ? {} : { password: form.password }),
          expiresAt: form.expires_at,
          maxClicks: form.max_clicks,
          ...(form.title === undefined ? {} : { title: form.title }),
          tags: commaList(form.tags),
          ...targetsFromFields(typedValues(req.body).targets ?? {}),
        });
        seeOther(res, req, `/links/${encodeURIComponent(link.id)}?done=created`);
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable") throw error;
        const domains = await activeDomains(context, principal);
        const page = linkFormPage(frame, { values: typedValues(req.body), domains, error: messageOf(error) });
        sendPage(res, formStatus(error), page);
      }
    },
  }),
  // Before `/links/{id}`, which would take "bulk" for an id.
  signedInRoute({
    method: "post",
    path: "/links/bulk",
    summary: "Disable, enable, delete, tag or untag the selected links (the bulk calls of the API)",
    form: bulkForm,
    responses: { "303": "to the links, with what was done", "400": "a form that is not one" },
    handle: async ({ hexlink }, { principal }, req, res) => {
      const form = readForm(bulkForm, req.body);
      const ids = [...new Set(form.ids)];
      if (ids.length === 0) return seeOther(res, req, "/links?done=none-selected");
      const tag = form.tag?.trim() ?? "";
      if ((form.action === "tag" || form.action === "untag") && tag === "") {
        return seeOther(res, req, "/links?done=bulk-bad-tag");
      }
      const scope = { accountId: principal.accountId, access: principal.access, ids };
      let results: readonly { readonly ok: boolean }[];
      try {
        results =
          form.action === "delete"
            ? await hexlink.bulkDeleteLinks.execute(scope)
            : await hexlink.bulkUpdateLinks.execute({ ...scope, set: bulkChange(form.action, tag) });
      } catch (error) {
        // A tag that is none refuses the whole call, as the API does.
        if (isDomainError(error) && error.code === "invalid_request") {
          return seeOther(res, req, "/links?done=bulk-bad-tag");
        }
        throw error;
      }
      const done = results.filter((result) => result.ok).length;
      seeOther(res, req, `/links?${bulkNotice(form.action, done, results.length - done)}`);
    },
  }),
  signedInRoute({
    method: "get",
    path: "/links/{id}",
    summary: "A link's details and the form that edits it",
    responses: { "200": "HTML", "404": NOT_YOURS },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const link = await hexlink.getLink.execute({
        accountId: principal.accountId,
        access: principal.access,
        id: String(req.params.id),
      });
      const message = noticeOf(req.query);
      const view = {
        link,
        values: formValuesOf(link),
        domains: [],
        ...(message === undefined ? {} : { message }),
      };
      sendPage(res, 200, linkFormPage(frame, view));
    },
  }),
  signedInRoute({
    method: "post",
    path: "/links/{id}",
    summary: "Save the edit form",
    form: updateLinkForm,
    responses: {
      "303": "to the link's page",
      "400": "the form again, with the API's message",
      "404": NOT_YOURS,
    },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const id = String(req.params.id);
      const link = await hexlink.getLink.execute({
        accountId: principal.accountId,
        access: principal.access,
        id,
      });
      const stored = formValuesOf(link);
      const typed = typedValues(req.body);
      try {
        const form = readForm(updateLinkForm, req.body);
        // Only what the user changed is sent: a field shown as stored (an expiry drawn to the minute) stays exact.
        const changed = (name: TextField) => (typed[name] ?? "").trim() !== (stored[name] ?? "");
        const typedTargets = typed.targets ?? {};
        const password =
          form.remove_password === "1"
            ? { password: null }
            : form.password === undefined
              ? {}
              : { password: form.password };
        await hexlink.updateLink.execute({
          accountId: principal.accountId,
          access: principal.access,
          id,
          ...(form.url === undefined || !changed("url") ? {} : { url: form.url }),
          ...(form.slug === undefined || !changed("slug") ? {} : { customSlug: form.slug }),
          ...password,
          ...(changed("expiresAt") ? { expiresAt: form.expires_at } : {}),
          ...(changed("maxClicks") ? { maxClicks: form.max_clicks } : {}),
          ...(form.status === undefined || !changed("status") ? {} : { status: form.status }),
          ...(changed("title") ? { title: form.title ?? null } : {}),
          ...(changed("tags") ? { tags: commaList(form.tags) } : {}),
          ...(targetsChanged(typedTargets, stored.targets ?? {}) ? targetsFromFields(typedTargets) : {}),
        });
        seeOther(res, req, `/links/${encodeURIComponent(id)}?done=saved`);
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable" || error.code === "link_not_found")
          throw error;
        const values = { ...stored, ...typed };
        sendPage(
          res,
          formStatus(error),
          linkFormPage(frame, { link, values, domains: [], error: messageOf(error) }),
        );
      }
    },
  }),
  signedInRoute({
    method: "post",
    path: "/links/{id}/delete",
    summary: "Delete a link",
    responses: { "303": "to the links", "404": NOT_YOURS },
    handle: async ({ hexlink }, { principal }, req, res) => {
      await hexlink.deleteLink.execute({
        accountId: principal.accountId,
        access: principal.access,
        id: String(req.params.id),
      });
      seeOther(res, req, "/links?done=deleted");
    },
  }),
  signedInRoute({
    method: "get",
    path: "/links/{id}/analytics",
    summary: "A link's analytics (?start, ?end as YYYY-MM-DD)",
    responses: { "200": "HTML", "400": "a range that is not one", "404": NOT_YOURS },
    handle: async ({ hexlink }, { principal, frame }, req, res) => {
      const link = await hexlink.getLink.execute({
        accountId: principal.accountId,
        access: principal.access,
        id: String(req.params.id),
      });
      const start = text(req.query.start);
      const end = text(req.query.end);
      const stats = await hexlink.getLinkAnalytics.execute({
        accountId: principal.accountId,
        access: principal.access,
        linkId: link.id,
        ...(start === undefined ? {} : { start }),
        ...(end === undefined ? {} : { end }),
      });
      const country = stats.breakdown.country.map((entry) => ({ ...entry, name: countryName(entry.name) }));
      const path = `${frame.base}/links/${encodeURIComponent(link.id)}`;
      const body = html`<p class="back"><a href="${path}">← ${link.shortUrl}</a></p>${trackingBody({
        shortUrl: link.shortUrl,
        destination: link.destination,
        status: link.status,
        createdAt: link.createdAt.toISOString(),
        stats: { ...stats, breakdown: { ...stats.breakdown, country } },
        targets: stats.targets,
        qrUrl: `/${encodeURIComponent(link.slug)}/qr`,
        formAction: `${path}/analytics`,
      })}`;
      sendPage(
        res,
        200,
        dashboardPage({ ...frame, current: "links" }, `Analytics for ${link.shortUrl}`, body),
      );
    },
  }),
];
