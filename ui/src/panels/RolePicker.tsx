import { useState } from "react";
import { TIER_COLORS } from "../editor/palette";

export const ROLES = [
  { role: "business_owner", label: "Business owner", tier: 1 },
  { role: "product_manager", label: "Product manager", tier: 2 },
  { role: "product_owner", label: "Product owner", tier: 3 },
  { role: "service_owner", label: "Service owner", tier: 3 },
];

type Props = { person: string; target: string; onPick: (role: string, accountable: boolean) => void; onCancel: () => void };

/** Which role a person dropped on an element or group takes. */
export function RolePicker({ person, target, onPick, onCancel }: Props) {
  const [accountable, setAccountable] = useState(true);
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="dialog role-picker" role="dialog" aria-modal="true" aria-labelledby="role-title" data-testid="role-picker">
        <h2 id="role-title">
          {person} owns {target} as…
        </h2>
        <div className="roles">
          {ROLES.map((r) => (
            <button key={r.role} onClick={() => onPick(r.role, accountable)} data-testid={`role-${r.role}`} autoFocus={r.tier === 3 && r.role === "product_owner"}>
              <span className="legend-badge" style={{ background: TIER_COLORS[r.tier] }}>
                {r.tier}
              </span>
              {r.label}
            </button>
          ))}
        </div>
        <label className="accountable">
          <input type="checkbox" checked={accountable} onChange={(e) => setAccountable(e.target.checked)} />
          Accountable (the one who decides); otherwise a delegate
        </label>
        <footer className="dialog-actions">
          <button onClick={onCancel}>Cancel</button>
        </footer>
      </div>
    </div>
  );
}
