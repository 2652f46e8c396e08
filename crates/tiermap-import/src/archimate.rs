//! Reading an ArchiMate model in The Open Group's Model Exchange File Format
//! (3.x, and the 2.x format that came before it) into an [`Incoming`].
//!
//! The file is read in two passes: `parse` collects the elements,
//! relationships, property definitions and views as written (property
//! definitions come after the elements in the file), then `translate` maps
//! what has a Tiermap counterpart and counts what has none in `skipped`.
//!
//! Names are matched on their local part and `xsi:type` values without
//! their prefix, so any prefix a tool chooses reads the same.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use tiermap_model::{ElementKind, GroupingModel, RelationKind, Role};

use crate::text::{Lines, clean_field};
use crate::xml::{LineCounter, Node, XmlError, XmlReader, attribute, line_column, local};
use crate::{
    ImportError, Incoming, IncomingElement, IncomingOwnership, IncomingRelation, Issue,
    MAX_INPUT_BYTES, Origin, Ref, Skipped,
};

/// How the exchange format's namespaces start (2.x is this, 3.x adds "/3.0/").
const NAMESPACE: &str = "http://www.opengroup.org/xsd/archimate";
/// How many names each `skipped` entry gives as examples.
const EXAMPLES: usize = 5;

/// Reads an ArchiMate exchange file.
pub fn read_archimate(path: &Path) -> Result<Incoming, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    archimate_from_bytes(path, &bytes)
}

/// As [`read_archimate`], from the file's bytes; `path` only names it in messages.
pub fn archimate_from_bytes(path: &Path, bytes: &[u8]) -> Result<Incoming, ImportError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let model = parse(bytes).map_err(|error| match error {
        ParseError::Xml(XmlError {
            offset,
            message,
            refused: false,
        }) => {
            let (line, column) = line_column(bytes, offset);
            ImportError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        }
        ParseError::Xml(XmlError {
            offset,
            message,
            refused: true,
        }) => {
            let (line, _) = line_column(bytes, offset);
            ImportError::Malformed {
                path: path.to_owned(),
                message: format!("line {line}: {message}"),
            }
        }
        ParseError::NotArchimate => ImportError::Malformed {
            path: path.to_owned(),
            message: "no <model> element of the ArchiMate exchange format".to_owned(),
        },
    })?;
    Ok(translate(model))
}

enum ParseError {
    Xml(XmlError),
    NotArchimate,
}

impl From<XmlError> for ParseError {
    fn from(error: XmlError) -> Self {
        ParseError::Xml(error)
    }
}

/// An element or relationship as written.
#[derive(Default)]
struct Concept {
    identifier: String,
    /// The `xsi:type`, without prefix.
    kind: String,
    line: usize,
    name: Option<String>,
    documentation: Option<String>,
    /// (property definition reference, value)
    properties: Vec<(String, String)>,
    source: String,
    target: String,
}

#[derive(Default)]
struct Model {
    elements: Vec<Concept>,
    relationships: Vec<Concept>,
    property_names: HashMap<String, String>,
    views: Vec<String>,
}

