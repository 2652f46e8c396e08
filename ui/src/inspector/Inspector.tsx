import { useEffect, useState } from "react";
import type { ElementDetails, ElementPatch, KpiRow, MapView } from "../ipc/bindings";
import { core } from "../ipc/api";
import type { Selection } from "../canvas/MapCanvas";
import { PALETTE } from "../panels/Palette";
import { RELATION_KINDS } from "../editor/relations";
import { RELATION_STYLES } from "../editor/palette";
import { CommitArea, CommitCell, CommitText, LifecycleSelect, tagsFrom } from "./fields";
import { KpiTable } from "./KpiTable";
import { OwnerList } from "./OwnerList";
import { counted } from "../editor/wording";

/** What the inspector can change; each is one undo step in the core. */
export type InspectorActions = {
  update: (patch: ElementPatch) => void;
  putKpi: (row: KpiRow) => void;
  deleteKpi: (kpiId: string) => void;
  changeOwner: (ownershipId: string, role: string, accountable: boolean) => void;
  removeOwner: (ownershipId: string) => void;
  renameGroup: (groupId: string, name: string) => void;
  setCollapsed: (groupId: string, collapsed: boolean) => void;
  dissolveGroup: (groupId: string) => void;
  setRelationKind: (relationId: string, kind: string) => void;
  deleteRelation: (relationId: string) => void;
  goToMap: (mapId: string) => void;
};

type Props = { selection: Selection; view: MapView; revision: number; readOnly: boolean; actions: InspectorActions; onClose: () => void };

const ELEMENT_KINDS = PALETTE.filter((p) => p.kind !== "person" && p.kind !== "group");

/** The selection's properties: one element whole, several at once, a group or a relation. */
export function Inspector({ selection, view, revision, readOnly, actions, onClose }: Props) {
  const { elements, groups, edges } = selection;
  let body: React.ReactNode = <p className="muted">Select a box, a group or a line to see and change it here.</p>;
  if (elements.length === 1) body = <ElementInspector id={elements[0]} revision={revision} readOnly={readOnly} actions={actions} />;
  else if (elements.length > 1) body = <SeveralInspector ids={elements} view={view} readOnly={readOnly} actions={actions} />;
  else if (groups.length === 1) body = <GroupInspector id={groups[0]} view={view} readOnly={readOnly} actions={actions} />;
  else if (edges.length === 1) body = <RelationInspector id={edges[0]} view={view} readOnly={readOnly} actions={actions} />;
  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <header className="panel-header">
        <h3>Inspector</h3>
        <button className="icon" onClick={onClose} aria-label="Hide the inspector" title="Hide the inspector">
          ×
        </button>
      </header>
      {body}
    </section>
  );
}

function ElementInspector({ id, revision, readOnly, actions }: { id: string; revision: number; readOnly: boolean; actions: InspectorActions }) {
  const [details, setDetails] = useState<ElementDetails | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    core.elementDetails(id).then(
      (d) => current && (setDetails(d), setFailed(null)),
      (e) => current && setFailed(String(e.message ?? e)),
    );
    return () => {
      current = false;
    };
  }, [id, revision]);
  if (failed) return <p className="muted">{failed}</p>;
  if (!details || details.id !== id) return <p className="muted">Loading…</p>;
  const patch = (fields: Omit<ElementPatch, "element_ids">) => actions.update({ element_ids: [id], ...fields });
  const isPerson = details.kind === "person";
  return (
    <div className="inspector-body" data-testid="element-inspector" data-element-id={id}>
      <CommitText label="Name" value={details.name} onCommit={(name) => patch({ name })} disabled={readOnly} testId="inspector-name" />
      <label className="field">
        <span className="field-label">Kind</span>
        <select value={details.kind} disabled={readOnly || isPerson} onChange={(e) => patch({ kind: e.target.value })} data-testid="inspector-kind">
          {(isPerson ? PALETTE.filter((p) => p.kind === "person") : ELEMENT_KINDS).map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <CommitArea label="Description" value={details.description} onCommit={(description) => patch({ description })} disabled={readOnly} testId="inspector-description" />
      <div className="field-row">
        <LifecycleSelect value={details.lifecycle ?? ""} disabled={readOnly} onChange={(lifecycle) => patch({ lifecycle })} testId="inspector-lifecycle" />
        <label className="check field-check" title="Run or supplied outside the organization">
          <input type="checkbox" checked={details.external} disabled={readOnly} onChange={(e) => patch({ external: e.target.checked })} data-testid="inspector-external" />
          External
        </label>
      </div>
      <CommitText label="Tags (comma-separated)" value={details.tags.join(", ")} onCommit={(text) => patch({ tags: tagsFrom(text) })} disabled={readOnly} testId="inspector-tags" />
      <h4>Owners</h4>
      <OwnerList owners={details.owners} disabled={readOnly} onChange={actions.changeOwner} onRemove={actions.removeOwner} />
      {isPerson ? null : (
        <>
          <h4>KPIs</h4>
          <KpiTable elementId={id} kpis={details.kpis} disabled={readOnly} onPut={actions.putKpi} onDelete={actions.deleteKpi} />
        </>
      )}
      <h4>Custom properties</h4>
      <Properties details={details} readOnly={readOnly} onCommit={(properties) => patch({ properties })} />
      <h4>On maps</h4>
      <div className="chips">
        {details.maps.map((m) => (
          <button key={m.id} className="chip" onClick={() => actions.goToMap(m.id)} title={`Open ${m.name}`}>
            {m.name}
          </button>
        ))}
      </div>
    </div>
  );
}

