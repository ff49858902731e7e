import { MongoClient, type TopologyDescriptionChangedEvent } from "mongodb";
import { describe, expect, it } from "vitest";
import { followMongoStatus } from "../../../../src/adapters/mongodb/mongo-status.js";
import type { StoreStatus } from "../../../../src/application/ports/store-status.js";

/** The driver's event for a deployment whose servers are as given (only the fields the follower reads). */
function topology(
  ...servers: { isWritable: boolean; error: Error | null }[]
): TopologyDescriptionChangedEvent {
  const described = new Map(servers.map((server, index) => [`db${index}:27017`, server]));
  return { newDescription: { servers: described } } as unknown as TopologyDescriptionChangedEvent;
}

describe("followMongoStatus", () => {
  it("reports the loss of every writable server once, with the server's error, and its return once", () => {
    // Never connected: the test plays the driver's topology events.
    const client = new MongoClient("mongodb://127.0.0.1:1");
    const heard: StoreStatus[] = [];
    followMongoStatus(client).watch((status) => heard.push(status));
    client.emit("topologyDescriptionChanged", topology({ isWritable: true, error: null }));
    const refused = { isWritable: false, error: new Error("connect ECONNREFUSED 127.0.0.1:27017") };
    client.emit("topologyDescriptionChanged", topology(refused));
    client.emit("topologyDescriptionChanged", topology(refused));
    client.emit("topologyDescriptionChanged", topology({ isWritable: false, error: null }));
    client.emit(
      "topologyDescriptionChanged",
      topology({ isWritable: false, error: null }, { isWritable: true, error: null }),
    );
    client.emit("topologyDescriptionChanged", topology({ isWritable: true, error: null }));
    expect(heard).toEqual([{ up: false, reason: "connect ECONNREFUSED 127.0.0.1:27017" }, { up: true }]);
  });

  it("calls a watcher that comes during an outage at once, and names a primary-less set", () => {
    const client = new MongoClient("mongodb://127.0.0.1:1");
    const status = followMongoStatus(client);
    client.emit("topologyDescriptionChanged", topology({ isWritable: false, error: null }));
    const heard: StoreStatus[] = [];
    status.watch((change) => heard.push(change));
    expect(heard).toEqual([{ up: false, reason: "no writable server" }]);
  });
});
