import { useCallback, useState } from "react";
import type { PersonSummary } from "../ipc/bindings";
import { usePointerDrag } from "./usePointerDrag";
import { RenameInput } from "../canvas/nodes/RenameInput";
import { counted } from "../editor/wording";

type Props = {
  people: PersonSummary[];
  disabled: boolean;
  onDrop: (personId: string, clientX: number, clientY: number) => void;
  onAdd: (name: string) => void;
  onRename: (personId: string, name: string) => void;
  onRemove: (person: PersonSummary) => void;
};

/**
 * The document's people. Drag one onto an element or a group to make them an
 * owner. Add a person, rename one (F2 or double-click) or remove one (Delete:
 * their ownerships go with them, and Ctrl+Z brings both back).
 */
export function PeoplePanel({ people, disabled, onDrop, onAdd, onRename, onRemove }: Props) {
  const drop = useCallback((person: PersonSummary, x: number, y: number) => onDrop(person.id, x, y), [onDrop]);
  const { drag, start } = usePointerDrag<PersonSummary>(drop);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <section className="people" aria-label="People: drag onto an element or group to make them an owner" data-testid="people">
      <h3 className="people-title">
        People
        <button className="people-add" disabled={disabled} onClick={() => setAdding(true)} title="Add a person (they get no box on the map)" data-testid="add-person">
          + Add
        </button>
      </h3>
      {adding ? (
        <RenameInput
          name=""
          label="New person's name"
          className="person-name-input"
          testId="new-person-input"
          onDone={(name) => {
            setAdding(false);
            if (name && name.trim() !== "") onAdd(name.trim());
          }}
        />
      ) : null}
      {people.map((person) =>
        renaming === person.id ? (
          <RenameInput
            key={person.id}
            name={person.name}
            label={`Rename ${person.name}`}
            className="person-name-input"
            testId="person-rename-input"
            onDone={(name) => {
              setRenaming(null);
              if (name && name.trim() !== "" && name.trim() !== person.name) onRename(person.id, name.trim());
            }}
          />
        ) : (
          <div
            key={person.id}
            className={disabled ? "person disabled" : "person"}
            tabIndex={disabled ? -1 : 0}
            onPointerDown={disabled ? undefined : start(person)}
            onDoubleClick={() => !disabled && setRenaming(person.id)}
            onKeyDown={(e) => {
              if (disabled) return;
              if (e.key === "F2" || e.key === "Enter") {
                e.preventDefault();
                e.stopPropagation();
                setRenaming(person.id);
              } else if (e.key === "Delete" || e.key === "Backspace") {
                e.preventDefault();
                e.stopPropagation();
                onRemove(person);
              }
            }}
            title={`${person.name}: ${counted(person.ownerships, "ownership")}. Drag onto an element or group to make an owner; F2 renames, Delete removes.`}
            data-testid="person"
            data-person-id={person.id}
          >
            <span className="person-initials">{person.initials}</span>
            <span className="person-name">{person.name}</span>
          </div>
        ),
      )}
      {drag ? (
        <div className="palette-ghost person-ghost" style={{ left: drag.x, top: drag.y }}>
          {drag.item.name}
        </div>
      ) : null}
    </section>
  );
}
