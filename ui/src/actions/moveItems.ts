// The "move" action: after a drag, where each dragged item landed (group and
// position), as the core's ItemMove list. Pure; the canvas sends the result.
import type { ItemMove } from "../ipc/bindings";
import { indexItems, landing, type Item } from "../editor/geometry";

export function planMoves(items: Item[], draggedIds: string[]): ItemMove[] {
  const byId = indexItems(items);
  const dragged = new Set(draggedIds);
  return draggedIds
    // An item dragged along with its group keeps its place inside that group.
    .filter((id) => {
      const parent = byId.get(id)?.parentId;
      return !(parent && dragged.has(parent));
    })
    .flatMap((id) => {
      const item = byId.get(id);
      if (!item) return [];
      const { groupId, position } = landing(id, byId);
      return [{ id, item: item.kind, group_id: groupId, x: position.x, y: position.y }];
    });
}
