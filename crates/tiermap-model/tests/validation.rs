//! Every rule: a case that fires and a case that must not.

use tiermap_model::validate::{Diagnostic, RuleId, RuleSetting, Severity, ValidationSettings, validate};
use tiermap_model::{
    Document, Edit, Element, ElementId, ElementKind as K, Group, GroupId, GroupKind, GroupingModel, Kpi, KpiId, Map,
    MapId, OwnedTarget, Ownership, OwnershipId, Placement, Rect, Relation, RelationKind as R, Role,
};

#[derive(Default)]
struct Doc(Document);

impl Doc {
    fn apply(&mut self, edit: Edit) {
        self.0.apply(&edit).expect("test edit applies");
    }
    fn el(&mut self, kind: K, name: &str) -> ElementId {
        let element = Element::new(kind, name);
        let id = element.id;
        self.apply(Edit::PutElement(element));
        id
    }
    fn external(&mut self, name: &str) -> ElementId {
        let mut element = Element::new(K::Product, name);
        element.external = true;
        let id = element.id;
        self.apply(Edit::PutElement(element));
        id
    }
    fn rel(&mut self, kind: R, source: ElementId, target: ElementId) {
        self.apply(Edit::PutRelation(Relation::new(kind, source, target)));
    }
    fn own(&mut self, person: ElementId, target: OwnedTarget, role: Role, accountable: bool) {
        self.apply(Edit::PutOwnership(Ownership { id: OwnershipId::new(), person, target, role, accountable }));
    }
    fn owns(&mut self, person: ElementId, element: ElementId, role: Role) {
        self.own(person, OwnedTarget::Element(element), role, true);
    }
    fn kpi(&mut self, element: ElementId, target: Option<&str>) {
        self.apply(Edit::PutKpi(Kpi {
            id: KpiId::new(),
            element,
            name: "Active users".into(),
            value_source: String::new(),
            objective: String::new(),
            collection_method: String::new(),
            target: target.map(str::to_owned),
            current_value: None,
            position: 0,
        }));
    }
    fn map(&mut self, model: GroupingModel) -> MapId {
        let id = MapId::new();
        self.apply(Edit::PutMap(Map { id, name: format!("{} map", model.label()), model, position: 0 }));
        id
    }
    fn group(&mut self, map: MapId, name: &str) -> GroupId {
        let id = GroupId::new();
        self.apply(Edit::PutGroup(Group { id, map, parent: None, kind: GroupKind::Plain, name: name.into(), rect: Rect::default(), collapsed: false }));
        id
    }
    fn place(&mut self, map: MapId, element: ElementId, group: Option<GroupId>) {
        self.apply(Edit::PutPlacement(Placement { map, element, group, rect: Rect::default() }));
    }
    fn found(&self, rule: RuleId) -> Vec<Diagnostic> {
        validate(&self.0).diagnostics.into_iter().filter(|d| d.rule == rule).collect()
    }
}

#[test]
fn hierarchy_cycle_names_every_member_and_a_tree_has_none() {
    let mut d = Doc::default();
    let (a, b, c) = (d.el(K::Product, "A"), d.el(K::Product, "B"), d.el(K::Product, "C"));
    d.rel(R::RollsUpTo, a, b);
    d.rel(R::RollsUpTo, b, c);
    assert!(d.found(RuleId::HierarchyCycle).is_empty());
    d.rel(R::RollsUpTo, c, a);
    let found = d.found(RuleId::HierarchyCycle);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].message, "A, B and C roll up to each other in a loop");
    assert_eq!(found[0].elements.len(), 3);
}

#[test]
fn multiple_parents_is_an_error_on_a_pyramid_and_a_warning_elsewhere() {
    let mut d = Doc::default();
    let (child, p1, p2) = (d.el(K::Service, "Payroll run"), d.el(K::Product, "Payroll"), d.el(K::Product, "Finance"));
    d.rel(R::RollsUpTo, child, p1);
    assert!(d.found(RuleId::MultipleParents).is_empty());
    d.rel(R::RollsUpTo, child, p2);
    let found = d.found(RuleId::MultipleParents);
    assert_eq!((found.len(), found[0].severity), (1, Severity::Warning));
    assert!(found[0].message.contains("Payroll run rolls up to 2 parents"), "{}", found[0].message);
    let pyramid = d.map(GroupingModel::Pyramid);
    d.place(pyramid, child, None);
    assert_eq!(d.found(RuleId::MultipleParents)[0].severity, Severity::Error);
}

