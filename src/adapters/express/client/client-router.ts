import { Router } from "express";
import type { Logger } from "pino";
import type { Hexlink } from "../../../bootstrap/hexlink.js";

/** The lnnk.in-compatible client API (placeholder until it is built). */
export function clientApiRouter(_hexlink: Hexlink, _logger: Logger): Router {
  return Router();
}
