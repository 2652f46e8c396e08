//! Capture by keyboard: an element named from one typed line (`kind: name
//! @owner`, read by `tiermap_model::capture`), the preview the picker shows
//! while it is typed, and the people panel's own additions.

use std::str::FromStr;

use tiermap_model::capture::{self, KIND_SHORTHANDS};
use tiermap_model::{Edit, Element, ElementId, ElementKind, Role};

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::views::person_summary;
use crate::wire::{CaptureOwner, CapturePreview, CaptureRequest, DocumentView, KindChoice, PersonSummary, RoleChoice};

/// How many people the picker lists at once.
const PICKER_ROWS: usize = 8;

fn element_id(text: &str) -> Result<ElementId, AppError> {
    ElementId::from_str(text).map_err(|_| AppError::new(ErrorCode::UnknownId, format!("'{text}' is not a valid element id")))
}

impl Session {
    fn resolve_capture(&self, request: &CaptureRequest) -> Result<capture::Capture, AppError> {
        let doc = self.doc()?;
        let element = element_id(&request.element_id)?;
        let role = match request.role.as_deref() {
            Some(word) => Some(Role::from_str(word).map_err(|_| AppError::new(ErrorCode::InvalidInput, format!("'{word}' is not a role")))?),
            None => None,
        };
        let chosen = request.person_id.as_deref().map(element_id).transpose()?;
        capture::resolve(doc, element, &request.line, role, chosen)
            .ok_or_else(|| AppError::new(ErrorCode::UnknownId, "that element is not there any more"))
    }

    /// What Enter would do with the line typed so far; changes nothing.
    pub fn preview_capture(&self, request: &CaptureRequest) -> Result<CapturePreview, AppError> {
        let doc = self.doc()?;
        let resolved = self.resolve_capture(request)?;
        let line = capture::parse(&request.line);
        let people = match &line.owner {
            Some(query) => capture::people_matching(doc, query)
                .into_iter()
                .take(PICKER_ROWS)
                .filter_map(|id| doc.element(id))
                .map(|p| person_summary(doc, p))
                .collect(),
            None => Vec::new(),
        };
        Ok(CapturePreview {
            kind: resolved.kind.as_str().to_owned(),
            kind_label: resolved.kind.label().to_owned(),
            kind_changed: line.kind.is_some(),
            name: resolved.name,
            owner: resolved.owner.map(|o| CaptureOwner {
                person_id: o.person.map(|p| p.to_string()),
                name: o.name,
                role: o.role.as_str().to_owned(),
                role_label: o.role.label().to_owned(),
            }),
            people,
            roles: Role::ALL.iter().map(|r| RoleChoice { role: r.as_str().to_owned(), label: r.label().to_owned(), tier: r.tier() }).collect(),
            kinds: ElementKind::ALL
                .iter()
                .filter_map(|kind| {
                    let short = KIND_SHORTHANDS.iter().find(|(_, k)| k == kind)?.0;
                    Some(KindChoice { kind: kind.as_str().to_owned(), label: kind.label().to_owned(), shorthand: short.to_owned() })
                })
                .collect(),
        })
    }

    /// Names an element from a typed line: its name, its kind when a `kind:`
    /// word starts the line, and an owner after `@` (a new person when the
    /// name is new). One undo step; nothing at all when nothing changes.
    pub fn capture_name(&mut self, request: &CaptureRequest) -> Result<DocumentView, AppError> {
        let resolved = self.resolve_capture(request)?;
        if resolved.name.trim().is_empty() {
            return Err(AppError::new(ErrorCode::InvalidInput, "an element needs a name"));
        }
        let edits = capture::plan(self.doc()?, &resolved);
        if !edits.is_empty() {
            let label = match &resolved.owner {
                Some(owner) => format!("Name {} (owner {})", resolved.name, owner.name),
                None => format!("Rename to {}", resolved.name),
            };
            self.apply(&label, &edits)?;
        }
        self.document()
    }

