//! The sample document: the five grouping examples of DOMAIN.md, one map
//! each, with owners at every tier. Built by code so it follows the schema
//! as it changes, and so it is a well-formed map (no validation findings).

use std::collections::BTreeMap;
use std::path::Path;

use tiermap_model::layout::{Arrangement, GroupSpec, arrange};
use tiermap_model::{
    Edit, Element, ElementId, ElementKind as K, GroupKind, GroupingModel, Kpi, KpiId, Map, MapId,
    OwnedTarget, Ownership, OwnershipId, Relation, RelationKind, Role,
};
use tiermap_store::DocumentFile;

use crate::error::AppError;

/// Collects the edits that build the sample, with names for looking ids up.
#[derive(Default)]
struct Builder {
    edits: Vec<Edit>,
    ids: BTreeMap<&'static str, ElementId>,
    /// Products and services, which each get KPIs.
    offerings: Vec<&'static str>,
    maps: i64,
}

impl Builder {
    fn element(&mut self, kind: K, name: &'static str) -> ElementId {
        self.add(Element::new(kind, name), name)
    }

    fn external(&mut self, kind: K, name: &'static str) -> ElementId {
        let mut element = Element::new(kind, name);
        element.external = true;
        self.add(element, name)
    }

    fn add(&mut self, element: Element, name: &'static str) -> ElementId {
        let id = element.id;
        if matches!(element.kind, K::Product | K::Service) {
            self.offerings.push(name);
        }
        self.edits.push(Edit::PutElement(element));
        self.ids.insert(name, id);
        id
    }

    fn id(&self, name: &str) -> ElementId {
        self.ids[name]
    }

    fn relate(&mut self, kind: RelationKind, source: &str, target: &str) {
        let relation = Relation::new(kind, self.id(source), self.id(target));
        self.edits.push(Edit::PutRelation(relation));
    }

    fn own(&mut self, person: &str, target: OwnedTarget, role: Role) {
        let person = self.id(person);
        self.edits.push(Edit::PutOwnership(Ownership { id: OwnershipId::new(), person, target, role, accountable: true }));
    }

    fn owns(&mut self, person: &str, element: &str, role: Role) {
        let target = OwnedTarget::Element(self.id(element));
        self.own(person, target, role);
    }

    fn kpi(&mut self, element: &str, name: &str, target: &str) {
        self.edits.push(Edit::PutKpi(Kpi {
            id: KpiId::new(),
            element: self.id(element),
            name: name.into(),
            value_source: "Business value".into(),
            objective: format!("Track {} for {element}", name.to_lowercase()),
            collection_method: "Monthly report".into(),
            target: Some(target.into()),
            current_value: None,
            position: 0,
        }));
    }

    /// Adds a map laid out by the model's arrangement; returns the group ids by name.
    fn map(&mut self, name: &str, model: GroupingModel, groups: &[GroupSpec], loose: &[ElementId]) -> BTreeMap<String, tiermap_model::GroupId> {
        let id = MapId::new();
        self.edits.push(Edit::PutMap(Map { id, name: name.into(), model, position: self.maps }));
        self.maps += 1;
        let laid_out = arrange(id, Arrangement::for_model(model), groups, loose);
        let mut group_ids = BTreeMap::new();
        for edit in &laid_out {
            if let Edit::PutGroup(g) = edit {
                group_ids.insert(g.name.clone(), g.id);
            }
        }
        self.edits.extend(laid_out);
        group_ids
    }

    fn group(&self, name: &'static str, kind: GroupKind, members: &[&str]) -> GroupSpec {
        GroupSpec::new(name, kind, members.iter().map(|m| self.id(m)).collect())
    }
}

const PEOPLE: &[&str] = &[
    "Dana Whitfield", "Marcus Chen", "Priya Raman", "A. Rivera", "Tom Okafor", "Lena Fischer",
    "Sam Patel", "Grace Kim", "Noah Brooks", "Elif Demir", "Jonas Berg", "Maria Santos",
    "Kenji Ito", "Olivia Grant", "Ravi Kumar", "Chloe Martin",
];

