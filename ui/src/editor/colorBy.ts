// Colouring the boxes by what the room is discussing: the kind of element,
// the tier of its leading owner, who owns it, or where it is in its life.
// The legend is computed from the same function, so it always matches.
import type { ElementNode } from "../ipc/bindings";
import { kindColor, tierColor, TIER_COLORS } from "./palette";

export type ColorBy = "kind" | "tier" | "owner" | "lifecycle";

export const COLOR_BY_LABELS: Record<ColorBy, string> = {
  kind: "Kind",
  tier: "Owner tier",
  owner: "Owner",
  lifecycle: "Lifecycle",
};

/** Boxes without what is being coloured by (no owner, no lifecycle). */
export const NONE_COLOR = "#9aa5b1";

export const LIFECYCLE_COLORS: Record<string, { color: string; label: string }> = {
  idea: { color: "#8e7cc3", label: "Idea" },
  mvp: { color: "#3d85c6", label: "MVP" },
  growth: { color: "#38a169", label: "Growth" },
  mature: { color: "#2f6f4f", label: "Mature" },
  retiring: { color: "#dd8a22", label: "Retiring" },
  withdrawn: { color: "#a23b3b", label: "Withdrawn" },
};

/** Distinct, readable colours handed to owners in order of their names. */
const OWNER_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f"];

export type LegendEntry = { color: string; label: string };

/** The leading owner of a box: the accountable one, else the highest tier. */
function leadOwner(element: ElementNode) {
  return element.owners[0] ?? null; // the core sends accountable first, then by tier
}

/** Owner colours for one map: each person gets one, in name order, so a map reads the same every time. */
export function ownerColors(nodes: ElementNode[]): Map<string, LegendEntry> {
  const people = new Map<string, string>();
  for (const node of nodes) {
    const owner = leadOwner(node);
    if (owner) people.set(owner.person_id, owner.name);
  }
  const sorted = [...people.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return new Map(sorted.map(([id, name], i) => [id, { color: OWNER_PALETTE[i % OWNER_PALETTE.length], label: name }]));
}

export function colorOf(element: ElementNode, by: ColorBy, owners: Map<string, LegendEntry>): string {
  if (by === "kind") return kindColor(element.kind);
  const lead = leadOwner(element);
  if (by === "tier") return lead ? tierColor(lead.tier) : NONE_COLOR;
  if (by === "owner") return (lead && owners.get(lead.person_id)?.color) || NONE_COLOR;
  return (element.lifecycle && LIFECYCLE_COLORS[element.lifecycle]?.color) || NONE_COLOR;
}

/** What each colour on the map means, only for what the map has. */
export function legendFor(nodes: ElementNode[], by: ColorBy): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  const none = { tier: "No owner", owner: "No owner", lifecycle: "Not set", kind: "" }[by];
  let missing = false;
  if (by === "owner") return [...ownerColors(nodes).values(), ...(nodes.some((n) => !leadOwner(n)) ? [{ color: NONE_COLOR, label: none }] : [])];
  for (const node of nodes) {
    if (by === "kind") entries.set(node.kind, { color: kindColor(node.kind), label: node.kind_label });
    else if (by === "tier") {
      const lead = leadOwner(node);
      if (lead) entries.set(String(lead.tier), { color: TIER_COLORS[lead.tier] ?? NONE_COLOR, label: `Tier ${lead.tier}: ${lead.role_label}` });
      else missing = true;
    } else if (node.lifecycle && LIFECYCLE_COLORS[node.lifecycle]) entries.set(node.lifecycle, LIFECYCLE_COLORS[node.lifecycle]);
    else missing = true;
  }
  const order = by === "lifecycle" ? Object.keys(LIFECYCLE_COLORS) : [...entries.keys()].sort();
  const list = order.filter((k) => entries.has(k)).map((k) => entries.get(k)!);
  return missing ? [...list, { color: NONE_COLOR, label: none }] : list;
}
