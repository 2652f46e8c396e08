import { RELATION_STYLES, TIER_COLORS } from "../editor/palette";

const TIER_NAMES: Record<number, string> = { 1: "Business owner", 2: "Product manager", 3: "Product / service owner" };
import { COLOR_BY_LABELS, type ColorBy, type LegendEntry } from "../editor/colorBy";

type Props = { relationKinds: string[]; colorBy: ColorBy; colors: LegendEntry[]; onColorBy: (by: ColorBy) => void; presenting: boolean };

/** What the box colours and line styles on the canvas mean; the colouring is chosen here too. */
export function Legend({ relationKinds, colorBy, colors, onColorBy, presenting }: Props) {
  return (
    <aside className="legend" aria-label="Legend" data-testid="legend">
      <div className="legend-title">
        {presenting ? (
          `Colour: ${COLOR_BY_LABELS[colorBy]}`
        ) : (
          <label>
            Colour by{" "}
            <select value={colorBy} onChange={(e) => onColorBy(e.target.value as ColorBy)} data-testid="color-by">
              {Object.entries(COLOR_BY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {colors.map((entry) => (
        <div className="legend-row" key={entry.label} data-testid="legend-color">
          <span className="legend-swatch" style={{ background: entry.color }} />
          {entry.label}
        </div>
      ))}
      <div className="legend-title">Owner badges</div>
      {Object.entries(TIER_COLORS).map(([tier, color]) => (
        <div className="legend-row" key={tier}>
          <span className="legend-badge" style={{ background: color }}>
            {tier}
          </span>
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
