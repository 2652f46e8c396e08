import { useState } from "react";
import type { KpiRow } from "../ipc/bindings";
import { CommitCell } from "./fields";

type Props = { elementId: string; kpis: KpiRow[]; disabled: boolean; onPut: (row: KpiRow) => void; onDelete: (kpiId: string) => void };

const EMPTY = { name: "", value_source: "", objective: "", collection_method: "", target: "", current_value: "" };

/** An element's KPIs as a table: name, target and current value in the row, the rest when a row is opened. */
export function KpiTable({ elementId, kpis, disabled, onPut, onDelete }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const [draftName, setDraftName] = useState("");
  return (
    <div className="kpi-table" data-testid="kpi-table">
      <table>
        <thead>
          <tr>
            <th>KPI</th>
            <th>Target</th>
            <th>Now</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => {
            const put = (field: keyof typeof EMPTY) => (value: string) => onPut({ ...kpi, [field]: value });
            const id = kpi.id ?? "";
            return [
              <tr key={id} data-testid="kpi-row">
                <td>
                  <CommitCell value={kpi.name} onCommit={put("name")} disabled={disabled} label="KPI name" />
                </td>
                <td>
                  <CommitCell value={kpi.target} onCommit={put("target")} disabled={disabled} label="Target" />
                </td>
                <td>
                  <CommitCell value={kpi.current_value} onCommit={put("current_value")} disabled={disabled} label="Current value" />
                </td>
                <td className="row-actions">
                  <button className="icon" onClick={() => setOpen(open === id ? null : id)} aria-label="More about this KPI" title="Source, objective, collection">
                    {open === id ? "▴" : "▾"}
                  </button>
                  <button className="icon" disabled={disabled} onClick={() => onDelete(id)} aria-label={`Delete KPI ${kpi.name}`} title="Delete this KPI">
                    ×
                  </button>
                </td>
              </tr>,
              open === id ? (
                <tr key={`${id}-more`} className="kpi-more">
                  <td colSpan={4}>
                    <CommitCell value={kpi.value_source} onCommit={put("value_source")} disabled={disabled} label="Value source" placeholder="Value source" />
                    <CommitCell value={kpi.objective} onCommit={put("objective")} disabled={disabled} label="Objective" placeholder="Objective" />
                    <CommitCell value={kpi.collection_method} onCommit={put("collection_method")} disabled={disabled} label="Collection method" placeholder="How it is collected" />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      {disabled ? null : (
        <form
          className="kpi-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (draftName.trim() === "") return;
            onPut({ ...EMPTY, id: null, element_id: elementId, name: draftName });
            setDraftName("");
          }}
        >
          <input value={draftName} onChange={(e) => setDraftName(e.target.value)} placeholder="New KPI name" aria-label="New KPI name" data-testid="kpi-new" />
          <button type="submit">Add</button>
        </form>
      )}
    </div>
  );
}
