import { RELATION_STYLES, TIER_COLORS } from "../editor/palette";

const TIER_NAMES: Record<number, string> = { 1: "Business owner", 2: "Product manager", 3: "Product / service owner" };

/** What the tier colours and line styles on the canvas mean. */
export function Legend({ relationKinds }: { relationKinds: string[] }) {
  return (
    <aside className="legend" aria-label="Legend">
      <div className="legend-title">Owners</div>
      {Object.entries(TIER_COLORS).map(([tier, color]) => (
        <div className="legend-row" key={tier}>
          <span className="legend-badge" style={{ background: color }}>{tier}</span>
          {TIER_NAMES[Number(tier)]}
        </div>
      ))}
      {relationKinds.length > 0 ? <div className="legend-title">Relations</div> : null}
      {relationKinds.map((kind) => {
        const style = RELATION_STYLES[kind];
        if (!style) return null;
        return (
          <div className="legend-row" key={kind}>
            <svg width="34" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="33" y2="5" stroke={style.stroke} strokeWidth="2" strokeDasharray={style.dash} />
            </svg>
            {style.label}
          </div>
        );
      })}
    </aside>
  );
}
