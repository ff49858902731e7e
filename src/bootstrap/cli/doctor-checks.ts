import { MaxMindGeoLocator } from "../../adapters/classify/maxmind-geo-locator.js";
import type { HexlinkConfig } from "../config.js";

/** One line of `hexlink doctor`: `fail` makes it exit 1; `warn` is advice. */
export interface DoctorCheck {
  readonly name: string;
  readonly status: "ok" | "warn" | "fail";
  readonly detail: string;
}

const MINIMUM_NODE = [20, 19] as const;

/** Whether this Node.js is one the package supports (package.json's engines). */
export function nodeCheck(version: string = process.versions.node): DoctorCheck {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const ok = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  return ok
    ? { name: "node", status: "ok", detail: `Node.js ${version}` }
    : { name: "node", status: "fail", detail: `Node.js ${version} is too old: hexlink needs 20.19 or later` };
}

/** Settings that start fine but surprise in production, in plain words. */
export function adviceChecks(config: HexlinkConfig): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  if (config.HEXLINK_BASE_URL === undefined) {
    checks.push({
      name: "base URL",
      status: "warn",
      detail: `HEXLINK_BASE_URL is not set: short links will read http://localhost:${config.PORT}/…`,
    });
  }
  if (config.HEXLINK_STORE !== "memory" && config.HEXLINK_VISITOR_SECRET === undefined) {
    checks.push({
      name: "visitor secret",
      status: "warn",
      detail:
        "HEXLINK_VISITOR_SECRET is not set: each instance and each restart counts the same visitor as a new unique click",
    });
  }
  if (config.HEXLINK_STORE === "memory") {
    checks.push({
      name: "store",
      status: "warn",
      detail:
        "HEXLINK_STORE=memory: links, keys and clicks are lost when the server stops, and the CLI cannot manage them",
    });
  }
  return checks;
}

/** Opens the GeoIP database the server would use and looks up a well-known public address in it. */
export function geoipCheck(config: HexlinkConfig): DoctorCheck {
  const path = config.HEXLINK_GEOIP_DB;
  const shown = path ?? "the bundled CC0 country database";
  try {
    const locator = MaxMindGeoLocator.openSync(path === undefined ? {} : { path });
    const { code } = locator.locate("8.8.8.8");
    return code === "ZZ"
      ? {
          name: "geoip",
          status: "warn",
          detail: `${shown} opens but finds no country for 8.8.8.8: is it a country or city database?`,
        }
      : { name: "geoip", status: "ok", detail: `${shown} (8.8.8.8 is in ${code})` };
  } catch (error) {
    return {
      name: "geoip",
      status: "fail",
      detail: `${shown} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