#[test]
fn pyramid_apex_names_each_apex_and_one_apex_is_fine() {
    let mut d = Doc::default();
    let map = d.map(GroupingModel::Pyramid);
    let (top, a, b) = (d.el(K::ServiceArea, "HR"), d.el(K::Product, "Payroll"), d.el(K::Product, "Recruiting"));
    for e in [top, a, b] {
        d.place(map, e, None);
    }
    d.rel(R::RollsUpTo, a, top);
    let found = d.found(RuleId::PyramidApex);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("2 apexes: HR and Recruiting"), "{}", found[0].message);
    assert_eq!(found[0].map, Some(map));
    d.rel(R::RollsUpTo, b, top);
    assert!(d.found(RuleId::PyramidApex).is_empty());
    // Other models do not need an apex.
    let free = d.map(GroupingModel::Freeform);
    let loose = d.el(K::Product, "Loose");
    d.place(free, loose, None);
    d.place(free, top, None);
    assert!(d.found(RuleId::PyramidApex).is_empty());
}

#[test]
fn owner_missing_for_products_but_not_for_teams_or_delegated_only() {
    let mut d = Doc::default();
    let (product, team, person) = (d.el(K::Product, "Payroll"), d.el(K::Team, "Team 3"), d.el(K::Person, "Ada"));
    let found = d.found(RuleId::OwnerMissing);
    assert_eq!(found.iter().map(|f| f.elements[0]).collect::<Vec<_>>(), vec![product]);
    assert!(!found.iter().any(|f| f.elements.contains(&team)));
    d.own(person, OwnedTarget::Element(product), Role::ProductOwner, false);
    assert_eq!(d.found(RuleId::OwnerMissing).len(), 1, "a delegate is not the accountable owner");
    d.owns(person, product, Role::ProductOwner);
    assert!(d.found(RuleId::OwnerMissing).is_empty());
}

#[test]
fn owner_shared_when_two_people_are_accountable() {
    let mut d = Doc::default();
    let (product, ada, bo) = (d.el(K::Product, "Payroll"), d.el(K::Person, "Ada"), d.el(K::Person, "Bo"));
    d.owns(ada, product, Role::ProductOwner);
    d.own(bo, OwnedTarget::Element(product), Role::ProductOwner, false);
    assert!(d.found(RuleId::OwnerShared).is_empty(), "a delegate beside the owner is fine");
    d.owns(bo, product, Role::ProductManager);
    let found = d.found(RuleId::OwnerShared);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("Payroll has 2 accountable owners: Ada and Bo"), "{}", found[0].message);
    assert!(found[0].fix.contains("Ada and Bo"));
}

#[test]
fn tier_inversion_when_a_product_owner_is_above_a_product_manager() {
    let mut d = Doc::default();
    let (parent, child) = (d.el(K::Product, "Payroll"), d.el(K::Service, "Payroll run"));
    let (po, pm) = (d.el(K::Person, "Ada"), d.el(K::Person, "Bo"));
    d.rel(R::RollsUpTo, child, parent);
    d.owns(pm, parent, Role::ProductManager);
    d.owns(po, child, Role::ProductOwner);
    assert!(d.found(RuleId::TierInversion).is_empty());
    let mut upside_down = Doc::default();
    let (parent, child) = (upside_down.el(K::Product, "Payroll"), upside_down.el(K::Service, "Payroll run"));
    let (po, pm) = (upside_down.el(K::Person, "Ada"), upside_down.el(K::Person, "Bo"));
    upside_down.rel(R::RollsUpTo, child, parent);
    upside_down.owns(po, parent, Role::ProductOwner);
    upside_down.owns(pm, child, Role::ProductManager);
    let found = upside_down.found(RuleId::TierInversion);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert!(found[0].message.contains("Ada (tier 3, owns Payroll) is above Bo (tier 2, owns Payroll run)"), "{}", found[0].message);
}

#[test]
fn owner_overload_past_three_products_or_two_teams_with_configurable_thresholds() {
    let mut d = Doc::default();
    let ada = d.el(K::Person, "Ada");
    let products: Vec<ElementId> = (0..4).map(|i| d.el(K::Product, &format!("P{i}"))).collect();
    for p in &products[..3] {
        d.owns(ada, *p, Role::ProductOwner);
    }
    assert!(d.found(RuleId::OwnerOverload).is_empty(), "three is still fine");
    d.owns(ada, products[3], Role::ServiceOwner);
    let found = d.found(RuleId::OwnerOverload);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("4 products and services (more than 3)"), "{}", found[0].message);

    let settings = ValidationSettings { max_products_per_owner: 4, ..ValidationSettings::default() };
    d.apply(Edit::PutValidationSettings(settings));
    assert!(d.found(RuleId::OwnerOverload).is_empty(), "threshold raised in the document");

    let teams: Vec<ElementId> = (0..3).map(|i| d.el(K::Team, &format!("Team {i}"))).collect();
    for (p, t) in products.iter().zip(&teams) {
        d.rel(R::DeliveredBy, *p, *t);
    }
    let found = d.found(RuleId::OwnerOverload);
    assert!(found[0].message.contains("3 teams (more than 2)"), "{}", found[0].message);
}

