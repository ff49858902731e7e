import type { MongoClient, TopologyDescriptionChangedEvent } from "mongodb";
import { StoreStatusTracker } from "../../application/services/store-status-tracker.js";

/**
 * Follows a client's view of its deployment: no server it can write to (every server lost, or a replica set
 * without a primary) is a loss, with the first server error as reason; a writable server again is a return.
 */
export function followMongoStatus(client: MongoClient): StoreStatusTracker {
  const status = new StoreStatusTracker();
  client.on("topologyDescriptionChanged", ({ newDescription }: TopologyDescriptionChangedEvent) => {
    const servers = [...newDescription.servers.values()];
    if (servers.some((server) => server.isWritable)) status.back();
    else status.lost(servers.find((server) => server.error !== null)?.error?.message ?? "no writable server");
  });
  return status;
}
