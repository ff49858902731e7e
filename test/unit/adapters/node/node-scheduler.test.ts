import { describe, expect, it } from "vitest";
import { NodeScheduler } from "../../../../src/adapters/node/node-scheduler.js";

const timersHoldingProcess = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("NodeScheduler", () => {
  const scheduler = new NodeScheduler();

  it("runs a task once after its delay, and not at all once cancelled", async () => {
    const ran: string[] = [];
    scheduler.after(1, () => ran.push("kept"));
    const cancel = scheduler.after(1, () => ran.push("cancelled"));
    cancel();
    await new Promise<void>((resolve) => scheduler.after(5, resolve));
    expect(ran).toEqual(["kept"]);
  });

  it("repeats a task until cancelled", async () => {
    let runs = 0;
    let cancel = () => {};
    const thirdRun = new Promise<void>((resolve) => {
      cancel = scheduler.every(1, () => {
        runs += 1;
        if (runs === 3) resolve();
      });
    });
    await thirdRun;
    cancel();
    await new Promise<void>((resolve) => scheduler.after(5, resolve));
    expect(runs).toBe(3);
  });

  it("never keeps the process alive for a pending task", () => {
    const before = timersHoldingProcess();
    const cancels = [scheduler.after(60_000, () => {}), scheduler.every(60_000, () => {})];
    expect(timersHoldingProcess()).toBe(before);
    for (const cancel of cancels) cancel();
  });
});
