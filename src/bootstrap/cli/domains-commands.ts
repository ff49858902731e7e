import type { DomainView } from "../../application/views/domain-view.js";
import { ACCOUNT_OPTION, type CommandGroup, requiredString } from "./cli-command.js";
import { shownDate, table } from "./cli-table.js";

function domainLine(domain: DomainView): string {
  return `${domain.hostname} is ${domain.status}`;
}

function proofLine(domain: DomainView): string {
  const { type, name, value } = domain.verification;
  return `prove it with a DNS record: ${type} ${name} "${value}"`;
}

function hostnameOf(positionals: Readonly<Record<string, string>>): string {
  return positionals.hostname ?? "";
}

/** `hexlink domains …`: an account's custom domains. */
export const domainsCommands: CommandGroup = {
  list: {
    synopsis: "--account <name>",
    summary: "list an account's custom domains",
    options: ACCOUNT_OPTION,
    required: ["account"],
    async run(hexlink, { values }) {
      const domains = await hexlink.listDomains.execute({ accountId: requiredString(values, "account") });
      const text =
        domains.length === 0
          ? "no domains"
          : table(
              ["hostname", "status", "created", "verified"],
              domains.map((d) => [d.hostname, d.status, shownDate(d.createdAt), shownDate(d.verifiedAt)]),
            );
      return { json: { domains }, text };
    },
  },
  register: {
    synopsis: "<hostname> --account <name>",
    summary: "claim a custom domain for an account (pending until verified by DNS or activated)",
    options: ACCOUNT_OPTION,
    positionals: ["hostname"],
    required: ["account"],
    async run(hexlink, { positionals, values }) {
      const domain = await hexlink.registerDomain.execute({
        accountId: requiredString(values, "account"),
        hostname: hostnameOf(positionals),
      });
      return { json: { domain }, text: `${domainLine(domain)}\n${proofLine(domain)}` };
    },
  },
  verify: {
    synopsis: "<hostname> --account <name>",
    summary: "check the domain's DNS TXT record now and activate it when it proves the claim",
    options: ACCOUNT_OPTION,
    positionals: ["hostname"],
    required: ["account"],
    async run(hexlink, { positionals, values }) {
      const domain = await hexlink.verifyDomain.execute({
        accountId: requiredString(values, "account"),
        hostname: hostnameOf(positionals),
      });
      const text =
        domain.status === "active" ? domainLine(domain) : `${domainLine(domain)}\n${proofLine(domain)}`;
      return { json: { domain }, text };
    },
  },
  activate: {
    synopsis: "<hostname>",
    summary: "activate a registered domain without DNS verification (private networks, tests)",
    positionals: ["hostname"],
    async run(hexlink, { positionals }) {
      const domain = await hexlink.activateDomain.execute({ hostname: hostnameOf(positionals) });
      return { json: { domain }, text: domainLine(domain) };
    },
  },
  delete: {
    synopsis: "<hostname> --account <name>",
    summary: "remove an account's custom domain (its links stop resolving)",
    options: ACCOUNT_OPTION,
    positionals: ["hostname"],
    required: ["account"],
    async run(hexlink, { positionals, values }) {
      const hostname = hostnameOf(positionals);
      await hexlink.deleteDomain.execute({ accountId: requiredString(values, "account"), hostname });
      return { json: { deleted: hostname }, text: `deleted ${hostname}` };
    },
  },
};
