import { memo } from "react";
import type { NodeProps, Node } from "@xyflow/react";
import type { GroupNodeData } from "../../editor/flowModel";
import { OwnerBadges } from "./OwnerBadges";

/** A container: its name and kind in the header, owners beside them. */
export const GroupNodeView = memo(function GroupNodeView({ data, selected }: NodeProps<Node<GroupNodeData, "container">>) {
  const { group, dropTarget } = data;
  const classes = ["group-node", `group-${group.kind}`, selected ? "selected" : "", dropTarget ? "drop-target" : ""];
  return (
    <div className={classes.join(" ").trim()}>
      <div className="group-header">
        <span className="group-name">{group.name}</span>
        <span className="group-kind">{group.kind_label}</span>
        <OwnerBadges owners={group.owners} />
      </div>
    </div>
  );
});
