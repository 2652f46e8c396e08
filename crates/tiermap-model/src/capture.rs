//! Naming an element by keyboard in one line, while the room talks:
//! `kind: name @owner`. A facilitator types `app: Payroll engine @Ana Lima`
//! and gets an application named "Payroll engine" owned by Ana Lima, who is
//! created if the document does not know her yet, in the role the element's
//! tier implies. Every part but the name is optional. Pure: the edits are
//! planned against the document as it is and applied as one undo step.

use crate::document::Document;
use crate::edit::Edit;
use crate::ids::ElementId;
use crate::records::{Element, OwnedTarget, Ownership};
use crate::vocabulary::{ElementKind, Role};

/// Short words that pick a kind before a colon, besides any unambiguous
/// start of the kind's own name ("appl:", "infra:", "market segment:").
/// People are not boxes on a map, so no shorthand makes one.
pub const KIND_SHORTHANDS: &[(&str, ElementKind)] = &[
    ("sa", ElementKind::ServiceArea),
    ("area", ElementKind::ServiceArea),
    ("prod", ElementKind::Product),
    ("svc", ElementKind::Service),
    ("fam", ElementKind::Family),
    ("app", ElementKind::Application),
    ("plat", ElementKind::Platform),
    ("infra", ElementKind::Infrastructure),
    ("seg", ElementKind::MarketSegment),
    ("segment", ElementKind::MarketSegment),
    ("org", ElementKind::OrgUnit),
    ("unit", ElementKind::OrgUnit),
    ("team", ElementKind::Team),
];

/// What a typed line asks for. `name` is empty when only a kind or an owner
/// was typed (the element keeps its name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureLine {
    pub kind: Option<ElementKind>,
    pub name: String,
    /// The text after `@`, trimmed; empty while the person is still being typed.
    pub owner: Option<String>,
}

/// The kind a word before a colon names: a shorthand, the kind's word or
/// label, or a start of its label that fits one kind only.
pub fn kind_for_word(word: &str) -> Option<ElementKind> {
    let word = word.trim().to_lowercase().replace('_', " ");
    if word.is_empty() {
        return None;
    }
    if let Some((_, kind)) = KIND_SHORTHANDS.iter().find(|(short, _)| *short == word) {
        return Some(*kind);
    }
    let boxes = ElementKind::ALL.iter().copied().filter(|k| *k != ElementKind::Person);
    if let Some(kind) = boxes.clone().find(|k| k.label().to_lowercase() == word) {
        return Some(kind);
    }
    let mut starting = boxes.filter(|k| k.label().to_lowercase().starts_with(&word));
    match (starting.next(), starting.next()) {
        (Some(kind), None) => Some(kind),
        _ => None,
    }
}

/// Reads `kind: name @owner`. A colon whose word names no kind is part of
/// the name ("Q3: launch" stays a name), and so is an `@` inside a word
/// ("ops@example.org"): an owner starts with an `@` at the start or after a space.
pub fn parse(text: &str) -> CaptureLine {
    let mut rest = text.trim();
    let mut kind = None;
    if let Some((word, after)) = rest.split_once(':')
        && let Some(found) = kind_for_word(word)
    {
        kind = Some(found);
        rest = after;
    }
    let at = rest.char_indices().find(|&(i, c)| c == '@' && (i == 0 || rest[..i].ends_with(char::is_whitespace)));
    let (name, owner) = match at {
        Some((i, _)) => (&rest[..i], Some(rest[i + 1..].trim().to_owned())),
        None => (rest, None),
    };
    CaptureLine { kind, name: name.trim().to_owned(), owner }
}

/// The role an owner of this kind of element usually holds, following the
/// product hierarchy: a service area's owner is its business owner, a
/// product's its product manager, anything below a product owner.
pub fn default_role(kind: ElementKind) -> Role {
    match kind {
        ElementKind::ServiceArea | ElementKind::MarketSegment | ElementKind::OrgUnit => Role::BusinessOwner,
        ElementKind::Product | ElementKind::Family => Role::ProductManager,
        _ => Role::ProductOwner,
    }
}

/// The document's people whose name contains the query (case and accents
/// as typed aside), the ones starting with it first, then by name.
pub fn people_matching(doc: &Document, query: &str) -> Vec<ElementId> {
    let query = query.trim().to_lowercase();
    let mut found: Vec<(bool, String, ElementId)> = doc
        .elements()
        .filter(|e| e.kind == ElementKind::Person)
        .filter_map(|p| {
            let name = p.name.to_lowercase();
            let starts = name.starts_with(&query) || name.split_whitespace().any(|w| w.starts_with(&query));
            (starts || name.contains(&query)).then_some((!starts, name, p.id))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, id)| id).collect()
}

