// The outline beside the canvas: the map's hierarchy as the core gives it
// (MapView.outline), as a WAI-ARIA tree a screen reader can read and edit.
// Arrows move and fold, Enter adds a sibling, Tab / Shift+Tab indent and
// outdent, typing or F2 renames, Alt+↑/↓ reorders, Delete takes the item off
// the map, and pasting an indented list builds it below. Selecting here
// selects on the canvas and the other way round. Every edit is the core's,
// one undo step each; this panel only says which item and which key.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MapView, OutlineItem } from "../ipc/bindings";
import type { Selection } from "../editor/selection";
import { ancestorsOf, asTyped, outlineKey, positionsInSet, visibleItems, type OutlineAction } from "../editor/outlineKeys";

/** The edits the panel asks for; each resolves once the map shows the result. */
export type OutlineEdits = {
  /** A new element after the item (null: the map's first); resolves to its id. */
  add: (afterId: string | null) => Promise<string | null>;
  indent: (id: string) => Promise<unknown>;
  outdent: (id: string) => Promise<unknown>;
  move: (id: string, direction: "up" | "down") => Promise<unknown>;
  rename: (item: OutlineItem, name: string) => Promise<unknown>;
  remove: (item: OutlineItem) => Promise<unknown>;
  /** An indented list after the item; resolves to the new ids in order. */
  paste: (atId: string | null, text: string) => Promise<string[] | null>;
};

type Props = {
  view: MapView;
  selection: Selection;
  readOnly: boolean;
  edits: OutlineEdits;
  /** Selects these on the canvas. */
  onSelect: (ids: string[]) => void;
  /** Gives the keyboard back to the map (Escape). */
  onLeave: () => void;
  onClose: () => void;
  /** Changes when the outline is asked for by key (Ctrl+Shift+O): it takes the keyboard. */
  focusRequest?: number;
};

type Editing = { id: string; text: string; selectAll: boolean };

/** The last request for the keyboard that a panel took. */
let focusTaken = 0;

/** The line of an item in the drawn tree. */
function lineOf(tree: HTMLElement | null, id: string): HTMLElement | null {
  return [...(tree?.querySelectorAll<HTMLElement>("[data-id]") ?? [])].find((line) => line.dataset.id === id) ?? null;
}

