import { describe, expect, it } from "vitest";
import type { Problem, ProblemReport } from "../ipc/bindings";
import { ALL_PROBLEMS, badgesByElement, countsLabel, filterProblems, groupBySeverity } from "./problems";

const problem = (severity: string, rule: string, message: string, element_ids: string[]): Problem => ({
  rule,
  rule_title: rule,
  severity,
  message,
  element_ids,
  map_id: null,
  group_id: null,
  explanation: "why",
  fix: "fix",
});

const report: ProblemReport = {
  problems: [
    problem("error", "hierarchy-cycle", "A and B roll up to each other in a loop", ["a", "b"]),
    problem("warning", "kpi-missing", "A has no KPI", ["a"]),
    problem("info", "kpi-no-target", "The KPI 'x' of C has no target", ["c"]),
  ],
  errors: 1,
  warnings: 1,
  infos: 1,
};

describe("problems", () => {
  it("badges an element with its worst finding and how many there are", () => {
    const badges = badgesByElement(report);
    expect(badges.get("a")).toMatchObject({ severity: "error", count: 2 });
    expect(badges.get("c")).toMatchObject({ severity: "info", count: 1 });
    expect(badges.has("d")).toBe(false);
  });

  it("filters by severity and by text", () => {
    expect(filterProblems(report.problems, { severities: new Set(["warning"]), text: "" }).map((p) => p.rule)).toEqual(["kpi-missing"]);
    expect(filterProblems(report.problems, { ...ALL_PROBLEMS, text: "loop" }).map((p) => p.rule)).toEqual(["hierarchy-cycle"]);
    expect(filterProblems(report.problems, { ...ALL_PROBLEMS, text: "kpi" })).toHaveLength(2);
  });

  it("groups by severity, errors first, leaving out empty groups", () => {
    const groups = groupBySeverity(report.problems.slice(0, 2));
    expect(groups.map(([s, list]) => [s, list.length])).toEqual([["error", 1], ["warning", 1]]);
  });

  it("labels counts for the status bar", () => {
    expect(countsLabel({ errors: 1, warnings: 2, infos: 0 })).toBe("1 error · 2 warnings · 0 infos");
  });
});
