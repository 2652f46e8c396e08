//! The outline panel's edits: each asks `tiermap_model::outline` for the
//! plan and applies it as one undo step, returning the map as it now is
//! (its outline included). A plan with nothing in it (indenting the first
//! item, moving the last one down) changes nothing and leaves no step.

use tiermap_model::outline::{self, Direction, Node, OutlineError};
use tiermap_model::{Edit, MapId};

use crate::error::{AppError, ErrorCode};
use crate::session::Session;
use crate::wire::MapView;

fn map_id(text: &str) -> Result<MapId, AppError> {
    text.parse().map_err(|_| {
        AppError::new(
            ErrorCode::UnknownId,
            format!("'{text}' is not a valid map id"),
        )
    })
}

fn refused(error: OutlineError) -> AppError {
    match error {
        OutlineError::NotOnMap => AppError::new(ErrorCode::UnknownId, error.to_string()),
        OutlineError::Refused(_) => AppError::new(ErrorCode::InvalidInput, error.to_string()),
    }
}

impl Session {
    /// The node an outline line names on this map.
    fn outline_node(&self, map: MapId, item_id: &str) -> Result<Node, AppError> {
        outline::resolve(self.doc()?, map, item_id).ok_or_else(|| {
            AppError::new(
                ErrorCode::UnknownId,
                format!("{item_id} is not on this map any more"),
            )
        })
    }

    fn node_name(&self, node: Node) -> String {
        let Ok(doc) = self.doc() else {
            return String::new();
        };
        match node {
            Node::Element(e) => doc.element(e).map(|e| e.name.clone()),
            Node::Group(g) => doc.group(g).map(|g| g.name.clone()),
        }
        .unwrap_or_default()
    }

    fn apply_plan(
        &mut self,
        label: &str,
        edits: &[Edit],
        map_id: &str,
    ) -> Result<MapView, AppError> {
        if !edits.is_empty() {
            self.apply(label, edits)?;
        }
        self.map_view(map_id)
    }

    /// Enter in the outline: a new element after the item (its sibling, or a
    /// group's last member), or the map's first when no item is given.
    pub fn outline_add(
        &mut self,
        map_id: &str,
        after_id: Option<&str>,
        name: &str,
    ) -> Result<(String, MapView), AppError> {
        let map = map_id_checked(self, map_id)?;
        let after = after_id.map(|a| self.outline_node(map, a)).transpose()?;
        let trimmed = name.trim();
        if trimmed.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "an element needs a name",
            ));
        }
        let (element, edits) =
            outline::add_after(self.doc()?, map, after, trimmed).map_err(refused)?;
        let view = self.apply_plan(&format!("Add {trimmed}"), &edits, map_id)?;
        Ok((element.to_string(), view))
    }

    /// Tab: the item goes under the item above it, one kind down.
    pub fn outline_indent(&mut self, map_id: &str, item_id: &str) -> Result<MapView, AppError> {
        let map = map_id_checked(self, map_id)?;
        let node = self.outline_node(map, item_id)?;
        let edits = outline::indent(self.doc()?, map, node).map_err(refused)?;
        self.apply_plan(&format!("Indent {}", self.node_name(node)), &edits, map_id)
    }

    /// Shift+Tab: the item goes beside its parent, with its parent's kind.
    pub fn outline_outdent(&mut self, map_id: &str, item_id: &str) -> Result<MapView, AppError> {
        let map = map_id_checked(self, map_id)?;
        let node = self.outline_node(map, item_id)?;
        let edits = outline::outdent(self.doc()?, map, node).map_err(refused)?;
        self.apply_plan(&format!("Outdent {}", self.node_name(node)), &edits, map_id)
    }

    /// Alt+↑ / Alt+↓: the item trades places with its sibling ("up" or "down").
    pub fn outline_move(
        &mut self,
        map_id: &str,
        item_id: &str,
        direction: &str,
    ) -> Result<MapView, AppError> {
        let map = map_id_checked(self, map_id)?;
        let node = self.outline_node(map, item_id)?;
        let direction = match direction {
            "up" => Direction::Up,
            "down" => Direction::Down,
            other => {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("'{other}' is not up or down"),
                ));
            }
        };
        let edits = outline::reorder(self.doc()?, map, node, direction).map_err(refused)?;
        let word = if direction == Direction::Up {
            "up"
        } else {
            "down"
        };
        self.apply_plan(
            &format!("Move {} {word}", self.node_name(node)),
            &edits,
            map_id,
        )
    }

    /// Pastes an indented list after the item (or at the map's top): every
    /// line an element, the hierarchy by indentation, one undo step. Returns
    /// the new elements in the text's order.
    pub fn outline_paste(
        &mut self,
        map_id: &str,
        at_id: Option<&str>,
        text: &str,
    ) -> Result<(Vec<String>, MapView), AppError> {
        let map = map_id_checked(self, map_id)?;
        let at = at_id.map(|a| self.outline_node(map, a)).transpose()?;
        let (created, edits) = outline::paste(self.doc()?, map, at, text).map_err(refused)?;
        let label = if created.len() == 1 {
            "Paste 1 element".to_owned()
        } else {
            format!("Paste {} elements", created.len())
        };
        let view = self.apply_plan(&label, &edits, map_id)?;
        Ok((created.iter().map(ToString::to_string).collect(), view))
    }
}

/// A map id that names a map of the open document.
fn map_id_checked(session: &Session, text: &str) -> Result<MapId, AppError> {
    let map = map_id(text)?;
    if session.doc()?.map(map).is_none() {
        return Err(AppError::new(
            ErrorCode::UnknownId,
            format!("no map with id {text}"),
        ));
    }
    Ok(map)
}
