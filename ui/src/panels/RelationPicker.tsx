import { RELATION_STYLES } from "../editor/palette";
import { RELATION_KINDS } from "../editor/relations";

type Props = { source: string; target: string; suggested: string; onPick: (kind: string) => void; onCancel: () => void };

/** What a line drawn from one element to another means. */
export function RelationPicker({ source, target, suggested, onPick, onCancel }: Props) {
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="dialog relation-picker" role="dialog" aria-modal="true" aria-labelledby="relation-title" data-testid="relation-picker">
        <h2 id="relation-title">Connect {source} to {target}</h2>
        <div className="relation-choices">
          {RELATION_KINDS.map((kind) => {
            const style = RELATION_STYLES[kind];
            return (
              <button key={kind} className={kind === suggested ? "relation-choice suggested" : "relation-choice"} onClick={() => onPick(kind)} autoFocus={kind === suggested} data-testid={`relation-${kind}`}>
                <svg width="40" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="39" y2="5" stroke={style.stroke} strokeWidth="2" strokeDasharray={style.dash} />
                </svg>
                <span>
                  {source} <strong>{style.label}</strong> {target}
                </span>
              </button>
            );
          })}
        </div>
        <footer className="dialog-actions">
          <button onClick={onCancel}>Cancel</button>
        </footer>
      </div>
    </div>
  );
}
