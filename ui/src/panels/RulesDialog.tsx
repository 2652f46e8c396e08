import { useState } from "react";
import type { RuleSettings } from "../ipc/bindings";

type Props = {
  initial: RuleSettings;
  onSave: (settings: RuleSettings) => void;
  onCancel: () => void;
};

/** Which rules run in this document and how severe each is. Saved in the document, undoable. */
export function RulesDialog({ initial, onSave, onCancel }: Props) {
  const [settings, setSettings] = useState<RuleSettings>(initial);
  const update = (index: number, change: Partial<RuleSettings["rules"][number]>) =>
    setSettings({ ...settings, rules: settings.rules.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  const threshold = (value: string) => Math.max(1, Math.round(Number(value) || 1));

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="rules-title" data-testid="rules-dialog">
        <h2 id="rules-title">Validation rules for this document</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th>On</th>
              <th>Rule</th>
              <th>Severity</th>
            </tr>
          </thead>
          <tbody>
            {settings.rules.map((rule, index) => (
              <tr key={rule.rule} title={rule.explanation}>
                <td>
                  <input type="checkbox" checked={rule.enabled} onChange={(e) => update(index, { enabled: e.target.checked })} aria-label={`Run ${rule.title}`} />
                </td>
                <td>
                  {rule.title} <code>{rule.rule}</code>
                </td>
                <td>
                  <select value={rule.severity} onChange={(e) => update(index, { severity: e.target.value })} disabled={!rule.enabled} aria-label={`Severity of ${rule.title}`}>
                    <option value="error">Error</option>
                    <option value="warning">Warning</option>
                    <option value="info">Info</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="thresholds">
          <label>
            A product owner is overloaded past
            <input type="number" min={1} value={settings.max_products_per_owner} onChange={(e) => setSettings({ ...settings, max_products_per_owner: threshold(e.target.value) })} />
            products or services
          </label>
          <label>
            or past
            <input type="number" min={1} value={settings.max_teams_per_owner} onChange={(e) => setSettings({ ...settings, max_teams_per_owner: threshold(e.target.value) })} />
            teams
          </label>
        </div>
        <footer className="dialog-actions">
          <button onClick={onCancel}>Cancel</button>
          <button className="primary" onClick={() => onSave(settings)} data-testid="rules-save">
            Save rules
          </button>
        </footer>
      </div>
    </div>
  );
}
