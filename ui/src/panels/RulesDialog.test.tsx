import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { RuleSettings } from "../ipc/bindings";
import { RulesDialog } from "./RulesDialog";

afterEach(cleanup);

const initial: RuleSettings = {
  rules: [
    { rule: "owner-missing", title: "No accountable owner", explanation: "why", enabled: true, severity: "warning", default_severity: "warning" },
    { rule: "kpi-missing", title: "No KPI", explanation: "why", enabled: true, severity: "warning", default_severity: "warning" },
  ],
  max_products_per_owner: 3,
  max_teams_per_owner: 2,
};

describe("RulesDialog", () => {
  it("sends the rules as edited: one switched off, one re-graded, a threshold changed", () => {
    const onSave = vi.fn();
    render(<RulesDialog initial={initial} onSave={onSave} onCancel={() => undefined} />);
    fireEvent.click(screen.getByLabelText("Run No KPI"));
    fireEvent.change(screen.getByLabelText("Severity of No accountable owner"), { target: { value: "error" } });
    fireEvent.change(screen.getAllByRole("spinbutton")[0], { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("rules-save"));
    const saved: RuleSettings = onSave.mock.calls[0][0];
    expect(saved.rules.find((r) => r.rule === "kpi-missing")?.enabled).toBe(false);
    expect(saved.rules.find((r) => r.rule === "owner-missing")?.severity).toBe("error");
    expect(saved.max_products_per_owner).toBe(5);
  });

  it("keeps thresholds at one or more", () => {
    const onSave = vi.fn();
    render(<RulesDialog initial={initial} onSave={onSave} onCancel={() => undefined} />);
    fireEvent.change(screen.getAllByRole("spinbutton")[1], { target: { value: "0" } });
    fireEvent.click(screen.getByTestId("rules-save"));
    expect(onSave.mock.calls[0][0].max_teams_per_owner).toBe(1);
  });
});
