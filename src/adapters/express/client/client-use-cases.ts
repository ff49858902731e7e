import type { Hexlink } from "../../../application/hexlink.js";

/** The slice of hexlink the client API calls: a team with its own wiring hands over just these. */
export type ClientUseCases = Pick<
  Hexlink,
  | "shortUrls"
  | "authenticateApiKey"
  | "consumeRateLimit"
  | "createLink"
  | "getLink"
  | "getLinkByShortUrl"
  | "updateLink"
  | "deleteLink"
  | "getLinkAnalytics"
>;
