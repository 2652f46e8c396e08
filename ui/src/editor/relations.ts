// Which relation a person most likely means when they connect two elements,
// from their kinds (DOMAIN.md): the picker opens with it chosen.

export const RELATION_KINDS = ["rolls_up_to", "supports", "serves", "belongs_to", "delivered_by", "collaborates_with", "dotted_line"] as const;

const TECHNICAL = new Set(["application", "platform", "infrastructure"]);

export function suggestRelation(sourceKind: string, targetKind: string): string {
  if (sourceKind === "person" && targetKind === "person") return "collaborates_with";
  if (targetKind === "market_segment") return "serves";
  if (targetKind === "org_unit") return "belongs_to";
  if (targetKind === "team") return "delivered_by";
  if (TECHNICAL.has(sourceKind) && !TECHNICAL.has(targetKind)) return "supports";
  return "rolls_up_to";
}
