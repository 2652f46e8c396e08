//! Validation for the hosts: the report as wire types, and the document's
//! rule settings read and changed (an undoable edit like any other).

use tiermap_model::validate::{Report, RuleId, RuleSetting, Severity, ValidationSettings};
use tiermap_model::{Document, MapId};

use crate::error::{AppError, ErrorCode};
use crate::wire::{Problem, ProblemReport, RuleConfig, RuleSettings};

pub fn problem_report(report: &Report) -> ProblemReport {
    let problems = report
        .diagnostics
        .iter()
        .map(|d| Problem {
            rule: d.rule.as_str().into(),
            rule_title: d.rule.label().into(),
            severity: d.severity.as_str().into(),
            message: d.message.clone(),
            element_ids: d.elements.iter().map(|e| e.to_string()).collect(),
            map_id: d.map.map(|m| m.to_string()),
            group_id: d.group.map(|g| g.to_string()),
            explanation: d.explanation().into(),
            fix: d.fix.clone(),
        })
        .collect();
    ProblemReport {
        problems,
        errors: report.count(Severity::Error) as u32,
        warnings: report.count(Severity::Warning) as u32,
        infos: report.count(Severity::Info) as u32,
    }
}

/// The document's report, or the part of it about one map.
pub fn validate(doc: &Document, map: Option<MapId>) -> Report {
    let report = tiermap_model::validate::validate(doc);
    match map {
        Some(map) => report.for_map(doc, map),
        None => report,
    }
}

pub fn rule_settings(settings: &ValidationSettings) -> RuleSettings {
    let rules = RuleId::ALL
        .iter()
        .map(|rule| RuleConfig {
            rule: rule.as_str().into(),
            title: rule.label().into(),
            explanation: rule.explanation().into(),
            enabled: settings.is_enabled(*rule),
            severity: settings.severity(*rule, rule.default_severity()).as_str().into(),
            default_severity: rule.default_severity().as_str().into(),
        })
        .collect();
    RuleSettings { rules, max_products_per_owner: settings.max_products_per_owner, max_teams_per_owner: settings.max_teams_per_owner }
}

/// The model's settings from what the rules dialog sends. Rules left at
/// their defaults are not stored.
pub fn settings_from(wire: &RuleSettings) -> Result<ValidationSettings, AppError> {
    let bad = |what: &str| AppError::new(ErrorCode::InvalidInput, what.to_owned());
    if wire.max_products_per_owner == 0 || wire.max_teams_per_owner == 0 {
        return Err(bad("owner-overload thresholds must be at least 1"));
    }
    let mut settings = ValidationSettings {
        max_products_per_owner: wire.max_products_per_owner,
        max_teams_per_owner: wire.max_teams_per_owner,
        ..ValidationSettings::default()
    };
    for config in &wire.rules {
        let rule: RuleId = config.rule.parse().map_err(|_| bad(&format!("'{}' is not a rule", config.rule)))?;
        let severity: Severity = config.severity.parse().map_err(|_| bad(&format!("'{}' is not a severity", config.severity)))?;
        let severity = (severity != rule.default_severity()).then_some(severity);
        if !config.enabled || severity.is_some() {
            settings.rules.insert(rule, RuleSetting { enabled: config.enabled, severity });
        }
    }
    Ok(settings)
}
