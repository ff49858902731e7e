import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { type CliIo, UsageError } from "./cli-command.js";
import { table } from "./cli-table.js";
import { adviceChecks, type DoctorCheck, geoipCheck, nodeCheck } from "./doctor-checks.js";
import { storeChecks, versionChecks } from "./store-checks.js";

const DOCTOR_USAGE = `usage: hexlink doctor [--json]
  check the configuration, store connectivity and versions, and the GeoIP database; exit 1 when one fails`;

/** `hexlink doctor`: every check in plain words; exit code 1 when one failed, 0 otherwise (warnings too). */
export async function runDoctor(args: readonly string[], io: CliIo): Promise<number> {
  let values: { json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    io.stdout.write(`${DOCTOR_USAGE}\n`);
    return 0;
  }
  const checks = await doctorChecks(io.env);
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
  } else {
    io.stdout.write(
      `${table(
        ["status", "check", "detail"],
        checks.map((c) => [c.status, c.name, c.detail]),
      )}\n`,
    );
  }
  return checks.some((check) => check.status === "fail") ? 1 : 0;
}

async function doctorChecks(env: NodeJS.ProcessEnv): Promise<DoctorCheck[]> {
  const checks = [nodeCheck()];
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...checks, { name: "configuration", status: "fail", detail: error.message }];
  }
  checks.push({
    name: "configuration",
    status: "ok",
    detail: `every variable is valid (store: ${config.HEXLINK_STORE})`,
  });
  checks.push(...adviceChecks(config), geoipCheck(config));
  checks.push(...(await storeChecks(config)), ...(await versionChecks(config)));
  return checks;
}