export function OutlinePanel({ view, selection, readOnly, edits, onSelect, onLeave, onClose, focusRequest = 0 }: Props) {
  const items = view.outline;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useRef<HTMLUListElement>(null);
  const trap = useRef<HTMLTextAreaElement>(null);
  // Whether the keyboard was in the tree, so it stays on the active line when the lines change.
  const keyboardHere = useRef(false);
  const visible = useMemo(() => visibleItems(items, collapsed), [items, collapsed]);
  const positions = useMemo(() => positionsInSet(items), [items]);
  const selected = useMemo(() => new Set([...selection.elements, ...selection.groups]), [selection]);
  const active = items.find((i) => i.id === activeId) ?? null;
  // The line that takes Tab when the tree is entered: the active one, else the first.
  // When the active line is gone (undone, deleted elsewhere), the line now at its place takes over.
  const lastIndex = useRef(0);
  const activeIndex = active ? visible.findIndex((i) => i.id === active.id) : -1;
  if (activeIndex >= 0) lastIndex.current = activeIndex;
  const tabStop = activeIndex >= 0 ? visible[activeIndex].id : (visible[Math.min(lastIndex.current, visible.length - 1)]?.id ?? null);

  // Where the active line now is, said to a screen reader when an edit moves it
  // (the keyboard stays on the same line, which a reader would not announce again).
  const [said, setSaid] = useState("");
  const place = active ? `${active.depth}|${active.parent_id ?? ""}|${active.kind}` : "";
  const lastPlace = useRef<{ id: string | null; place: string }>({ id: null, place: "" });
  useEffect(() => {
    const before = lastPlace.current;
    lastPlace.current = { id: active?.id ?? null, place };
    if (!active || before.id !== active.id || before.place === place) return;
    const parent = items.find((i) => i.id === active.parent_id);
    setSaid(`${active.name}, ${active.kind_label}, level ${active.depth + 1}${parent ? `, under ${parent.name}` : ""}`);
  }, [active, place, items]);

  // What is selected on the canvas becomes the active line, with its parents unfolded.
  const selectedFirst = selection.elements[0] ?? selection.groups[0] ?? null;
  useEffect(() => {
    if (!selectedFirst || !items.some((i) => i.id === selectedFirst)) return;
    setActiveId((current) => (current === selectedFirst ? current : selectedFirst));
  }, [selectedFirst, items]);

  // The active line always shows: its parents unfold (after a Tab under a folded item, too).
  useEffect(() => {
    if (!activeId) return;
    const parents = ancestorsOf(items, activeId);
    if (parents.some((p) => collapsed.has(p))) setCollapsed((current) => new Set([...current].filter((id) => !parents.includes(id))));
  }, [activeId, items, collapsed]);

  // The keyboard follows the active line when the lines are drawn anew.
  useLayoutEffect(() => {
    if (!keyboardHere.current || editing || !tabStop) return;
    const line = lineOf(tree.current, tabStop);
    if (line && document.activeElement !== line) line.focus();
  }, [tabStop, visible, editing]);

  // Shown by key: the keyboard goes to the active line (or the empty tree, where Enter starts).
  useEffect(() => {
    // A request is taken once: the panel shown again later (after presenting) leaves the keyboard where it is.
    if (focusRequest <= focusTaken) return;
    focusTaken = focusRequest;
    keyboardHere.current = true;
    const target = tabStop ? lineOf(tree.current, tabStop) : tree.current;
    target?.focus();
    // Only a new request moves the keyboard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const focusLine = useCallback(
    (id: string) => {
      setActiveId(id);
      onSelect([id]);
    },
    [onSelect],
  );

  const startRename = useCallback((item: OutlineItem, initial: string | null) => {
    setEditing({ id: item.id, text: initial ?? item.name, selectAll: initial === null });
  }, []);

  const act = useCallback(
    async (action: OutlineAction) => {
      switch (action.do) {
        case "focus":
          return focusLine(action.id);
        case "expand":
          return setCollapsed((current) => new Set([...current].filter((id) => id !== action.id)));
        case "collapse":
          return setCollapsed((current) => new Set([...current, action.id]));
        case "leave":
          keyboardHere.current = false;
          return onLeave();
      }
      if (action.do === "add") {
        const created = await edits.add(active?.id ?? null);
        if (created) {
          focusLine(created);
          setEditing({ id: created, text: "", selectAll: false });
        }
        return;
      }
      if (!active) return;
      if (action.do === "indent") return void (await edits.indent(active.id));
      if (action.do === "outdent") return void (await edits.outdent(active.id));
      if (action.do === "move") return void (await edits.move(active.id, action.direction));
      if (action.do === "rename") return startRename(active, action.initial);
      if (action.do === "delete") {
        // The line after it (or before it) takes the keyboard.
        const at = visible.findIndex((i) => i.id === active.id);
        const next = visible.slice(at + 1).find((i) => !ancestorsOf(items, i.id).includes(active.id)) ?? visible[at - 1] ?? null;
        await edits.remove(active);
        if (next) focusLine(next.id);
      }
    },
    [active, edits, focusLine, onLeave, startRename, visible, items],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== event.currentTarget && (event.target as HTMLElement).closest("input")) return;
    // Ctrl+V: the text goes through a field of our own, since a tree line is no place to paste into.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "v" && !readOnly) {
      event.stopPropagation();
      trap.current?.focus();
      // Nothing to paste: the keyboard comes back to the line.
      window.setTimeout(() => {
        if (document.activeElement === trap.current) returnToLine();
      }, 400);
      return;
    }
    const action = outlineKey(event, visible, tabStop, collapsed, readOnly);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    void act(action);
  };

  const returnToLine = useCallback(() => {
    if (!tabStop) return;
    lineOf(tree.current, tabStop)?.focus();
  }, [tabStop]);

  const pasted = useCallback(
    async (text: string) => {
      returnToLine();
      const created = await edits.paste(active?.id ?? null, text);
      if (created && created.length > 0) focusLine(created[0]);
    },
    [edits, active, focusLine, returnToLine],
  );

  const onPaste = (event: React.ClipboardEvent) => {
    const text = event.clipboardData.getData("text/plain");
    event.preventDefault();
    event.stopPropagation();
    if (readOnly || !text.trim()) return;
    void pasted(text);
  };

  const finishRename = useCallback(
    async (then: "stay" | "indent" | "outdent" | "add" | null, store: boolean) => {
      const current = editing;
      setEditing(null);
      keyboardHere.current = true;
      const item = current ? items.find((i) => i.id === current.id) : null;
      if (!current || !item) return;
      const name = current.text.trim();
      // Asked for together, so they queue in this order before any key pressed meanwhile.
      const steps: Promise<unknown>[] = [];
      if (store && name !== "" && name !== item.name) steps.push(edits.rename(item, name));
      if (then === "indent") steps.push(edits.indent(item.id));
      if (then === "outdent") steps.push(edits.outdent(item.id));
      await Promise.all(steps);
    },
    [editing, items, edits],
  );

  return (
    <section className="outline-panel" aria-label="Outline" data-testid="outline">
      <div className="outline-head">
        <span className="outline-title" id="outline-title">
          Outline
        </span>
        <button onClick={onClose} aria-label="Hide the outline (Ctrl+Shift+O)" title="Hide the outline (Ctrl+Shift+O)">
          ×
        </button>
      </div>
      <p className="outline-help" id="outline-help">
        {readOnly ? "Arrows move, ← → fold." : "Enter adds, Tab indents, Shift+Tab outdents, type to rename, Alt+↑↓ reorders, Ctrl+V pastes a list, Esc goes to the map."}
      </p>
      <ul
        ref={tree}
        role="tree"
        aria-labelledby="outline-title"
        aria-describedby="outline-help"
        aria-multiselectable="true"
        className="outline-tree"
        tabIndex={visible.length === 0 ? 0 : undefined}
        data-testid="outline-tree"
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onFocus={() => (keyboardHere.current = true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== trap.current) keyboardHere.current = false;
        }}
      >
        {visible.length === 0 ? (
          <li className="outline-empty" role="none">
            {readOnly ? (
              "Nothing on this map yet."
            ) : (
              <button className="outline-start" onClick={() => void act({ do: "add" })} data-testid="outline-start">
                Start the outline (Enter)
              </button>
            )}
          </li>
        ) : null}
        {visible.map((item) => {
          const place = positions.get(item.id);
          const folded = collapsed.has(item.id);
          const isEditing = editing?.id === item.id;
          return (
            <li
              key={item.id}
              role="treeitem"
              data-id={item.id}
              data-testid="outline-item"
              aria-level={item.depth + 1}
              aria-posinset={place?.pos}
              aria-setsize={place?.size}
              aria-expanded={item.children > 0 ? !folded : undefined}
              aria-selected={selected.has(item.id)}
              aria-label={`${item.name}, ${item.kind_label}`}
              tabIndex={item.id === tabStop ? 0 : -1}
              className={`outline-item${item.id === tabStop ? " active" : ""}`}
              style={{ paddingLeft: 6 + item.depth * 16 }}
              onClick={() => focusLine(item.id)}
              onDoubleClick={() => !readOnly && startRename(item, null)}
            >
              <span
                className="outline-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  if (item.children > 0) void act(folded ? { do: "expand", id: item.id } : { do: "collapse", id: item.id });
                }}
              >
                {item.children > 0 ? (folded ? "▸" : "▾") : ""}
              </span>
              {isEditing ? (
                <NameField
                  editing={editing}
                  onChange={(text) => setEditing((current) => (current ? { ...current, text } : current))}
                  onDone={(then, store) => void finishRename(then, store)}
                />
              ) : (
                <span className="outline-name">{item.name}</span>
              )}
              <span className="outline-kind" aria-hidden="true">
                {item.kind_label}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="outline-said" role="status" aria-live="polite" data-testid="outline-said">
        {said}
      </div>
      {/* Ctrl+V on a line lands here for a moment, so the pasted text can be read. */}
      <textarea ref={trap} className="outline-paste-trap" aria-hidden="true" tabIndex={-1} onPaste={onPaste} value="" onChange={() => undefined} data-testid="outline-paste-trap" />
    </section>
  );
}

function NameField({ editing, onChange, onDone }: { editing: Editing; onChange: (text: string) => void; onDone: (then: "stay" | "indent" | "outdent" | "add" | null, store: boolean) => void }) {
  const field = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useLayoutEffect(() => {
    const input = field.current;
    if (!input) return;
    input.focus();
    if (editing.selectAll) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
    // Only when this field opens; typing must not reselect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const finish = (then: "stay" | "indent" | "outdent" | "add" | null, store: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(then, store);
  };
  return (
    <input
      ref={field}
      className="outline-field"
      aria-label="Name"
      data-testid="outline-name-field"
      value={editing.text}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Enter") {
          event.preventDefault();
          finish("stay", true);
        } else if (event.key === "Escape") {
          event.preventDefault();
          finish(null, false);
        } else if (asTyped(event) === "Tab") {
          event.preventDefault();
          finish(event.shiftKey ? "outdent" : "indent", true);
        }
      }}
      onBlur={() => finish(null, true)}
    />
  );
}
