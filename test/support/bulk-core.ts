import type { EventPublisher } from "../../src/application/ports/event-publisher.js";
import { ShortUrls } from "../../src/application/short-urls.js";
import { BulkCreateLinks } from "../../src/application/use-cases/link/bulk-create-links.js";
import { BulkDeleteLinks } from "../../src/application/use-cases/link/bulk-delete-links.js";
import { BulkUpdateLinks } from "../../src/application/use-cases/link/bulk-update-links.js";
import { ExportLinks } from "../../src/application/use-cases/link/export-links.js";
import { buildCore, type CoreOptions } from "./core.js";

/** {@link buildCore} with the bulk use cases (spec §9) over the same memory adapters. */
export function buildBulkCore(options: CoreOptions & { readonly events?: EventPublisher } = {}) {
  const core = buildCore(options);
  const { events } = options;
  const { links, clicks } = core.stores;
  const { cache } = core.shared;
  const urls = new ShortUrls(core.settings);
  return {
    ...core,
    bulkCreateLinks: new BulkCreateLinks({
      createLink: core.createLink,
      links,
      cache,
      codes: options.codes ?? core.scripted,
      settings: core.settings,
      urls,
      ...(events === undefined ? {} : { events }),
    }),
    bulkUpdateLinks: new BulkUpdateLinks(core.updateLink),
    bulkDeleteLinks: new BulkDeleteLinks(
      links,
      cache,
      clicks,
      events === undefined ? undefined : { publisher: events, clock: core.clock },
    ),
    exportLinks: new ExportLinks(core.listLinks, clicks, core.clock),
  };
}
