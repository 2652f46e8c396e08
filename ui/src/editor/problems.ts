// Reading the core's validation report for display: grouping, filtering and
// the worst finding per element (for node badges). The core decides what is
// a problem; this only arranges it.
import type { Problem, ProblemReport } from "../ipc/bindings";

export type Severity = "error" | "warning" | "info";
export const SEVERITIES: Severity[] = ["error", "warning", "info"];
const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export type ProblemFilter = { severities: Set<Severity>; text: string };

export const ALL_PROBLEMS: ProblemFilter = { severities: new Set(SEVERITIES), text: "" };

export function filterProblems(problems: Problem[], filter: ProblemFilter): Problem[] {
  const text = filter.text.trim().toLowerCase();
  return problems.filter(
    (p) =>
      filter.severities.has(p.severity as Severity) &&
      (text === "" || p.message.toLowerCase().includes(text) || p.rule.includes(text) || p.rule_title.toLowerCase().includes(text)),
  );
}

/** Problems in severity order, as [severity, problems] groups without empty ones. */
export function groupBySeverity(problems: Problem[]): [Severity, Problem[]][] {
  return SEVERITIES.map((s) => [s, problems.filter((p) => p.severity === s)] as [Severity, Problem[]]).filter(([, list]) => list.length > 0);
}

export type Badge = { severity: Severity; count: number; messages: string[] };

/** For each element, how many findings involve it and the worst of them. */
export function badgesByElement(report: ProblemReport | null): Map<string, Badge> {
  const badges = new Map<string, Badge>();
  for (const problem of report?.problems ?? []) {
    for (const id of new Set(problem.element_ids)) {
      const badge = badges.get(id);
      if (!badge) {
        badges.set(id, { severity: problem.severity as Severity, count: 1, messages: [problem.message] });
      } else {
        badge.count += 1;
        badge.messages.push(problem.message);
        if (RANK[problem.severity] < RANK[badge.severity]) badge.severity = problem.severity as Severity;
      }
    }
  }
  return badges;
}

export function countsLabel(report: Pick<ProblemReport, "errors" | "warnings" | "infos">): string {
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [part(report.errors, "error"), part(report.warnings, "warning"), part(report.infos, "info")].join(" · ");
}
