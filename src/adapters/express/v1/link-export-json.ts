import type { ExportedLink } from "../../../application/use-cases/link/export-links.js";
import type { ExportRecord } from "../../csv/link-export-format.js";
import { linkJson } from "./link-json.js";
import { v1LinkSchema } from "./v1-response-schemas.js";

/** The columns of an export: the v1 link object's fields, then the link's total clicks. */
export const EXPORT_COLUMNS: readonly string[] = [...Object.keys(v1LinkSchema.shape), "total_clicks"];

/** One exported link as the v1 link object with its `total_clicks`. */
export function exportRecord({ link, totalClicks }: ExportedLink): ExportRecord {
  return { ...linkJson(link), total_clicks: totalClicks };
}

/** The records of an export, as the use case yields its links. */
export async function* exportRecords(links: AsyncIterable<ExportedLink>): AsyncGenerator<ExportRecord> {
  for await (const exported of links) yield exportRecord(exported);
}
