import type { OwnerBadge } from "../ipc/bindings";
import { tierColor } from "../editor/palette";
import { ROLES } from "../panels/RolePicker";

type Props = {
  owners: OwnerBadge[];
  disabled: boolean;
  onChange: (ownershipId: string, role: string, accountable: boolean) => void;
  onRemove: (ownershipId: string) => void;
};

/** The owners of an element or group: change the role, who leads, or remove one. */
export function OwnerList({ owners, disabled, onChange, onRemove }: Props) {
  if (owners.length === 0) return <p className="muted">No owner yet: drag a person from People onto the box.</p>;
  return (
    <ul className="owner-list" data-testid="owner-list">
      {owners.map((owner) => (
        <li key={owner.ownership_id} data-testid="owner-row">
          <span className="owner-badge" style={{ "--tier": tierColor(owner.tier) } as React.CSSProperties}>
            {owner.initials}
          </span>
          <span className="owner-name" title={owner.name}>
            {owner.name}
          </span>
          <select value={owner.role} disabled={disabled} aria-label={`Role of ${owner.name}`} onChange={(e) => onChange(owner.ownership_id, e.target.value, owner.accountable)}>
            {ROLES.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label} (tier {r.tier})
              </option>
            ))}
          </select>
          <label className="check" title="The accountable owner leads; the others are delegates">
            <input type="checkbox" checked={owner.accountable} disabled={disabled} onChange={(e) => onChange(owner.ownership_id, owner.role, e.target.checked)} />
            leads
          </label>
          <button className="icon" disabled={disabled} onClick={() => onRemove(owner.ownership_id)} aria-label={`Remove ${owner.name} as owner`} title="Remove this owner">
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
