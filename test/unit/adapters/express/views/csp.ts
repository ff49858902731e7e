import { expect } from "vitest";

/** Pages are served with a CSP allowing no inline script or style, so none may appear. */
export function expectCspSafe(document: string): void {
  expect(document).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
}
