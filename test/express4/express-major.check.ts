import express from "express";
import { describe, expect, it } from "vitest";

describe("the Express these tests run on", () => {
  it("is Express 4 (express.query, removed in 5, is there)", () => {
    expect(typeof (express as unknown as { query?: unknown }).query).toBe("function");
  });
});