function Properties({ details, readOnly, onCommit }: { details: ElementDetails; readOnly: boolean; onCommit: (p: { key: string; value: string }[]) => void }) {
  const rows = [...details.properties, { key: "", value: "" }];
  const set = (index: number, field: "key" | "value", text: string) => {
    const next = rows.map((row, i) => (i === index ? { ...row, [field]: text } : row));
    onCommit(next.filter((row) => row.key.trim() !== "" || row.value.trim() !== ""));
  };
  return (
    <div className="properties" data-testid="properties">
      {rows.map((row, i) => (
        <div className="property-row" key={`${i}-${row.key}`}>
          <CommitCell value={row.key} label="Property" placeholder="Property" disabled={readOnly} onCommit={(t) => set(i, "key", t)} />
          <CommitCell value={row.value} label="Value" placeholder="Value" disabled={readOnly} onCommit={(t) => set(i, "value", t)} />
        </div>
      ))}
    </div>
  );
}


/** Several elements: change what they can share (kind, lifecycle, external, a tag) in one step. */
function SeveralInspector({ ids, view, readOnly, actions }: { ids: string[]; view: MapView; readOnly: boolean; actions: InspectorActions }) {
  const chosen = view.nodes.filter((n) => ids.includes(n.id));
  const shared = <T,>(pick: (n: (typeof chosen)[number]) => T): T | "mixed" => (chosen.length > 0 && chosen.every((n) => pick(n) === pick(chosen[0])) ? pick(chosen[0]) : "mixed");
  const kind = shared((n) => n.kind);
  const lifecycle = shared((n) => n.lifecycle ?? "");
  const external = shared((n) => n.external);
  const [tag, setTag] = useState("");
  const people = chosen.some((n) => n.kind === "person");
  const patch = (fields: Omit<ElementPatch, "element_ids">) => actions.update({ element_ids: chosen.map((n) => n.id), ...fields });
  return (
    <div className="inspector-body" data-testid="several-inspector">
      <p>
        <strong>{counted(chosen.length, "element")}</strong> selected: changes apply to all of them, in one undo step.
      </p>
      <label className="field">
        <span className="field-label">Kind</span>
        <select value={kind} disabled={readOnly || people} onChange={(e) => patch({ kind: e.target.value })}>
          {kind === "mixed" ? <option value="mixed">Mixed</option> : null}
          {ELEMENT_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <LifecycleSelect value={lifecycle} disabled={readOnly} onChange={(value) => patch({ lifecycle: value })} testId="several-lifecycle" />
      <label className="field">
        <span className="field-label">External</span>
        <select value={String(external)} disabled={readOnly} onChange={(e) => patch({ external: e.target.value === "true" })}>
          {external === "mixed" ? <option value="mixed">Mixed</option> : null}
          <option value="false">No</option>
          <option value="true">Yes</option>
        </select>
      </label>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (tagsFrom(tag).length > 0) patch({ add_tags: tagsFrom(tag) });
          setTag("");
        }}
      >
        <span className="field-label">Add a tag to all</span>
        <input value={tag} disabled={readOnly} onChange={(e) => setTag(e.target.value)} placeholder="tag, another" />
      </form>
    </div>
  );
}

function GroupInspector({ id, view, readOnly, actions }: { id: string; view: MapView; readOnly: boolean; actions: InspectorActions }) {
  const group = view.groups.find((g) => g.id === id);
  if (!group) return null;
  const holds = view.nodes.filter((n) => n.group_id === id).length;
  return (
    <div className="inspector-body" data-testid="group-inspector">
      <CommitText label={`${group.kind_label} name`} value={group.name} onCommit={(name) => actions.renameGroup(id, name)} disabled={readOnly} testId="group-name" />
      <p className="muted">
        Holds {holds} element{holds === 1 ? "" : "s"}. Drag boxes in and out; moving it moves them.
      </p>
      <label className="check">
        <input type="checkbox" checked={group.collapsed} disabled={readOnly} onChange={(e) => actions.setCollapsed(id, e.target.checked)} data-testid="group-collapsed" />
        Collapsed to its title bar
      </label>
      <h4>Owners</h4>
      <OwnerList owners={group.owners} disabled={readOnly} onChange={actions.changeOwner} onRemove={actions.removeOwner} />
      <button className="danger-button" disabled={readOnly} onClick={() => actions.dissolveGroup(id)} title="Remove the group; what it holds stays on the map">
        Remove group, keep what it holds
      </button>
    </div>
  );
}

function RelationInspector({ id, view, readOnly, actions }: { id: string; view: MapView; readOnly: boolean; actions: InspectorActions }) {
  const edge = view.edges.find((e) => e.id === id);
  if (!edge) return null;
  const name = (nodeId: string) => view.nodes.find((n) => n.id === nodeId)?.name ?? "?";
  return (
    <div className="inspector-body" data-testid="relation-inspector">
      <p>
        <strong>{name(edge.source)}</strong> {edge.kind_label} <strong>{name(edge.target)}</strong>
      </p>
      <label className="field">
        <span className="field-label">Relation</span>
        <select value={edge.kind} disabled={readOnly} onChange={(e) => actions.setRelationKind(id, e.target.value)} data-testid="relation-kind">
          {RELATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {RELATION_STYLES[k]?.label ?? k}
            </option>
          ))}
        </select>
      </label>
      <button className="danger-button" disabled={readOnly} onClick={() => actions.deleteRelation(id)} data-testid="relation-delete">
        Delete relation (Delete)
      </button>
    </div>
  );
}
