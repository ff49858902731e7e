// The controllable clock lives in hexlink/testing; the project's tests know it by its older name.
export { DEFAULT_NOW, ManualClock as FixedClock } from "../../src/testing/manual-clock.js";