/// The edits that build the sample document.
pub fn edits() -> Vec<Edit> {
    use GroupKind::*;
    use RelationKind::*;
    use Role::*;
    let mut b = Builder::default();
    for person in PEOPLE {
        b.element(K::Person, person);
    }

    // 1. Pyramid: Human resources, down to the applications that support it.
    b.element(K::ServiceArea, "Human resources");
    let hr_products = ["Talent acquisition", "Payroll", "Learning and development", "Employee services"];
    for p in hr_products {
        b.element(K::Product, p);
        b.relate(RollsUpTo, p, "Human resources");
    }
    let hr_services = [
        ("Recruiting", "Talent acquisition"),
        ("Onboarding", "Talent acquisition"),
        ("Payroll processing", "Payroll"),
        ("Benefits administration", "Payroll"),
        ("Course catalogue", "Learning and development"),
        ("HR helpdesk", "Employee services"),
    ];
    for (s, parent) in hr_services {
        b.element(K::Service, s);
        b.relate(RollsUpTo, s, parent);
    }
    let hr_apps = [
        ("Greenhouse", "Recruiting"),
        ("Workday", "Onboarding"),
        ("ADP", "Payroll processing"),
        ("Cornerstone", "Course catalogue"),
        ("ServiceNow HR", "HR helpdesk"),
    ];
    for (a, parent) in hr_apps {
        b.element(K::Application, a);
        b.relate(RollsUpTo, a, parent);
    }
    b.owns("Dana Whitfield", "Human resources", BusinessOwner);
    b.owns("Marcus Chen", "Talent acquisition", ProductManager);
    b.owns("Marcus Chen", "Learning and development", ProductManager);
    b.owns("Priya Raman", "Payroll", ProductManager);
    b.owns("Priya Raman", "Employee services", ProductManager);
    b.owns("A. Rivera", "Recruiting", ProductOwner);
    b.owns("A. Rivera", "Onboarding", ProductOwner);
    b.owns("Tom Okafor", "Payroll processing", ProductOwner);
    b.owns("Tom Okafor", "Benefits administration", ProductOwner);
    b.owns("Lena Fischer", "Course catalogue", ServiceOwner);
    b.owns("Lena Fischer", "HR helpdesk", ServiceOwner);
    let tiers = [
        b.group("Service area", Tier, &["Human resources"]),
        b.group("Products", Tier, &hr_products),
        b.group("Services", Tier, &hr_services.map(|s| s.0)),
        b.group("Applications", Tier, &hr_apps.map(|a| a.0)),
    ];
    b.map("Human resources", GroupingModel::Pyramid, &tiers, &[]);

    // 2. Service grouping: end-user support and ticketing as one family.
    b.element(K::Family, "End-user support and ticketing");
    let support = ["Service desk", "Incident management", "Request fulfilment", "Knowledge base", "Device support"];
    for s in support {
        b.element(K::Service, s);
        b.relate(RollsUpTo, s, "End-user support and ticketing");
    }
    b.owns("Noah Brooks", "End-user support and ticketing", ProductManager);
    b.owns("Sam Patel", "Service desk", ServiceOwner);
    b.owns("Sam Patel", "Incident management", ServiceOwner);
    b.owns("Sam Patel", "Request fulfilment", ServiceOwner);
    b.owns("Olivia Grant", "Knowledge base", ServiceOwner);
    b.owns("Olivia Grant", "Device support", ServiceOwner);
    let mut family_members = vec!["End-user support and ticketing"];
    family_members.extend(support);
    let family = [b.group("End-user support and ticketing", Family, &family_members)];
    b.map("End-user support and ticketing", GroupingModel::Service, &family, &[]);

    // 3. Technical grouping: workflow and collaboration tools, and what hosts them.
    let tools = ["Jira", "Confluence", "Slack", "Microsoft Teams", "ServiceNow platform"];
    for t in tools {
        b.element(K::Application, t);
    }
    b.element(K::Platform, "Kubernetes platform");
    b.element(K::Infrastructure, "Network");
    b.relate(Supports, "Kubernetes platform", "Jira");
    b.relate(Supports, "Kubernetes platform", "Confluence");
    b.relate(Supports, "Network", "Kubernetes platform");
    let technical = [
        b.group("Workflow and collaboration tools", PlatformGroup, &tools),
        b.group("Hosting", PlatformGroup, &["Kubernetes platform", "Network"]),
    ];
    let groups = b.map("Workflow and collaboration tools", GroupingModel::Technical, &technical, &[]);
    b.own("Kenji Ito", OwnedTarget::Group(groups["Workflow and collaboration tools"]), ProductManager);
    b.own("Chloe Martin", OwnedTarget::Group(groups["Hosting"]), ServiceOwner);

    // 4. Market alignment: customer banking products, one lane per segment.
    let lanes: [(&str, &[&str]); 3] = [
        ("Retail banking customers", &["Customer banking app", "Online banking", "Savings accounts"]),
        ("Small business customers", &["Business accounts", "Merchant payments"]),
        ("Wealth clients", &["Wealth advisory portal"]),
    ];
    b.element(K::Platform, "Core banking platform");
    b.element(K::Service, "Payments service");
    b.relate(Supports, "Core banking platform", "Payments service");
    for (segment, products) in lanes {
        b.element(K::MarketSegment, segment);
        for p in products {
            b.external(K::Product, p);
            b.relate(Serves, p, segment);
            b.relate(Supports, "Core banking platform", p);
        }
    }
    b.relate(Supports, "Payments service", "Merchant payments");
    b.owns("Grace Kim", "Customer banking app", BusinessOwner);
    b.owns("Elif Demir", "Online banking", ProductOwner);
    b.owns("Elif Demir", "Savings accounts", ProductOwner);
    b.owns("Jonas Berg", "Business accounts", ProductOwner);
    b.owns("Jonas Berg", "Merchant payments", ProductOwner);
    b.owns("Jonas Berg", "Payments service", ServiceOwner);
    b.owns("Noah Brooks", "Wealth advisory portal", ProductManager);
    let market: Vec<GroupSpec> = lanes
        .iter()
        .map(|(segment, products)| {
            let mut members = vec![*segment];
            members.extend(products.iter());
            b.group(segment, SegmentLane, &members)
        })
        .collect();
    let shared = [b.id("Core banking platform"), b.id("Payments service")];
    b.map("Customer banking products", GroupingModel::Market, &market, &shared);

    // 5. Organizational alignment: the wholesale division and its departments.
    b.element(K::OrgUnit, "Wholesale division");
    let departments: [(&str, &[&str]); 2] = [
        ("Transaction banking", &["Trade finance", "Cash management"]),
        ("Markets", &["FX trading platform", "Market data service"]),
    ];
    for (_, products) in departments {
        for p in products {
            b.element(K::Product, p);
            b.relate(BelongsTo, p, "Wholesale division");
        }
    }
    b.element(K::Team, "Payments team 3");
    b.relate(DeliveredBy, "Cash management", "Payments team 3");
    b.owns("Maria Santos", "Wholesale division", BusinessOwner);
    b.owns("Ravi Kumar", "Trade finance", ProductOwner);
    b.owns("Ravi Kumar", "Cash management", ProductOwner);
    b.owns("Kenji Ito", "FX trading platform", ProductManager);
    b.owns("Kenji Ito", "Market data service", ProductManager);
    let mut division = b.group("Wholesale division", Division, &["Wholesale division"]);
    division.children = departments.iter().map(|(name, products)| b.group(name, Division, products)).collect();
    b.map("Wholesale division", GroupingModel::Organizational, &[division], &[b.id("Payments team 3")]);

    // KPIs with targets on every product and service.
    for name in b.offerings.clone() {
        b.kpi(name, "Active users", "+25% adoption in 12 months");
        b.kpi(name, "Customer satisfaction score", "4.5 of 5");
    }
    b.edits
}

/// Writes the sample document to a new file at `path`.
pub fn create(path: impl AsRef<Path>) -> Result<(), AppError> {
    DocumentFile::create_with(path.as_ref(), &edits())?;
    Ok(())
}
