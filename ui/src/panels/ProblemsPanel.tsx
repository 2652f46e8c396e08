import { useMemo, useState } from "react";
import type { Problem, ProblemReport } from "../ipc/bindings";
import { ALL_PROBLEMS, filterProblems, groupBySeverity, SEVERITIES, type ProblemFilter, type Severity } from "../editor/problems";

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

type Props = {
  report: ProblemReport | null;
  onFocus: (problem: Problem) => void;
  onRules: () => void;
  onClose: () => void;
};

/** This map's findings from the core, grouped by severity, filterable; a click shows the elements. */
export function ProblemsPanel({ report, onFocus, onRules, onClose }: Props) {
  const [filter, setFilter] = useState<ProblemFilter>(ALL_PROBLEMS);
  const [open, setOpen] = useState<string | null>(null);
  const shown = useMemo(() => filterProblems(report?.problems ?? [], filter), [report, filter]);
  const toggle = (severity: Severity) => {
    const severities = new Set(filter.severities);
    if (severities.has(severity)) severities.delete(severity);
    else severities.add(severity);
    setFilter({ ...filter, severities });
  };
  const counts: Record<Severity, number> = { error: report?.errors ?? 0, warning: report?.warnings ?? 0, info: report?.infos ?? 0 };

  return (
    <aside className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="panel-header">
        <span className="panel-title">Problems on this map</span>
        <button className="link" onClick={onRules} title="Choose which rules run and how severe they are">
          Rules…
        </button>
        <button className="icon" onClick={onClose} aria-label="Hide problems" title="Hide problems">
          ×
        </button>
      </header>
      <div className="problem-filters">
        {SEVERITIES.map((s) => (
          <button key={s} className={`chip ${s} ${filter.severities.has(s) ? "on" : ""}`} aria-pressed={filter.severities.has(s)} onClick={() => toggle(s)}>
            {HEADINGS[s]} {counts[s]}
          </button>
        ))}
        <input
          type="search"
          placeholder="Filter"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          aria-label="Filter problems"
        />
      </div>
      <div className="problem-list">
        {report && report.problems.length === 0 ? <p className="all-clear">No problems: this map follows the practice.</p> : null}
        {groupBySeverity(shown).map(([severity, problems]) => (
          <section key={severity}>
            <h3 className={`problem-heading ${severity}`}>{HEADINGS[severity]}</h3>
            {problems.map((problem, index) => {
              const key = `${problem.rule}-${index}-${problem.element_ids.join(",")}`;
              return (
                <article key={key} className={`problem ${severity}`} data-testid="problem" data-rule={problem.rule}>
                  <button className="problem-main" onClick={() => onFocus(problem)} title="Select and show these elements">
                    <span className="problem-message">{problem.message}</span>
                    <span className="problem-rule">{problem.rule}</span>
                  </button>
                  <button className="link why" onClick={() => setOpen(open === key ? null : key)} aria-expanded={open === key}>
                    {open === key ? "Hide" : "Why? How to fix"}
                  </button>
                  {open === key ? (
                    <div className="problem-detail" data-testid="problem-detail">
                      <p>{problem.explanation}</p>
                      <p>
                        <strong>Fix:</strong> {problem.fix}
                      </p>
                    </div>
                  ) : null}
                </article>
              );
            })}
          </section>
        ))}
      </div>
    </aside>
  );
}
