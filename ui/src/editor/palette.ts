// Colours of the map: one per element kind, one per ownership tier. Shared by
// nodes, badges and legends so a colour always means the same thing.

export const KIND_COLORS: Record<string, string> = {
  service_area: "#7b3fa0",
  product: "#1f6fb2",
  service: "#2a9d8f",
  family: "#3d5a80",
  application: "#e07a2f",
  platform: "#b5651d",
  infrastructure: "#6b705c",
  market_segment: "#c2185b",
  org_unit: "#5d4037",
  team: "#558b2f",
  person: "#455a64",
};

/** Tier 1 business owner, tier 2 product manager, tier 3 product or service owner. */
export const TIER_COLORS: Record<number, string> = {
  1: "#b8860b",
  2: "#1565c0",
  3: "#2e7d32",
};

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? "#607d8b";
}

export function tierColor(tier: number): string {
  return TIER_COLORS[tier] ?? "#607d8b";
}

/** Line style per relation kind; the legend shows the same. */
export const RELATION_STYLES: Record<string, { stroke: string; dash?: string; label: string }> = {
  rolls_up_to: { stroke: "#37474f", label: "rolls up to" },
  supports: { stroke: "#8d6e63", dash: "6 4", label: "supports" },
  serves: { stroke: "#c2185b", dash: "2 4", label: "serves" },
  belongs_to: { stroke: "#5d4037", label: "belongs to" },
  delivered_by: { stroke: "#558b2f", dash: "8 3 2 3", label: "delivered by" },
  collaborates_with: { stroke: "#455a64", dash: "2 3", label: "collaborates with" },
  dotted_line: { stroke: "#455a64", dash: "1 4", label: "dotted line" },
};
