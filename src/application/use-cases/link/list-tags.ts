import type { LinkRepository, TagCount } from "../../ports/link-repository.js";

/** The account's tags with how many of its links carry each, sorted by name. */
export class ListTags {
  constructor(private readonly links: LinkRepository) {}

  async execute(request: { readonly accountId: string }): Promise<readonly TagCount[]> {
    return this.links.tagCounts(request.accountId);
  }
}