#[test]
fn kpi_missing_and_kpi_without_target() {
    let mut d = Doc::default();
    let (product, platform) = (d.el(K::Product, "Payroll"), d.el(K::Platform, "Kubernetes"));
    let missing = d.found(RuleId::KpiMissing);
    assert_eq!(missing.len(), 1, "platforms need no KPI");
    assert_eq!(missing[0].elements, vec![product]);
    let _ = platform;
    d.kpi(product, None);
    assert!(d.found(RuleId::KpiMissing).is_empty());
    let no_target = d.found(RuleId::KpiNoTarget);
    assert_eq!((no_target.len(), no_target[0].severity), (1, Severity::Info));
    d.kpi(product, Some("+25% adoption"));
    assert_eq!(d.found(RuleId::KpiNoTarget).len(), 1, "only the KPI without a target");
}

#[test]
fn support_missing_for_external_products_only() {
    let mut d = Doc::default();
    let (app, internal) = (d.external("Banking app"), d.el(K::Product, "Intranet"));
    let found = d.found(RuleId::SupportMissing);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].elements, vec![app]);
    assert!(!found.iter().any(|f| f.elements.contains(&internal)));
    let team = d.el(K::Team, "Team 3");
    d.rel(R::Supports, team, app);
    assert_eq!(d.found(RuleId::SupportMissing).len(), 1, "a team is not a supporting service");
    let platform = d.el(K::Platform, "Core banking");
    d.rel(R::Supports, platform, app);
    assert!(d.found(RuleId::SupportMissing).is_empty());
}

#[test]
fn group_misfit_for_a_segment_in_a_technical_grouping_and_a_person_anywhere() {
    let mut d = Doc::default();
    let map = d.map(GroupingModel::Technical);
    let group = d.group(map, "Collaboration tools");
    let (app, segment, person) = (d.el(K::Application, "Jira"), d.el(K::MarketSegment, "Retail customers"), d.el(K::Person, "Ada"));
    d.place(map, app, Some(group));
    assert!(d.found(RuleId::GroupMisfit).is_empty());
    d.place(map, segment, Some(group));
    d.place(map, person, Some(group));
    let found = d.found(RuleId::GroupMisfit);
    assert_eq!(found.len(), 2);
    assert!(found.iter().any(|f| f.message.contains("Retail customers (market segment) does not belong in 'Collaboration tools'")));
    assert!(found.iter().any(|f| f.message.contains("Ada is a person")));
    assert!(found.iter().all(|f| f.group == Some(group) && f.map == Some(map)));
    // Outside any group nothing is misplaced.
    d.place(map, segment, None);
    assert_eq!(d.found(RuleId::GroupMisfit).len(), 1);
}

#[test]
fn a_rule_can_be_switched_off_or_given_another_severity() {
    let mut d = Doc::default();
    d.el(K::Product, "Payroll");
    assert_eq!(d.found(RuleId::KpiMissing)[0].severity, Severity::Warning);
    let mut settings = ValidationSettings::default();
    settings.rules.insert(RuleId::KpiMissing, RuleSetting { enabled: true, severity: Some(Severity::Error) });
    settings.rules.insert(RuleId::OwnerMissing, RuleSetting { enabled: false, severity: None });
    d.apply(Edit::PutValidationSettings(settings));
    assert_eq!(d.found(RuleId::KpiMissing)[0].severity, Severity::Error);
    assert!(d.found(RuleId::OwnerMissing).is_empty());
}

#[test]
fn every_diagnostic_explains_itself_and_errors_come_first() {
    let mut d = Doc::default();
    let (a, b) = (d.el(K::Product, "A"), d.el(K::Product, "B"));
    d.rel(R::RollsUpTo, a, b);
    d.rel(R::RollsUpTo, b, a);
    let report = validate(&d.0);
    assert_eq!(report.diagnostics[0].rule, RuleId::HierarchyCycle);
    for diagnostic in &report.diagnostics {
        assert!(!diagnostic.explanation().is_empty() && !diagnostic.fix.is_empty());
    }
    let severities: Vec<Severity> = report.diagnostics.iter().map(|d| d.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
}

#[test]
fn a_chain_of_100k_and_a_cycle_of_100k_do_not_overflow_the_stack() {
    let mut doc = Document::new();
    let ids: Vec<ElementId> = (0..100_000).map(|_| ElementId::new()).collect();
    let mut edits: Vec<Edit> = ids.iter().map(|id| Edit::PutElement(Element { id: *id, ..Element::new(K::Application, "A") })).collect();
    for pair in ids.windows(2) {
        edits.push(Edit::PutRelation(Relation::new(R::RollsUpTo, pair[0], pair[1])));
    }
    doc.apply_all(&edits).expect("chain");
    assert!(validate(&doc).diagnostics.iter().all(|d| d.rule != RuleId::HierarchyCycle));
    doc.apply(&Edit::PutRelation(Relation::new(R::RollsUpTo, ids[ids.len() - 1], ids[0]))).expect("close the loop");
    let cycles: Vec<Diagnostic> = validate(&doc).diagnostics.into_iter().filter(|d| d.rule == RuleId::HierarchyCycle).collect();
    assert_eq!(cycles.len(), 1);
    assert_eq!(cycles[0].elements.len(), 100_000);
}
