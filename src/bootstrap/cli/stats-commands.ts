import type { AnalyticsView } from "../../application/views/analytics-view.js";
import { ACCOUNT_OPTION, optionalString, requiredString, type StoreCommand } from "./cli-command.js";
import { table } from "./cli-table.js";

function statsText(stats: AnalyticsView): string {
  const sections = [
    `${stats.shortUrl} (${stats.linkId}), ${stats.start} to ${stats.end}`,
    table(
      ["total clicks", "unique clicks", "bot clicks"],
      [[String(stats.totalClicks), String(stats.uniqueClicks), String(stats.botClicks)]],
    ),
    table(
      ["day", "clicks"],
      stats.timeseries.map((day) => [day.date, String(day.clicks)]),
    ),
  ];
  for (const [dimension, counts] of Object.entries(stats.breakdown)) {
    if (counts.length === 0) continue;
    sections.push(
      table(
        [dimension, "clicks"],
        counts.map((count) => [count.name, String(count.clicks)]),
      ),
    );
  }
  return sections.join("\n\n");
}

/** `hexlink stats <link-id>`: a link's click analytics over a UTC day range, as tables. */
export const statsCommand: StoreCommand = {
  synopsis: "<link-id> --account <name> [--start YYYY-MM-DD] [--end YYYY-MM-DD]",
  summary: "a link's clicks by day, device, OS, browser, country and referrer (the last 30 days by default)",
  options: { ...ACCOUNT_OPTION, start: { type: "string" }, end: { type: "string" } },
  positionals: ["link-id"],
  required: ["account"],
  async run(hexlink, { positionals, values }) {
    const start = optionalString(values, "start");
    const end = optionalString(values, "end");
    const stats = await hexlink.getLinkAnalytics.execute({
      accountId: requiredString(values, "account"),
      linkId: positionals["link-id"] ?? "",
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
    });
    return { json: { analytics: stats }, text: statsText(stats) };
  },
};
