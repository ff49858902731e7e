import type { ClassifiedClick } from "../../../../src/domain/click/click.js";

/** One human click on lnk_a on 2026-03-15, with the changes given. */
export const aClick = (changes: Partial<ClassifiedClick> = {}): ClassifiedClick => ({
  linkId: "lnk_a",
  day: "2026-03-15",
  bot: false,
  device: "Mobile",
  os: "iOS",
  browser: "Safari",
  country: "FR",
  referrer: "m.facebook.com",
  visitor: "v1",
  target: "default",
  ...changes,
});
