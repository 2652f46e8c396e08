import { describe, expect, it } from "vitest";
import type { ElementNode, OwnerBadge } from "../ipc/bindings";
import { colorOf, legendFor, LIFECYCLE_COLORS, NONE_COLOR, ownerColors } from "./colorBy";
import { kindColor, tierColor } from "./palette";

const owner = (person_id: string, name: string, tier: number): OwnerBadge => ({
  ownership_id: `o-${person_id}-${tier}`,
  person_id,
  name,
  initials: name.slice(0, 2),
  role: "product_owner",
  role_label: tier === 1 ? "Business owner" : "Product owner",
  tier,
  accountable: true,
});
const node = (id: string, kind: string, lifecycle: string | null, owners: OwnerBadge[]): ElementNode => ({
  id, group_id: null, kind, kind_label: kind, name: id, external: false, lifecycle, x: 0, y: 0, width: 180, height: 88, owners, hierarchy_parent: null,
});

const nodes = [
  node("a", "product", "growth", [owner("p1", "Zoe", 3)]),
  node("b", "service", null, [owner("p2", "Adam", 1)]),
  node("c", "product", "retiring", []),
];

describe("colour by", () => {
  it("colours by kind, lead owner's tier, owner and lifecycle", () => {
    const owners = ownerColors(nodes);
    expect(colorOf(nodes[0], "kind", owners)).toBe(kindColor("product"));
    expect(colorOf(nodes[1], "tier", owners)).toBe(tierColor(1));
    expect(colorOf(nodes[2], "tier", owners)).toBe(NONE_COLOR);
    expect(colorOf(nodes[0], "lifecycle", owners)).toBe(LIFECYCLE_COLORS.growth.color);
    expect(colorOf(nodes[1], "lifecycle", owners)).toBe(NONE_COLOR);
    expect(colorOf(nodes[0], "owner", owners)).not.toBe(colorOf(nodes[1], "owner", owners));
  });

  it("gives owners colours in name order, the same every time", () => {
    expect([...ownerColors(nodes).values()].map((e) => e.label)).toEqual(["Adam", "Zoe"]);
    expect(ownerColors([...nodes].reverse())).toEqual(ownerColors(nodes));
  });

  it("has a legend of exactly what the map shows", () => {
    expect(legendFor(nodes, "kind").map((e) => e.label)).toEqual(["product", "service"]);
    expect(legendFor(nodes, "lifecycle").map((e) => e.label)).toEqual(["Growth", "Retiring", "Not set"]);
    expect(legendFor(nodes, "owner").map((e) => e.label)).toEqual(["Adam", "Zoe", "No owner"]);
    expect(legendFor(nodes, "tier").map((e) => e.label)).toEqual(["Tier 1: Business owner", "Tier 3: Product owner", "No owner"]);
  });
});