/// The person a typed owner name means: the one chosen in the picker, else
/// the one with exactly that name, else nobody yet (a new person).
pub fn person_named(doc: &Document, name: &str, chosen: Option<ElementId>) -> Option<ElementId> {
    if let Some(id) = chosen.filter(|id| doc.element(*id).is_some_and(|p| p.kind == ElementKind::Person)) {
        return Some(id);
    }
    let wanted = name.trim().to_lowercase();
    doc.elements().find(|e| e.kind == ElementKind::Person && e.name.to_lowercase() == wanted).map(|p| p.id)
}

/// What naming an element from a line will do, for the picker to show and
/// for [`plan`] to carry out.
#[derive(Debug, Clone, PartialEq)]
pub struct Capture {
    pub element: ElementId,
    pub kind: ElementKind,
    pub name: String,
    pub owner: Option<OwnerChoice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OwnerChoice {
    /// None: a new person of this name.
    pub person: Option<ElementId>,
    pub name: String,
    pub role: Role,
}

/// Reads a line against the element it names. `role` overrides the one the
/// kind implies; `chosen` is the person picked in the list. None when the
/// element is not there.
pub fn resolve(doc: &Document, element: ElementId, text: &str, role: Option<Role>, chosen: Option<ElementId>) -> Option<Capture> {
    let current = doc.element(element)?;
    let line = parse(text);
    let kind = line.kind.unwrap_or(current.kind);
    let name = if line.name.is_empty() { current.name.clone() } else { line.name };
    let owner = line.owner.filter(|typed| !typed.is_empty() || chosen.is_some()).map(|typed| {
        let person = person_named(doc, &typed, chosen);
        let name = person.and_then(|p| doc.element(p)).map_or(typed, |p| p.name.clone());
        OwnerChoice { person, name, role: role.unwrap_or_else(|| default_role(kind)) }
    });
    Some(Capture { element, kind, name, owner })
}

/// The edits that carry a capture out: the element's new name and kind, a
/// new person when the owner is new, and the ownership. The first owner of a
/// role on an element is accountable; a second one is a delegate, so typing
/// never takes the decision away from someone. Empty when nothing changes.
pub fn plan(doc: &Document, capture: &Capture) -> Vec<Edit> {
    let Some(current) = doc.element(capture.element) else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    if current.name != capture.name || current.kind != capture.kind {
        edits.push(Edit::PutElement(Element { name: capture.name.clone(), kind: capture.kind, ..current.clone() }));
    }
    if let Some(owner) = &capture.owner {
        let person = match owner.person {
            Some(person) => person,
            None => {
                let person = Element::new(ElementKind::Person, owner.name.trim());
                let id = person.id;
                edits.push(Edit::PutElement(person));
                id
            }
        };
        let target = OwnedTarget::Element(capture.element);
        let already = doc.ownerships_of(target).any(|o| o.person == person && o.role == owner.role);
        if !already {
            let accountable = !doc.ownerships_of(target).any(|o| o.role == owner.role && o.accountable);
            edits.push(Edit::PutOwnership(Ownership { id: Default::default(), person, target, role: owner.role, accountable }));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with(kind: ElementKind, name: &str) -> (Document, ElementId) {
        let mut doc = Document::default();
        let element = Element::new(kind, name);
        let id = element.id;
        doc.apply(&Edit::PutElement(element)).unwrap();
        (doc, id)
    }

    fn person(doc: &mut Document, name: &str) -> ElementId {
        let p = Element::new(ElementKind::Person, name);
        let id = p.id;
        doc.apply(&Edit::PutElement(p)).unwrap();
        id
    }

    #[test]
    fn a_line_reads_as_kind_name_and_owner() {
        assert_eq!(
            parse("app: Payroll engine @Ana Lima"),
            CaptureLine { kind: Some(ElementKind::Application), name: "Payroll engine".into(), owner: Some("Ana Lima".into()) }
        );
        assert_eq!(parse("Payroll@Ana").owner, None, "an @ inside a word is part of the name");
        assert_eq!(parse("Payroll @").owner, Some(String::new()));
        assert_eq!(parse("Q3: launch").kind, None);
        assert_eq!(parse("Q3: launch").name, "Q3: launch");
        assert_eq!(parse("  Service area:  Lending ").kind, Some(ElementKind::ServiceArea));
        assert_eq!(parse("ops@example.org").name, "ops@example.org");
    }

    #[test]
    fn kind_words_are_shorthands_labels_or_unambiguous_starts() {
        assert_eq!(kind_for_word("svc"), Some(ElementKind::Service));
        assert_eq!(kind_for_word("Service"), Some(ElementKind::Service), "an exact label wins over a longer one it starts");
        assert_eq!(kind_for_word("appl"), Some(ElementKind::Application));
        assert_eq!(kind_for_word("market_segment"), Some(ElementKind::MarketSegment));
        assert_eq!(kind_for_word("p"), None, "product, platform: ambiguous");
        assert_eq!(kind_for_word("person"), None, "people are not boxes");
        assert_eq!(kind_for_word(""), None);
    }

    #[test]
    fn the_role_follows_the_tier() {
        assert_eq!(default_role(ElementKind::ServiceArea), Role::BusinessOwner);
        assert_eq!(default_role(ElementKind::Product), Role::ProductManager);
        assert_eq!(default_role(ElementKind::Service), Role::ProductOwner);
        assert_eq!(default_role(ElementKind::Application), Role::ProductOwner);
    }

    #[test]
    fn a_new_owner_becomes_a_person_and_an_accountable_ownership() {
        let (mut doc, product) = doc_with(ElementKind::Product, "New element");
        let capture = resolve(&doc, product, "Mortgages @Ana Lima", None, None).unwrap();
        let edits = plan(&doc, &capture);
        assert_eq!(edits.len(), 3, "{edits:?}");
        let before = doc.clone();
        let inverses: Vec<Edit> = edits.iter().map(|e| doc.apply(e).unwrap()).collect();
        assert_eq!(doc.element(product).unwrap().name, "Mortgages");
        let ana = doc.elements().find(|e| e.name == "Ana Lima").unwrap();
        assert_eq!(ana.kind, ElementKind::Person);
        let owned: Vec<_> = doc.ownerships_of(OwnedTarget::Element(product)).collect();
        assert_eq!((owned[0].person, owned[0].role, owned[0].accountable), (ana.id, Role::ProductManager, true));
        for inverse in inverses.iter().rev() {
            doc.apply(inverse).unwrap();
        }
        assert_eq!(doc, before, "one gesture, undone exactly");
    }

    #[test]
    fn a_known_person_is_found_by_name_and_a_second_owner_is_a_delegate() {
        let (mut doc, service) = doc_with(ElementKind::Service, "Payments");
        let ana = person(&mut doc, "Ana Lima");
        let ben = person(&mut doc, "Ben Okafor");
        for edit in plan(&doc, &resolve(&doc, service, "@ana lima", None, None).unwrap()) {
            doc.apply(&edit).unwrap();
        }
        let capture = resolve(&doc, service, "@Be", None, Some(ben)).unwrap();
        assert_eq!(capture.owner.as_ref().unwrap().name, "Ben Okafor", "the picked person, by their stored name");
        for edit in plan(&doc, &capture) {
            doc.apply(&edit).unwrap();
        }
        let mut owners: Vec<_> = doc.ownerships_of(OwnedTarget::Element(service)).map(|o| (o.person, o.role, o.accountable)).collect();
        owners.sort_by_key(|o| !o.2);
        assert_eq!(owners, vec![(ana, Role::ProductOwner, true), (ben, Role::ProductOwner, false)]);
        assert_eq!(doc.elements().filter(|e| e.kind == ElementKind::Person).count(), 2, "nobody new");
        assert_eq!(doc.element(service).unwrap().name, "Payments", "an owner alone keeps the name");
        assert!(plan(&doc, &resolve(&doc, service, "@Ana Lima", None, None).unwrap()).is_empty(), "owning twice changes nothing");
    }

    #[test]
    fn a_kind_prefix_changes_the_kind_and_the_owner_role_follows_it() {
        let (doc, element) = doc_with(ElementKind::Product, "New element");
        let capture = resolve(&doc, element, "sa: Retail banking @Chen", None, None).unwrap();
        assert_eq!(capture.kind, ElementKind::ServiceArea);
        assert_eq!(capture.owner.unwrap().role, Role::BusinessOwner);
        let chosen = resolve(&doc, element, "Retail @Chen", Some(Role::ServiceOwner), None).unwrap();
        assert_eq!(chosen.owner.unwrap().role, Role::ServiceOwner, "the picker's role wins");
    }

    #[test]
    fn people_are_matched_starts_first() {
        let mut doc = Document::default();
        let ana = person(&mut doc, "Ana Lima");
        let lina = person(&mut doc, "Lina Berg");
        let _ben = person(&mut doc, "Ben Okafor");
        assert_eq!(people_matching(&doc, "li"), vec![ana, lina], "both have a word starting li, by name");
        assert_eq!(people_matching(&doc, "ima"), vec![ana]);
        assert_eq!(people_matching(&doc, "").len(), 3);
    }
}
