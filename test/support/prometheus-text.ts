/** The value of one sample line of a Prometheus exposition, e.g. `name{a="b"}`; undefined when absent. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