fn parse(bytes: &[u8]) -> Result<Model, ParseError> {
    let mut reader = XmlReader::new(bytes)?;
    let mut lines = LineCounter::default();
    let mut model = Model::default();
    // The local names of the open elements: where we are decides what an element means.
    let mut path: Vec<String> = Vec::new();
    let mut root_seen = false;
    loop {
        let (element, offset) = match reader.next()? {
            Node::Open { element, offset } => (element, offset),
            Node::Close => {
                path.pop();
                continue;
            }
            Node::Text(_) => continue,
            Node::Eof if root_seen => return Ok(model),
            Node::Eof => return Err(ParseError::NotArchimate),
        };
        let name = local(element.name()).to_owned();
        let parent = path.last().map(String::as_str);
        if path.is_empty() {
            let in_namespace = element
                .attributes()
                .flatten()
                .any(|a| a.key.0.starts_with("xmlns") && a.value.starts_with(NAMESPACE));
            if name != "model" || !in_namespace || root_seen {
                return Err(ParseError::NotArchimate);
            }
            root_seen = true;
        }
        let concept =
            |element: &quick_xml::events::BytesStart<'_>, line| -> Result<Concept, XmlError> {
                Ok(Concept {
                    identifier: attribute(element, "identifier", offset)?.unwrap_or_default(),
                    kind: attribute(element, "type", offset)?
                        .map(|t| t.rsplit(':').next().unwrap_or_default().trim().to_owned())
                        .unwrap_or_default(),
                    line,
                    source: attribute(element, "source", offset)?.unwrap_or_default(),
                    target: attribute(element, "target", offset)?.unwrap_or_default(),
                    ..Concept::default()
                })
            };
        match (parent, name.as_str()) {
            (Some("elements"), "element") => {
                let mut element = concept(&element, lines.line_at(bytes, offset))?;
                read_details(&mut reader, &mut element)?;
                model.elements.push(element);
            }
            (Some("relationships"), "relationship") => {
                let mut relationship = concept(&element, lines.line_at(bytes, offset))?;
                read_details(&mut reader, &mut relationship)?;
                model.relationships.push(relationship);
            }
            (
                Some("propertyDefinitions" | "propertydefs"),
                "propertyDefinition" | "propertydef",
            ) => {
                let identifier = attribute(&element, "identifier", offset)?.unwrap_or_default();
                let mut definition = Concept {
                    name: attribute(&element, "name", offset)?,
                    ..Concept::default()
                };
                read_details(&mut reader, &mut definition)?;
                model
                    .property_names
                    .insert(identifier, definition.name.unwrap_or_default());
            }
            (Some("views" | "diagrams"), "view") => {
                let mut view = concept(&element, 0)?;
                read_details(&mut reader, &mut view)?;
                model.views.push(view.name.unwrap_or(view.identifier));
            }
            (Some("model"), "organizations" | "organization") => reader.skip_element()?,
            _ => path.push(name),
        }
    }
}

/// Reads the children of the element just opened: its first name (`<name>`
/// in 3.x, `<label>` in 2.x), documentation and properties.
fn read_details(reader: &mut XmlReader<'_>, concept: &mut Concept) -> Result<(), XmlError> {
    let mut depth = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, offset } => match local(element.name()) {
                "name" | "label" if depth == 1 => {
                    let text = reader.text_of_element()?.trim().to_owned();
                    concept.name.get_or_insert(text);
                }
                "documentation" if depth == 1 => {
                    let text = reader.text_of_element()?.trim().to_owned();
                    concept.documentation.get_or_insert(text);
                }
                "property" => {
                    let reference = match attribute(&element, "propertyDefinitionRef", offset)? {
                        Some(reference) => reference,
                        None => attribute(&element, "identifierref", offset)?.unwrap_or_default(),
                    };
                    let value = first_value(reader)?;
                    concept.properties.push((reference, value));
                }
                _ => depth += 1,
            },
            Node::Close => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(()),
        }
    }
}

/// The text of the first `<value>` in the `<property>` just opened.
fn first_value(reader: &mut XmlReader<'_>) -> Result<String, XmlError> {
    let mut value: Option<String> = None;
    let mut depth = 1usize;
    loop {
        match reader.next()? {
            Node::Open { element, .. } if local(element.name()) == "value" => {
                let text = reader.text_of_element()?.trim().to_owned();
                value.get_or_insert(text);
            }
            Node::Open { .. } => depth += 1,
            Node::Close => {
                depth -= 1;
                if depth == 0 {
                    return Ok(value.unwrap_or_default());
                }
            }
            Node::Text(_) => {}
            Node::Eof => return Ok(value.unwrap_or_default()),
        }
    }
}

/// The Tiermap kind of an ArchiMate element type, if it has one.
fn element_kind(kind: &str) -> Option<ElementKind> {
    Some(match kind {
        "Product" => ElementKind::Product,
        "BusinessService" => ElementKind::Service,
        "ApplicationComponent" | "ApplicationService" => ElementKind::Application,
        "Node" | "Device" | "SystemSoftware" => ElementKind::Platform,
        // 2.x called them InfrastructureService, Network and CommunicationPath.
        "TechnologyService"
        | "InfrastructureService"
        | "CommunicationNetwork"
        | "Network"
        | "Path"
        | "CommunicationPath" => ElementKind::Infrastructure,
        "BusinessActor" => ElementKind::OrgUnit,
        _ => return None,
    })
}

