import type { Hexlink } from "../../application/hexlink.js";
import type { LinkView } from "../../application/views/link-view.js";
import {
  ACCOUNT_OPTION,
  type CommandArgs,
  type CommandGroup,
  type OptionValues,
  optionalCount,
  optionalString,
  requiredString,
  UsageError,
} from "./cli-command.js";
import { shownDate, table } from "./cli-table.js";

const LIST_OPTIONS = {
  ...ACCOUNT_OPTION,
  domain: { type: "string" },
  status: { type: "string" },
  cursor: { type: "string" },
  limit: { type: "string" },
  tag: { type: "string" },
  q: { type: "string" },
} as const;

const CHANGE_OPTIONS = {
  ...ACCOUNT_OPTION,
  slug: { type: "string" },
  password: { type: "string" },
  "expires-at": { type: "string" },
  "max-clicks": { type: "string" },
} as const;

function linkText(link: LinkView): string {
  return [
    `id:          ${link.id}`,
    `short URL:   ${link.shortUrl}`,
    `destination: ${link.destination}`,
    `status:      ${link.status}`,
    `password:    ${link.passwordProtected ? "yes" : "no"}`,
    `expires:     ${shownDate(link.expiresAt)}`,
    `max clicks:  ${link.maxClicks ?? "-"}`,
    `created:     ${shownDate(link.createdAt)}`,
    `tracking:    ${link.trackingUrl}`,
  ].join("\n");
}

function linkRows(links: readonly LinkView[]): string {
  if (links.length === 0) return "no links";
  return table(
    ["id", "short URL", "status", "destination"],
    links.map((link) => [link.id, link.shortUrl, link.status, link.destination]),
  );
}

function statusFilter(values: OptionValues): "active" | "disabled" | undefined {
  const status = optionalString(values, "status");
  if (status === undefined || status === "active" || status === "disabled") return status;
  throw new UsageError("--status must be active or disabled");
}

function dateOption(values: OptionValues, name: string): Date | undefined {
  const value = optionalString(values, name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date and time`);
  return date;
}

/** The changes `create` and `update` share, from their options; absent options change nothing. */
function changes(values: OptionValues) {
  const slug = optionalString(values, "slug");
  const password = optionalString(values, "password");
  const expiresAt = dateOption(values, "expires-at");
  const maxClicks = optionalCount(values, "max-clicks");
  return {
    ...(slug === undefined ? {} : { customSlug: slug }),
    ...(password === undefined ? {} : { password }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(maxClicks === undefined ? {} : { maxClicks }),
  };
}

function linkAnswer(link: LinkView) {
  return { json: { link }, text: linkText(link) };
}

function target({ positionals, values }: CommandArgs) {
  return { accountId: requiredString(values, "account"), id: positionals["link-id"] ?? "" };
}

async function setStatus(hexlink: Hexlink, args: CommandArgs, status: "active" | "disabled") {
  return linkAnswer(await hexlink.updateLink.execute({ ...target(args), status }));
}

/** `hexlink links …`: an account's links, with the same filters as `GET /v1/links`. */
export const linksCommands: CommandGroup = {
  list: {
    synopsis:
      "--account <name> [--domain <host>] [--status active|disabled] [--tag <a,b>] [--q <text>] [--limit <n>] [--cursor <c>]",
    summary: "list an account's links, newest first, a page at a time",
    options: LIST_OPTIONS,
    required: ["account"],
    async run(hexlink, { values }) {
      const domain = optionalString(values, "domain");
      const status = statusFilter(values);
      const cursor = optionalString(values, "cursor");
      const limit = optionalCount(values, "limit");
      // Links having every tag of a comma list, as `?tag=a&tag=b`.
      const tags = optionalString(values, "tag")?.split(",");
      const search = optionalString(values, "q");
      const page = await hexlink.listLinks.execute({
        ...(tags === undefined ? {} : { tags }),
        ...(search === undefined ? {} : { search }),
        accountId: requiredString(values, "account"),
        ...(domain === undefined ? {} : { domain }),
        ...(status === undefined ? {} : { status }),
        ...(cursor === undefined ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit }),
      });
      const more = page.nextCursor === null ? "" : `\nnext page: --cursor ${page.nextCursor}`;
      return {
        json: { links: page.links, next_cursor: page.nextCursor },
        text: `${linkRows(page.links)}${more}`,
      };
    },
  },
  get: {
    synopsis: "<link-id> --account <name>",
    summary: "show one link",
    options: ACCOUNT_OPTION,
    positionals: ["link-id"],
    required: ["account"],
    async run(hexlink, args) {
      return linkAnswer(await hexlink.getLink.execute(target(args)));
    },
  },
  create: {
    synopsis:
      "<url> --account <name> [--domain <host>] [--slug <slug>] [--password <p>] [--expires-at <iso>] [--max-clicks <n>]",
    summary: "shorten a URL",
    options: { ...CHANGE_OPTIONS, domain: { type: "string" } },
    positionals: ["url"],
    required: ["account"],
    async run(hexlink, { positionals, values }) {
      const domain = optionalString(values, "domain");
      const link = await hexlink.createLink.execute({
        accountId: requiredString(values, "account"),
        url: positionals.url ?? "",
        ...(domain === undefined ? {} : { domain }),
        ...changes(values),
      });
      return linkAnswer(link);
    },
  },
  update: {
    synopsis:
      "<link-id> --account <name> [--url <url>] [--slug <slug>] [--password <p>] [--expires-at <iso>] [--max-clicks <n>]",
    summary: "change a link's destination, slug, password, expiry or click budget",
    options: { ...CHANGE_OPTIONS, url: { type: "string" } },
    positionals: ["link-id"],
    required: ["account"],
    async run(hexlink, args) {
      const url = optionalString(args.values, "url");
      const link = await hexlink.updateLink.execute({
        ...target(args),
        ...(url === undefined ? {} : { url }),
        ...changes(args.values),
      });
      return linkAnswer(link);
    },
  },
  disable: {
    synopsis: "<link-id> --account <name>",
    summary: "stop a link redirecting (it answers 404) without deleting it",
    options: ACCOUNT_OPTION,
    positionals: ["link-id"],
    required: ["account"],
    run: (hexlink, args) => setStatus(hexlink, args, "disabled"),
  },
  enable: {
    synopsis: "<link-id> --account <name>",
    summary: "make a disabled link redirect again",
    options: ACCOUNT_OPTION,
    positionals: ["link-id"],
    required: ["account"],
    run: (hexlink, args) => setStatus(hexlink, args, "active"),
  },
  delete: {
    synopsis: "<link-id> --account <name>",
    summary: "delete a link",
    options: ACCOUNT_OPTION,
    positionals: ["link-id"],
    required: ["account"],
    async run(hexlink, args) {
      const { id } = target(args);
      await hexlink.deleteLink.execute(target(args));
      return { json: { deleted: id }, text: `deleted ${id}` };
    },
  },
};
