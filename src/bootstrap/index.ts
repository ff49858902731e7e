export type { Hexlink, Readiness } from "../application/hexlink.js";
export { type ClickRecordingOptions, createClickRecorder } from "./click-recording.js";
export { ConfigError, type HexlinkConfig, loadConfig } from "./config.js";
export { buildContainer, type HexlinkPorts } from "./container.js";
export { type CreateHexlinkOptions, createHexlink } from "./create-hexlink.js";
export { hexlinkFromConfig } from "./hexlink-from-config.js";
export { TOKENS } from "./tokens.js";
