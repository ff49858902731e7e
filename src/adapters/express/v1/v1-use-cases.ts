import type { Hexlink } from "../../../application/hexlink.js";

/** The slice of hexlink the v1 API calls: a team with its own wiring hands over just these. */
export type V1UseCases = Pick<
  Hexlink,
  | "shortUrls"
  | "authenticateApiKey"
  | "consumeRateLimit"
  | "createLink"
  | "listLinks"
  | "getLink"
  | "updateLink"
  | "deleteLink"
  | "getLinkAnalytics"
  | "listTags"
  | "getAccountAnalytics"
  | "registerDomain"
  | "listDomains"
  | "verifyDomain"
  | "deleteDomain"
  | "issueApiKey"
  | "listApiKeys"
  | "revokeApiKey"
  | "createWebhook"
  | "listWebhooks"
  | "deleteWebhook"
  | "listWebhookDeliveries"
  | "testWebhook"
  | "idempotentRequests"
  | "bulkCreateLinks"
  | "bulkUpdateLinks"
  | "bulkDeleteLinks"
  | "exportLinks"
>;
