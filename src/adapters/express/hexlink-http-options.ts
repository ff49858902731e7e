import type { Logger } from "pino";
import type { QrRenderer } from "./views/qr-renderer.js";

/** Options of the HTTP adapter, from the server's environment. */
export interface HexlinkHttpOptions {
  /** `HEXLINK_REDIRECT_STATUS`; default 302. */
  readonly redirectStatus?: number;
  /** `HEXLINK_TRUST_PROXY`: Express's `trust proxy` value. Unset: the socket address is the client. */
  readonly trustProxy?: string | boolean | number;
  readonly logger?: Logger;
  /** Draws QR codes; default: one worker thread per process, shared by every router. */
  readonly qrRenderer?: QrRenderer;
}
