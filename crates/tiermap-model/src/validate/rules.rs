//! The rules: stable ids, default severities, and why the practice cares.
//! Explanations come from product-ownership practice (DOMAIN.md); they are
//! what the app shows behind "why?".

use crate::vocabulary::vocabulary;

vocabulary!(
    /// How much a finding matters.
    Severity {
        Error = "error", "Error";
        Warning = "warning", "Warning";
        Info = "info", "Info";
    }
);

vocabulary!(
    /// A validation rule, by its stable id.
    RuleId {
        HierarchyCycle = "hierarchy-cycle", "Hierarchy loops";
        MultipleParents = "multiple-parents", "More than one parent";
        PyramidApex = "pyramid-apex", "Pyramid without one apex";
        OwnerMissing = "owner-missing", "No accountable owner";
        OwnerShared = "owner-shared", "Several accountable owners";
        TierInversion = "tier-inversion", "Owner tiers inverted";
        OwnerOverload = "owner-overload", "Owner spread too thin";
        KpiMissing = "kpi-missing", "No KPI";
        KpiNoTarget = "kpi-no-target", "KPI without a target";
        SupportMissing = "support-missing", "External product without support";
        GroupMisfit = "group-misfit", "Does not fit its group";
    }
);

impl RuleId {
    /// The severity a rule has unless the document's settings say otherwise.
    /// (multiple-parents is an error on pyramid maps; see the rule.)
    pub fn default_severity(self) -> Severity {
        match self {
            RuleId::HierarchyCycle | RuleId::PyramidApex | RuleId::TierInversion | RuleId::MultipleParents => Severity::Error,
            RuleId::KpiNoTarget => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// Why product-ownership practice cares.
    pub fn explanation(self) -> &'static str {
        match self {
            RuleId::HierarchyCycle => {
                "A product hierarchy rolls up from discrete services to one service area. A loop means no element is \
                 above the others, so no one can say who decides for the whole."
            }
            RuleId::MultipleParents => {
                "Tiers of owners follow the product hierarchy. An element under two parents answers to two product \
                 managers, and each box of a product family should have one accountable decision maker."
            }
            RuleId::PyramidApex => {
                "A pyramid is a logical hierarchy of products rolling up into one service area. Several tops mean \
                 several pyramids drawn as one; no top means the hierarchy loops."
            }
            RuleId::OwnerMissing => {
                "Every product or service needs an accountable owner: nobody owning it is the most common gap the \
                 practice warns of. Delegates and contributors do not replace the one who decides."
            }
            RuleId::OwnerShared => {
                "Several people can work one product, but one of them must lead. With two accountable owners, \
                 decisions stall or are made twice."
            }
            RuleId::TierInversion => {
                "Owner tiers follow the product hierarchy: a business owner (tier 1) above product managers (tier 2) \
                 above product owners (tier 3). A product owner above a product manager's area turns the hierarchy upside down."
            }
            RuleId::OwnerOverload => {
                "A product owner works one team's backlog in two-week cycles. Spread over too many products or teams, \
                 the backlog, the end-user feedback and the delivery all suffer."
            }
            RuleId::KpiMissing => {
                "Failing to integrate KPIs into scope is a common mistake: without a KPI nobody can tell whether the \
                 product delivers value, and value realization is one of the owner's four capabilities."
            }
            RuleId::KpiNoTarget => {
                "A KPI without a target measures without judging: the owner cannot tell whether the product is on track \
                 (for example: active users, target +25% adoption)."
            }
            RuleId::SupportMissing => {
                "A product must include the services required to support it. An external product with nothing \
                 supporting it has no service, application or platform behind it on the map."
            }
            RuleId::GroupMisfit => {
                "Each grouping model gathers one kind of thing: technical groupings hold applications, platforms and \
                 infrastructure; market alignment holds products and segments; people are owners, not products."
            }
        }
    }

    /// What usually fixes it.
    pub fn fix(self) -> &'static str {
        match self {
            RuleId::HierarchyCycle => "Remove one of the roll-up relations in the loop so the hierarchy has a top.",
            RuleId::MultipleParents => "Keep the roll-up to the parent that owns the outcome; make the others a 'supports' relation.",
            RuleId::PyramidApex => "Roll every top element up to one service area, or move the extra tops to their own map.",
            RuleId::OwnerMissing => "Drag a person onto it and choose a role, as the accountable owner.",
            RuleId::OwnerShared => "Keep one accountable owner; make the others delegates.",
            RuleId::TierInversion => "Give the parent an owner of a higher tier, or the child one of a lower tier.",
            RuleId::OwnerOverload => "Hand some products or teams to another product owner, or group them under a product manager.",
            RuleId::KpiMissing => "Add a KPI with a target in the inspector.",
            RuleId::KpiNoTarget => "Give the KPI a target.",
            RuleId::SupportMissing => "Add a 'supports' relation from the service, application or platform it runs on.",
            RuleId::GroupMisfit => "Move it out of the group, or onto a map whose grouping model fits it.",
        }
    }
}
