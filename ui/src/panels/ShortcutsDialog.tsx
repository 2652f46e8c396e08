import { SHORTCUT_LIST } from "../editor/shortcuts";

/** Help > Keyboard shortcuts: every key the window answers. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onClose()} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUT_LIST.map((s) => (
              <tr key={s.keys}>
                <th>
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="dialog-actions">
          <button className="primary" autoFocus onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </div>
  );
}
