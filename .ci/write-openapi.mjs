// Writes the OpenAPI document the built server serves at /openapi.json to the path given, for `redocly lint`.
import { writeFileSync } from "node:fs";
import { ALL_OPERATIONS } from "../dist/adapters/express/openapi/all-operations.js";
import { openApiDocument } from "../dist/adapters/express/openapi/openapi-document.js";

const [target] = process.argv.slice(2);
if (target === undefined) throw new Error("usage: node .ci/write-openapi.mjs <file.json>");
writeFileSync(target, `${JSON.stringify(openApiDocument(ALL_OPERATIONS, "https://sho.rt"), null, 2)}\n`);
