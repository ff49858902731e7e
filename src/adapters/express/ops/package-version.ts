import { readFileSync } from "node:fs";

/** hexlink's version from its package.json, read once at start (four levels above this file in src/ and dist/). */
export const PACKAGE_VERSION: string = (() => {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL("../../../../package.json", import.meta.url), "utf8"),
  );
  const version =
    typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
  return typeof version === "string" ? version : "0.0.0";
})();
