import type { HexlinkConfig } from "../config.js";
import type { DoctorCheck } from "./doctor-checks.js";

const VERSION_TIMEOUT_MS = 3000;

/** Builds a hexlink core from the configuration and pings every store it uses (as /readyz does). */
export async function storeChecks(config: HexlinkConfig): Promise<DoctorCheck[]> {
  const { hexlinkFromConfig } = await import("../hexlink-from-config.js");
  let hexlink: Awaited<ReturnType<typeof hexlinkFromConfig>>;
  try {
    hexlink = await hexlinkFromConfig(config);
  } catch (error) {
    return [{ name: `store ${config.HEXLINK_STORE}`, status: "fail", detail: plain(error) }];
  }
  try {
    const readiness = await hexlink.ready();
    return Object.entries(readiness.checks).map(([name, check]) => ({
      name,
      status: check.ok ? "ok" : "fail",
      detail: check.ok
        ? (check.detail ?? "answers")
        : `does not answer: ${check.detail ?? "no reason given"}`,
    }));
  } finally {
    await hexlink.close();
  }
}

/** The versions of the servers the configuration names, asked directly (not through the stores). */
export async function versionChecks(config: HexlinkConfig): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  if (config.REDIS_URL !== undefined) checks.push(await redisVersion(config.REDIS_URL));
  if (config.HEXLINK_STORE === "mongodb" && config.MONGODB_URL !== undefined) {
    checks.push(await mongoVersion(config.MONGODB_URL));
  }
  return checks;
}

async function redisVersion(url: string): Promise<DoctorCheck> {
  try {
    const { connectRedis } = await import("../../adapters/redis/index.js");
    const { client } = connectRedis({ url, commandTimeoutMs: VERSION_TIMEOUT_MS });
    try {
      const info = await client.info("server");
      const version = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? "unknown";
      const major = Number(version.split(".")[0]);
      return major >= 6
        ? { name: "redis version", status: "ok", detail: `Redis ${version}` }
        : {
            name: "redis version",
            status: "warn",
            detail: `Redis ${version}: hexlink is tested on Redis 6 and later`,
          };
    } finally {
      client.disconnect();
    }
  } catch (error) {
    return { name: "redis version", status: "fail", detail: plain(error) };
  }
}

async function mongoVersion(url: string): Promise<DoctorCheck> {
  try {
    const { mongoServerVersion } = await import("../../adapters/mongodb/mongo-server-version.js");
    const version = await mongoServerVersion(url, VERSION_TIMEOUT_MS);
    return { name: "mongodb version", status: "ok", detail: `MongoDB ${version}` };
  } catch (error) {
    return { name: "mongodb version", status: "fail", detail: plain(error) };
  }
}

function plain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
