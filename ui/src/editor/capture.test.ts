import { describe, expect, it } from "vitest";
import type { CapturePreview } from "../ipc/bindings";
import { captureSummary, nextRole, ownerStart, withOwner } from "./capture";

const preview = (owner: CapturePreview["owner"], kindChanged = false): CapturePreview => ({
  kind: "product",
  kind_label: "Product",
  kind_changed: kindChanged,
  name: "Mortgages",
  owner,
  people: [],
  roles: [
    { role: "business_owner", label: "Business owner", tier: 1 },
    { role: "product_manager", label: "Product manager", tier: 2 },
    { role: "product_owner", label: "Product owner", tier: 3 },
  ],
  kinds: [],
});

describe("the capture line", () => {
  it("finds the owner part only at an @ that starts a word", () => {
    expect(ownerStart("Mortgages @Ana")).toBe(10);
    expect(ownerStart("@Ana")).toBe(0);
    expect(ownerStart("ops@example.org")).toBe(-1);
  });

  it("completes the owner with a picked name, or adds one", () => {
    expect(withOwner("Mortgages @an", "Ana Lima")).toBe("Mortgages @Ana Lima");
    expect(withOwner("Mortgages ", "Ana Lima")).toBe("Mortgages @Ana Lima");
  });

  it("steps through the roles from the one the tier implies", () => {
    const p = preview({ person_id: null, name: "Ana", role: "product_manager", role_label: "Product manager" });
    expect(nextRole(p, undefined)).toBe("product_owner");
    expect(nextRole(p, "product_owner")).toBe("business_owner");
  });

  it("says what Enter will do, with the person the picker has highlighted", () => {
    const typed = preview({ person_id: null, name: "a", role: "product_manager", role_label: "Product manager" });
    expect(captureSummary(typed, { personId: "p1", name: "A. Rivera" })).toBe("Product · owner A. Rivera as product manager");
    expect(captureSummary(preview(null))).toBe("Product");
    expect(captureSummary(preview({ person_id: null, name: "Ana", role: "product_manager", role_label: "Product manager" }, true))).toBe(
      "Product (kind changed) · owner Ana (new person) as product manager",
    );
  });
});
