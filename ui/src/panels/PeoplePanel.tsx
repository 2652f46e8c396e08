import { useCallback } from "react";
import type { PersonSummary } from "../ipc/bindings";
import { usePointerDrag } from "./usePointerDrag";

/** The document's people; drag one onto an element or a group to make them an owner. */
export function PeoplePanel({ people, disabled, onDrop }: { people: PersonSummary[]; disabled: boolean; onDrop: (personId: string, clientX: number, clientY: number) => void }) {
  const drop = useCallback((person: PersonSummary, x: number, y: number) => onDrop(person.id, x, y), [onDrop]);
  const { drag, start } = usePointerDrag<PersonSummary>(drop);
  return (
    <section className="people" aria-label="People: drag onto an element or group to make them an owner" data-testid="people">
      <h3 className="people-title">People</h3>
      {people.map((person) => (
        <div
          key={person.id}
          className={disabled ? "person disabled" : "person"}
          onPointerDown={disabled ? undefined : start(person)}
          title={`${person.name}: ${person.ownerships} ownership${person.ownerships === 1 ? "" : "s"}. Drag onto an element or group to make an owner.`}
          data-testid="person"
          data-person-id={person.id}
        >
          <span className="person-initials">{person.initials}</span>
          <span className="person-name">{person.name}</span>
        </div>
      ))}
      {drag ? (
        <div className="palette-ghost person-ghost" style={{ left: drag.x, top: drag.y }}>
          {drag.item.name}
        </div>
      ) : null}
    </section>
  );
}
