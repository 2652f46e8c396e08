// What the side panels show besides the map: validation problems (of the
// map and of the document), the people and every element. Fetched after
// each change; the canvas never waits for them.
import { useEffect, useState } from "react";
import type { ElementSummary, PersonSummary, ProblemReport } from "../ipc/bindings";
import { core } from "../ipc/api";
import { asCoreError } from "./useDocument";

export function useSideData(open: boolean, activeMap: string | null, loads: number, revision: number, onError: (message: string) => void) {
  const [mapProblems, setMapProblems] = useState<ProblemReport | null>(null);
  const [docProblems, setDocProblems] = useState<ProblemReport | null>(null);
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [elements, setElements] = useState<ElementSummary[]>([]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([core.problems(activeMap), core.problems(null), core.people(), core.elements()])
      .then(([onMap, inDocument, everyone, all]) => {
        if (!current) return;
        setMapProblems(onMap);
        setDocProblems(inDocument);
        setPeople(everyone);
        setElements(all);
      })
      .catch((error) => current && onError(asCoreError(error).message));
    return () => {
      current = false;
    };
  }, [open, activeMap, loads, revision, onError]);

  return { mapProblems, docProblems, people, elements };
}
