import { describe, expect, it } from "vitest";
import type { DeliveryLog } from "../../application/ports/webhook-delivery-log.js";
import { DELIVERY_LOG_SIZE } from "../../domain/webhook/webhook.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";
import { atMs, deliveryRecord } from "./webhook-fixtures.js";

/** How a DeliveryLog adapter takes part in the contract: `make` gives an empty one each time. */
export type DeliveryLogHarness = PortHarness<DeliveryLog>;

/** The shared DeliveryLog suite. */
export function deliveryLogContract(name: string, harness: DeliveryLogHarness): void {
  describe(`DeliveryLog contract: ${name}`, () => {
    closeAfterAll(harness);

    it("lists an endpoint's records newest first, field for field", async () => {
      const log = await harness.make();
      const first = deliveryRecord("msg_1", 0);
      const second = {
        ...deliveryRecord("msg_2", 10),
        status: "failed" as const,
        attempts: 8,
        responseStatus: 500,
        nextAttemptAt: null,
      };
      await log.record(first);
      await log.record(second);
      await log.record(deliveryRecord("msg_x", 5, "wh_b"));
      expect(await log.list("wh_a")).toEqual([second, first]);
      expect(await log.list("wh_none")).toEqual([]);
    });

    it("replaces a record by id, keeping one entry", async () => {
      const log = await harness.make();
      await log.record(deliveryRecord("msg_1", 0));
      const delivered = {
        ...deliveryRecord("msg_1", 0),
        status: "delivered" as const,
        attempts: 2,
        responseStatus: 204,
        nextAttemptAt: null,
      };
      await log.record(delivered);
      expect(await log.list("wh_a")).toEqual([delivered]);
    });

    it(`keeps the last ${DELIVERY_LOG_SIZE} of each endpoint, dropping the oldest`, async () => {
      const log = await harness.make();
      const extra = 7;
      for (let i = 0; i < DELIVERY_LOG_SIZE + extra; i++) {
        await log.record(deliveryRecord(`msg_${String(i).padStart(3, "0")}`, i * 1000));
      }
      await log.record(deliveryRecord("msg_b", 0, "wh_b"));
      const kept = await log.list("wh_a");
      expect(kept).toHaveLength(DELIVERY_LOG_SIZE);
      expect(kept[0]?.id).toBe(`msg_${String(DELIVERY_LOG_SIZE + extra - 1).padStart(3, "0")}`);
      expect(kept.at(-1)?.id).toBe(`msg_${String(extra).padStart(3, "0")}`);
      expect(kept.at(-1)?.createdAt).toEqual(atMs(extra * 1000));
      expect((await log.list("wh_b")).map((r) => r.id)).toEqual(["msg_b"]);
    });

    it("forgets an endpoint's records, and only that endpoint's", async () => {
      const log = await harness.make();
      await log.record(deliveryRecord("msg_1", 0));
      await log.record(deliveryRecord("msg_2", 0, "wh_b"));
      await log.deleteEndpoint("wh_a");
      expect(await log.list("wh_a")).toEqual([]);
      expect((await log.list("wh_b")).map((r) => r.id)).toEqual(["msg_2"]);
      await log.record(deliveryRecord("msg_3", 0));
      expect((await log.list("wh_a")).map((r) => r.id)).toEqual(["msg_3"]);
    });
  });
}