/// The ownership role a relationship's name states ("Product owner", "PO").
fn role_named(name: &str) -> Option<Role> {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    Some(match words.join(" ").as_str() {
        "business owner" | "bo" => Role::BusinessOwner,
        "product manager" | "pm" => Role::ProductManager,
        "product owner" | "po" => Role::ProductOwner,
        "service owner" | "so" => Role::ServiceOwner,
        _ => return None,
    })
}

/// Things left out, by what they are, with a few names each.
#[derive(Default)]
struct SkipList(BTreeMap<String, (usize, Vec<String>)>);

impl SkipList {
    fn add(&mut self, what: String, example: String) {
        // Both are shown in the preview as they are: never a raw control character.
        let (count, examples) = self.0.entry(crate::text::printable(&what).into_owned()).or_default();
        *count += 1;
        if examples.len() < EXAMPLES && !example.is_empty() {
            examples.push(crate::text::printable(&example).into_owned());
        }
    }

    fn into_skipped(self) -> Vec<Skipped> {
        self.0
            .into_iter()
            .map(|(what, (count, examples))| Skipped {
                what,
                count,
                examples,
            })
            .collect()
    }
}

fn translate(model: Model) -> Incoming {
    let mut incoming = Incoming {
        format: "ArchiMate".to_owned(),
        maps: vec![GroupingModel::Technical, GroupingModel::Organizational],
        ..Incoming::default()
    };
    let mut skipped = SkipList::default();
    // Every identifier in the file, imported or not, with a name for examples;
    // relationships count too (a relationship may point at another one).
    let mut names: HashMap<&str, String> = HashMap::new();
    for relationship in &model.relationships {
        names
            .entry(&relationship.identifier)
            .or_insert_with(|| relationship.kind.clone());
    }
    let index = translate_elements(&model, &mut names, &mut incoming, &mut skipped);
    translate_relationships(&model, &names, &index, &mut incoming, &mut skipped);
    for view in &model.views {
        skipped.add("views".to_owned(), view.clone());
    }
    incoming.skipped = skipped.into_skipped();
    incoming
}

/// Adds the elements that have a Tiermap kind; returns where each identifier went.
fn translate_elements<'m>(
    model: &'m Model,
    names: &mut HashMap<&'m str, String>,
    incoming: &mut Incoming,
    skipped: &mut SkipList,
) -> HashMap<&'m str, usize> {
    let mut index = HashMap::new();
    for element in &model.elements {
        let origin = Some(Origin::Line(element.line));
        let name = element.name.clone().filter(|n| !n.is_empty());
        let display = name.clone().unwrap_or_else(|| element.identifier.clone());
        if element.identifier.is_empty() {
            incoming.issues.push(Issue::warning(
                origin,
                "an element has no identifier; it is left out",
            ));
            continue;
        }
        if names.contains_key(element.identifier.as_str()) {
            incoming.issues.push(
                Issue::warning(
                    origin,
                    "the identifier is used before in the file; this element is left out",
                )
                .at("identifier", &element.identifier),
            );
            continue;
        }
        names.insert(&element.identifier, display.clone());
        let Some(kind) = element_kind(&element.kind) else {
            let what = if element.kind.is_empty() {
                "elements with no type".to_owned()
            } else {
                format!("{} elements", element.kind)
            };
            skipped.add(what, display);
            continue;
        };
        if name.is_none() {
            incoming.issues.push(
                Issue::warning(
                    origin,
                    "the element has no name; its identifier is used as its name",
                )
                .at("identifier", &element.identifier),
            );
        }
        let issues = &mut incoming.issues;
        let display = clean_field(&display, "name", Lines::Single, false, origin, issues)
            .trim()
            .to_owned();
        let mut imported = IncomingElement::new(Origin::Line(element.line), kind, display);
        imported.key = Some(element.identifier.clone());
        imported.description = element
            .documentation
            .as_deref()
            .map(|d| {
                clean_field(d, "documentation", Lines::Multi, false, origin, issues).into_owned()
            })
            .filter(|d| !d.is_empty());
        for (reference, value) in &element.properties {
            let property = model
                .property_names
                .get(reference)
                .filter(|n| !n.is_empty())
                .unwrap_or(reference);
            let property = clean_field(
                property,
                "property name",
                Lines::Single,
                false,
                origin,
                issues,
            )
            .into_owned();
            let value =
                clean_field(value, &property, Lines::Single, false, origin, issues).into_owned();
            imported.properties.insert(property, value);
        }
        index.insert(element.identifier.as_str(), incoming.elements.len());
        incoming.elements.push(imported);
    }
    index
}

