import { describe, expect, it } from "vitest";
import { takeOnce } from "./requests";

describe("takeOnce", () => {
  it("answers true for a request once, then false", () => {
    const request = { nonce: 1 };
    expect(takeOnce(request)).toBe(true);
    expect(takeOnce(request)).toBe(false);
  });

  it("treats equal-looking requests as distinct events", () => {
    expect(takeOnce({ nonce: 2 })).toBe(true);
    expect(takeOnce({ nonce: 2 })).toBe(true);
  });

  it("has nothing to take when there is no request", () => {
    expect(takeOnce(null)).toBe(false);
    expect(takeOnce(undefined)).toBe(false);
  });
});
