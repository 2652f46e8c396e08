import { memo } from "react";
import { NodeResizer, type NodeProps, type Node } from "@xyflow/react";
import type { GroupNodeData } from "../../editor/flowModel";
import { OwnerBadges } from "./OwnerBadges";
import { RenameInput } from "./RenameInput";

/**
 * A container: its name and kind in the title bar, owners beside them, a
 * button to collapse it to the title bar, handles to resize it when
 * selected, and its name editable in place (double-click or F2).
 */
export const GroupNodeView = memo(function GroupNodeView({ id, data, selected }: NodeProps<Node<GroupNodeData, "container">>) {
  const { group, dropTarget, holds, renaming, extras } = data;
  const classes = ["group-node", `group-${group.kind}`, selected ? "selected" : "", dropTarget ? "drop-target" : "", group.collapsed ? "collapsed" : ""];
  return (
    <div className={classes.join(" ").trim()} data-collapsed={group.collapsed}>
      {!extras.readOnly && !group.collapsed ? (
        <NodeResizer
          isVisible={selected}
          minWidth={120}
          minHeight={80}
          lineClassName="group-resize-line"
          handleClassName="group-resize-handle"
          onResizeEnd={(_event, size) => extras.onResizeGroup(id, size.x, size.y, size.width, size.height)}
        />
      ) : null}
      <div className="group-header">
        <button
          className="group-toggle nodrag"
          onClick={() => extras.onToggleCollapse(group.id, !group.collapsed)}
          disabled={extras.readOnly}
          title={group.collapsed ? "Expand: show what it holds" : "Collapse to its title bar"}
          aria-label={group.collapsed ? "Expand group" : "Collapse group"}
          aria-expanded={!group.collapsed}
          data-testid="group-toggle"
        >
          {group.collapsed ? "▸" : "▾"}
        </button>
        {renaming ? (
          <RenameInput name={group.name} label="Group name" className="group-name-input" testId="group-rename-input" onDone={(name) => extras.onRename(group.id, name)} />
        ) : (
          <span className="group-name" title={group.name} onDoubleClick={() => !extras.readOnly && extras.onStartRename(group.id)}>
            {group.name}
          </span>
        )}
        <span className="group-kind">{group.collapsed ? `${group.kind_label} · ${holds} inside` : group.kind_label}</span>
        <OwnerBadges owners={group.owners} />
      </div>
    </div>
  );
});
