//! Per-document validation settings: which rules run, at what severity, and
//! the thresholds of owner-overload. Stored in the document, changed by an
//! undoable edit like everything else.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rules::{RuleId, Severity};

/// A rule's setting in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSetting {
    pub enabled: bool,
    /// None: the rule's own severity.
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// How a document wants to be validated. The default runs every rule at its
/// own severity with the practice's thresholds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationSettings {
    /// Only rules that differ from the default are listed.
    #[serde(default)]
    pub rules: BTreeMap<RuleId, RuleSetting>,
    /// owner-overload: most products and services one product owner is accountable for.
    #[serde(default = "default_max_products")]
    pub max_products_per_owner: u32,
    /// owner-overload: most teams one product owner works with.
    #[serde(default = "default_max_teams")]
    pub max_teams_per_owner: u32,
}

fn default_max_products() -> u32 {
    3
}

fn default_max_teams() -> u32 {
    2
}

impl Default for ValidationSettings {
    fn default() -> Self {
        ValidationSettings { rules: BTreeMap::new(), max_products_per_owner: default_max_products(), max_teams_per_owner: default_max_teams() }
    }
}

impl ValidationSettings {
    pub fn is_enabled(&self, rule: RuleId) -> bool {
        self.rules.get(&rule).is_none_or(|s| s.enabled)
    }

    /// The severity a finding of `rule` gets: the document's choice, else `natural`.
    pub fn severity(&self, rule: RuleId, natural: Severity) -> Severity {
        self.rules.get(&rule).and_then(|s| s.severity).unwrap_or(natural)
    }
}
