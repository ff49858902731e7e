import { describe, expect, it } from "vitest";
import type { WebhookEndpointRepository } from "../../application/ports/webhook-endpoint-repository.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";
import { atMs, endpointOf } from "./webhook-fixtures.js";

/** How a WebhookEndpointRepository adapter takes part in the contract: `make` gives an empty one each time. */
export type WebhookEndpointsHarness = PortHarness<WebhookEndpointRepository>;

/** The shared WebhookEndpointRepository suite. */
export function webhookEndpointsContract(name: string, harness: WebhookEndpointsHarness): void {
  describe(`WebhookEndpointRepository contract: ${name}`, () => {
    closeAfterAll(harness);

    it("stores an endpoint and gives it back field for field; an unknown id is null", async () => {
      const endpoints = await harness.make();
      const endpoint = endpointOf("wh_one");
      await endpoints.create(endpoint);
      expect(await endpoints.get("wh_one")).toEqual(endpoint);
      expect(await endpoints.get("wh_none")).toBeNull();
    });

    it("lists an account's endpoints only, oldest first", async () => {
      const endpoints = await harness.make();
      await endpoints.create(endpointOf("wh_late", "acme", 2000));
      await endpoints.create(endpointOf("wh_other", "globex", 0));
      await endpoints.create(endpointOf("wh_early", "acme", 1000));
      expect((await endpoints.listByAccount("acme")).map((e) => e.id)).toEqual(["wh_early", "wh_late"]);
      expect((await endpoints.listByAccount("globex")).map((e) => e.id)).toEqual(["wh_other"]);
      expect(await endpoints.listByAccount("nobody")).toEqual([]);
    });

    it("updates status and failingSince, and nothing else; an unknown endpoint is not updated", async () => {
      const endpoints = await harness.make();
      const endpoint = endpointOf("wh_one");
      await endpoints.create(endpoint);
      const failing = {
        ...endpoint,
        url: "https://elsewhere.example/",
        status: "disabled" as const,
        failingSince: atMs(5),
      };
      expect(await endpoints.update(failing)).toBe(true);
      expect(await endpoints.get("wh_one")).toEqual({
        ...endpoint,
        status: "disabled",
        failingSince: atMs(5),
      });
      expect(await endpoints.update({ ...endpoint, status: "active", failingSince: null })).toBe(true);
      expect(await endpoints.get("wh_one")).toEqual(endpoint);
      expect(await endpoints.update(endpointOf("wh_none"))).toBe(false);
      expect(await endpoints.get("wh_none")).toBeNull();
    });

    it("deletes an endpoint once; it is gone from its account's list", async () => {
      const endpoints = await harness.make();
      await endpoints.create(endpointOf("wh_one"));
      await endpoints.create(endpointOf("wh_two", "acme", 1));
      expect(await endpoints.delete("wh_one")).toBe(true);
      expect(await endpoints.delete("wh_one")).toBe(false);
      expect(await endpoints.get("wh_one")).toBeNull();
      expect((await endpoints.listByAccount("acme")).map((e) => e.id)).toEqual(["wh_two"]);
    });
  });
}