/// An Assignment from a business actor whose name is an owner role: the
/// actor is a person who owns the assigned element.
fn owner_role(relationship: &Concept, source: usize, incoming: &Incoming) -> Option<Role> {
    let actor = matches!(
        incoming.elements[source].kind,
        ElementKind::OrgUnit | ElementKind::Person
    );
    if relationship.kind != "Assignment" || !actor {
        return None;
    }
    relationship.name.as_deref().and_then(role_named)
}

fn translate_relationships(
    model: &Model,
    names: &HashMap<&str, String>,
    index: &HashMap<&str, usize>,
    incoming: &mut Incoming,
    skipped: &mut SkipList,
) {
    let ends = |r: &Concept| {
        Some((
            *index.get(r.source.as_str())?,
            *index.get(r.target.as_str())?,
        ))
    };
    // People first: an actor holding an owner role anywhere is a person everywhere.
    for relationship in &model.relationships {
        if let Some((source, target)) = ends(relationship)
            && source != target
            && owner_role(relationship, source, incoming).is_some()
        {
            incoming.elements[source].kind = ElementKind::Person;
        }
    }
    let mut seen_relations = HashSet::new();
    let mut leads = HashSet::new();
    for relationship in &model.relationships {
        let origin = Some(Origin::Line(relationship.line));
        let mut ends_missing = false;
        for (end, id) in [
            ("source", &relationship.source),
            ("target", &relationship.target),
        ] {
            if !names.contains_key(id.as_str()) {
                ends_missing = true;
                incoming.issues.push(
                    Issue::warning(
                        origin,
                        format!("the relationship's {end} is not in the file; it is left out"),
                    )
                    .at(end, id),
                );
            }
        }
        if ends_missing {
            continue;
        }
        let label = format!(
            "{} → {}",
            names[relationship.source.as_str()],
            names[relationship.target.as_str()]
        );
        let Some((source, target)) = ends(relationship) else {
            skipped.add(
                format!(
                    "{} relations between elements not imported",
                    relationship.kind
                ),
                label,
            );
            continue;
        };
        if source == target {
            incoming.issues.push(
                Issue::warning(
                    origin,
                    "the relationship joins an element to itself; it is left out",
                )
                .at("identifier", &relationship.identifier),
            );
            continue;
        }
        if let Some(role) = owner_role(relationship, source, incoming) {
            // The first owner of a role over an element leads; the others delegate.
            let accountable = leads.insert((role, target));
            incoming.ownerships.push(IncomingOwnership {
                person: Ref::New(source),
                target: Ref::New(target),
                role,
                accountable,
            });
            continue;
        }
        let (kind, from, to) = match relationship.kind.as_str() {
            // The whole is the source of a composition; the part rolls up to it.
            "Composition" | "Aggregation" => (RelationKind::RollsUpTo, target, source),
            "Serving" | "UsedBy" | "Realization" => (RelationKind::Supports, source, target),
            "Assignment" => match incoming.elements[source].kind {
                ElementKind::OrgUnit => (RelationKind::BelongsTo, target, source),
                ElementKind::Person => {
                    skipped.add(
                        "Assignment relations from a person that name no owner role".to_owned(),
                        label,
                    );
                    continue;
                }
                _ => {
                    skipped.add(
                        "Assignment relations not from a business actor".to_owned(),
                        label,
                    );
                    continue;
                }
            },
            other => {
                skipped.add(format!("{other} relations"), label);
                continue;
            }
        };
        if seen_relations.insert((kind, from, to)) {
            incoming.relations.push(IncomingRelation {
                kind,
                source: Ref::New(from),
                target: Ref::New(to),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_recognised_in_any_spelling() {
        assert_eq!(role_named("Product Owner"), Some(Role::ProductOwner));
        assert_eq!(role_named("  business_owner "), Some(Role::BusinessOwner));
        assert_eq!(role_named("PM"), Some(Role::ProductManager));
        assert_eq!(role_named("so"), Some(Role::ServiceOwner));
        assert_eq!(role_named("manages"), None);
    }
}
