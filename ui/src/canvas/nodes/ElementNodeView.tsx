import { memo } from "react";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { ElementNodeData } from "../../editor/flowModel";
import { OwnerBadges } from "./OwnerBadges";
import { NameCapture } from "./NameCapture";

/** An element's box: kind, name, owners, in the colour of the current colour-by. Memoised: only changed nodes re-render while dragging. */
export const ElementNodeView = memo(function ElementNodeView({ data, selected }: NodeProps<Node<ElementNodeData, "element">>) {
  const { element, badge, color, renaming, renameSeed, onRename, onStartRename } = data;
  return (
    <div
      className={selected ? "element-node selected" : "element-node"}
      style={{ "--kind": color } as React.CSSProperties}
      data-kind={element.kind}
    >
      <Handle type="target" position={Position.Top} className="handle" />
      {badge ? (
        <span className={`problem-badge ${badge.severity}`} title={badge.messages.join("\n")} data-testid="problem-badge" data-severity={badge.severity}>
          {badge.severity === "info" ? "i" : "!"}
          {badge.count > 1 ? <small>{badge.count}</small> : null}
        </span>
      ) : null}
      <div className="element-kind">
        {element.kind_label}
        {element.external ? <span className="external-tag">external</span> : null}
      </div>
      {renaming ? (
        <NameCapture elementId={element.id} name={element.name} seed={renameSeed} onDone={(line, choice) => onRename(element.id, line, choice)} />
      ) : (
        <div className="element-name" title={element.name} onDoubleClick={() => onStartRename(element.id)}>
          {element.name}
        </div>
      )}
      <OwnerBadges owners={element.owners} />
      <Handle type="source" position={Position.Bottom} className="handle" />
    </div>
  );
});
