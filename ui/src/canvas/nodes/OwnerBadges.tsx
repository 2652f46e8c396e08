import type { OwnerBadge } from "../../ipc/bindings";
import { tierColor } from "../../editor/palette";

/** Owners as initials in their tier's colour; the accountable owner is solid, delegates outlined. */
export function OwnerBadges({ owners }: { owners: OwnerBadge[] }) {
  if (owners.length === 0) return null;
  return (
    <div className="owner-badges">
      {owners.map((owner) => (
        <span
          key={`${owner.person_id}-${owner.role}`}
          className={owner.accountable ? "owner-badge" : "owner-badge delegate"}
          style={{ "--tier": tierColor(owner.tier) } as React.CSSProperties}
          title={`${owner.name}: ${owner.role_label} (tier ${owner.tier})${owner.accountable ? ", accountable" : ", delegate"}`}
          data-testid="owner-badge"
          data-tier={owner.tier}
        >
          {owner.initials}
          <sup>{owner.tier}</sup>
        </span>
      ))}
    </div>
  );
}