    /// A new person, known to the document but on no map: the people panel's Add.
    pub fn add_person(&mut self, person_name: &str) -> Result<(String, Vec<PersonSummary>), AppError> {
        let trimmed = person_name.trim();
        if trimmed.is_empty() {
            return Err(AppError::new(ErrorCode::InvalidInput, "a person needs a name"));
        }
        let person = Element::new(ElementKind::Person, trimmed);
        let id = person.id;
        self.apply(&format!("Add {trimmed}"), &[Edit::PutElement(person)])?;
        Ok((id.to_string(), self.people()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::LinkedElement;

    fn session_with_map() -> (tempfile::TempDir, Session, String) {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::new();
        session.create_new(dir.path().join("capture.tiermap")).unwrap();
        let (map, _) = session.new_map("Retail", "pyramid").unwrap();
        (dir, session, map)
    }

    fn request(element_id: &str, line: &str) -> CaptureRequest {
        CaptureRequest { element_id: element_id.to_owned(), line: line.to_owned(), role: None, person_id: None }
    }

    #[test]
    fn a_typed_line_names_types_and_owns_in_one_undo_step() {
        let (_dir, mut session, map) = session_with_map();
        let (element, _) = session.add_linked(&LinkedElement { map_id: map.clone(), from_id: None, link: "sibling".into(), name: "New element".into() }).unwrap();
        let preview = session.preview_capture(&request(&element, "prod: Mortgages @Ana")).unwrap();
        assert_eq!((preview.kind.as_str(), preview.kind_changed), ("product", true));
        let owner = preview.owner.clone().unwrap();
        assert_eq!((owner.person_id, owner.name.as_str(), owner.role.as_str()), (None, "Ana", "product_manager"));
        assert!(preview.kinds.iter().any(|k| k.shorthand == "app" && k.kind == "application"));

        session.capture_name(&request(&element, "prod: Mortgages @Ana Lima")).unwrap();
        let people = session.people().unwrap();
        assert_eq!(people.iter().map(|p| (p.name.as_str(), p.ownerships)).collect::<Vec<_>>(), vec![("Ana Lima", 1)]);
        let view = session.map_view(&map).unwrap();
        let node = view.nodes.iter().find(|n| n.id == element).unwrap();
        assert_eq!((node.name.as_str(), node.kind.as_str()), ("Mortgages", "product"));
        assert_eq!(node.owners[0].role, "product_manager");
        assert_eq!(view.nodes.len(), 1, "the new person has no box on the map");

        session.undo().unwrap();
        assert!(session.people().unwrap().is_empty(), "one undo takes the person back too");
        assert_eq!(session.map_view(&map).unwrap().nodes[0].name, "New element");
    }

    #[test]
    fn the_picker_lists_people_and_the_chosen_one_is_used() {
        let (_dir, mut session, map) = session_with_map();
        let (element, _) = session.add_linked(&LinkedElement { map_id: map, from_id: None, link: "sibling".into(), name: "Lending".into() }).unwrap();
        let (ana, _) = session.add_person("Ana Lima").unwrap();
        session.add_person("Ben Okafor").unwrap();
        let preview = session.preview_capture(&request(&element, "Lending @li")).unwrap();
        assert_eq!(preview.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Ana Lima"]);
        let chosen = CaptureRequest { person_id: Some(ana.clone()), role: Some("service_owner".into()), ..request(&element, "Lending @li") };
        session.capture_name(&chosen).unwrap();
        let owners = session.element_details(&element).unwrap().owners;
        assert_eq!((owners[0].person_id.as_str(), owners[0].role.as_str()), (ana.as_str(), "service_owner"));
        let steps = session.file().unwrap().history().unwrap().len();
        session.capture_name(&chosen).unwrap();
        assert_eq!(session.file().unwrap().history().unwrap().len(), steps, "the same line again changes nothing and leaves no step");
    }

    #[test]
    fn bad_requests_are_named() {
        let (_dir, mut session, _map) = session_with_map();
        let err = session.capture_name(&request("nope", "x")).unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownId);
        let err = session.add_person("  ").unwrap_err();
        assert!(err.message.contains("needs a name"), "{}", err.message);
    }
}
