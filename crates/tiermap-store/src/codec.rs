//! Records to rows and back. `write` turns one model edit into SQL; `load`
//! reads every table into a model document. Nothing else touches the tables
//! (the history table lives in history.rs).

use std::str::FromStr;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row, Statement, ToSql, params};
use tiermap_model::{
    ActivityCell, CapabilityScore, Document, Edit, Element, Group, Kpi, Map, ModelError,
    OwnedTarget, Ownership, Placement, Rect, Relation, validate::ValidationSettings,
};

// Columns are read by position (each SELECT lists them): rusqlite looks a
// name up by scanning the column names on every call, which doubled the time
// to open a 10k-element document.

/// A word or id column that does not parse is damage, reported with its table.
fn parse<T: FromStr<Err = ModelError>>(row: &Row, column: usize) -> rusqlite::Result<T> {
    let text: &str = row.get_ref(column)?.as_str()?;
    T::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn parse_opt<T: FromStr<Err = ModelError>>(
    row: &Row,
    column: usize,
) -> rusqlite::Result<Option<T>> {
    let text: Option<&str> = row.get_ref(column)?.as_str_or_null()?;
    text.map(|t| {
        T::from_str(t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                column,
                rusqlite::types::Type::Text,
                Box::new(e),
            )
        })
    })
    .transpose()
}

fn json<T: serde::de::DeserializeOwned>(row: &Row, column: usize) -> rusqlite::Result<T> {
    let text: &str = row.get_ref(column)?.as_str()?;
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// x, y, width, height from four consecutive columns starting at `first`.
fn rect(row: &Row, first: usize) -> rusqlite::Result<Rect> {
    Ok(Rect::new(
        row.get(first)?,
        row.get(first + 1)?,
        row.get(first + 2)?,
        row.get(first + 3)?,
    ))
}

/// One table of records: its columns in the order `read` takes them, the
/// order rows are loaded in, and how a row becomes the edit that puts it.
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static str,
    order: &'static str,
    pub read: fn(&Row) -> rusqlite::Result<Edit>,
}

/// Every table of records, in an order where references come first.
pub(crate) const TABLES: [Table; 9] = [
    Table {
        name: "elements",
        columns: "id, kind, name, description, external, lifecycle, tags, properties",
        order: "id",
        read: |r| {
            Ok(Edit::PutElement(Element {
                id: parse(r, 0)?,
                kind: parse(r, 1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                external: r.get(4)?,
                lifecycle: parse_opt(r, 5)?,
                tags: json(r, 6)?,
                properties: json(r, 7)?,
            }))
        },
    },
    Table {
        name: "relations",
        columns: "id, kind, source_id, target_id",
        order: "id",
        read: |r| {
            Ok(Edit::PutRelation(Relation {
                id: parse(r, 0)?,
                kind: parse(r, 1)?,
                source: parse(r, 2)?,
                target: parse(r, 3)?,
            }))
        },
    },
    Table {
        name: "maps",
        columns: "id, name, model, position",
        order: "id",
        read: |r| {
            Ok(Edit::PutMap(Map {
                id: parse(r, 0)?,
                name: r.get(1)?,
                model: parse(r, 2)?,
                position: r.get(3)?,
            }))
        },
    },
    Table {
        name: "groups",
        columns: "id, map_id, parent_id, kind, name, x, y, width, height, collapsed",
        order: "id",
        read: |r| {
            Ok(Edit::PutGroup(Group {
                id: parse(r, 0)?,
                map: parse(r, 1)?,
                parent: parse_opt(r, 2)?,
                kind: parse(r, 3)?,
                name: r.get(4)?,
                rect: rect(r, 5)?,
                collapsed: r.get(9)?,
            }))
        },
    },
    Table {
        name: "placements",
        columns: "map_id, element_id, group_id, x, y, width, height",
        order: "map_id, element_id",
        read: |r| {
            Ok(Edit::PutPlacement(Placement {
                map: parse(r, 0)?,
                element: parse(r, 1)?,
                group: parse_opt(r, 2)?,
                rect: rect(r, 3)?,
            }))
        },
    },
    Table {
        name: "ownerships",
        columns: "id, person_id, element_id, group_id, role, accountable",
        order: "id",
        read: |r| {
            let target = match parse_opt(r, 2)? {
                Some(element) => OwnedTarget::Element(element),
                None => OwnedTarget::Group(parse(r, 3)?),
            };
            Ok(Edit::PutOwnership(Ownership {
                id: parse(r, 0)?,
                person: parse(r, 1)?,
                target,
                role: parse(r, 4)?,
                accountable: r.get(5)?,
            }))
        },
    },
    Table {
        name: "kpis",
        columns: "id, element_id, name, value_source, objective, collection_method, target, current_value, position",
        order: "id",
        read: |r| {
            Ok(Edit::PutKpi(Kpi {
                id: parse(r, 0)?,
                element: parse(r, 1)?,
                name: r.get(2)?,
                value_source: r.get(3)?,
                objective: r.get(4)?,
                collection_method: r.get(5)?,
                target: r.get(6)?,
                current_value: r.get(7)?,
                position: r.get(8)?,
            }))
        },
    },
    Table {
        name: "capability_scores",
        columns: "person_id, part, score, note",
        order: "person_id, part",
        read: |r| {
            Ok(Edit::PutScore(CapabilityScore {
                person: parse(r, 0)?,
                part: parse(r, 1)?,
                score: r.get(2)?,
                note: r.get(3)?,
            }))
        },
    },
    Table {
        name: "activity_cells",
        columns: "activity, role, responsibility",
        order: "activity, role",
        read: |r| {
            Ok(Edit::PutActivity(ActivityCell {
                activity: parse(r, 0)?,
                role: parse(r, 1)?,
                responsibility: parse(r, 2)?,
            }))
        },
    },
];

/// The per-document validation settings, when the document has its own.
pub(crate) fn settings(conn: &Connection) -> rusqlite::Result<Option<Edit>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM document_meta WHERE key = 'validation'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    text.map(|text| {
        serde_json::from_str(&text)
            .map(Edit::PutValidationSettings)
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
    })
    .transpose()
}

/// Loads every record. Records are applied as edits, so a file whose rows
/// break a model rule is reported instead of being half-loaded.
pub(crate) fn load(conn: &Connection) -> Result<Document, LoadError> {
    let mut doc = Document::new();
    let mut edits: Vec<Edit> = Vec::new();
    for table in &TABLES {
        let sql = if table.name == "groups" {
            // Parents before children: depth from a recursive walk up the tree.
            format!(
                "WITH RECURSIVE depth(id, d) AS (
                    SELECT id, 0 FROM groups WHERE parent_id IS NULL
                    UNION ALL SELECT g.id, depth.d + 1 FROM groups g JOIN depth ON g.parent_id = depth.id
                 )
                 SELECT {} FROM groups JOIN depth USING (id) ORDER BY depth.d, id",
                table.columns
            )
        } else {
            format!(
                "SELECT {} FROM {} ORDER BY {}",
                table.columns, table.name, table.order
            )
        };
        collect(conn, &sql, &mut edits, table.read)?;
    }
    edits.extend(settings(conn)?);
    for edit in &edits {
        doc.apply(edit).map_err(LoadError::Model)?;
    }
    Ok(doc)
}

/// Why loading failed: the database could not be read, or its rows break the model.
#[derive(Debug)]
pub(crate) enum LoadError {
    Sqlite(rusqlite::Error),
    Model(ModelError),
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        LoadError::Sqlite(e)
    }
}

fn collect(
    conn: &Connection,
    sql: &str,
    out: &mut Vec<Edit>,
    read: impl Fn(&Row) -> rusqlite::Result<Edit>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| read(r))?;
    for row in rows {
        out.push(row?);
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising strings and string maps cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// An id bound as its text, without a String per id (SQLite copies it).
struct IdText([u8; 36]);

impl IdText {
    fn of(id: uuid::Uuid) -> Self {
        let mut text = [0; 36];
        id.hyphenated().encode_lower(&mut text);
        IdText(text)
    }
}

impl ToSql for IdText {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(&self.0)))
    }
}

/// How a record is put into its table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Put {
    /// Over the row with the same key, if there is one (every change).
    Upsert,
    /// As a new row: a new document has no row to conflict with, so the
    /// upsert's conflict handling is work for nothing.
    Insert,
}

/// A statement in both forms, indexed by [`Put`]: the plain INSERT, and
/// the same INSERT with its ON CONFLICT clause.
macro_rules! put_sql {
    ($insert:literal, $conflict:literal) => {
        [concat!($insert, " ", $conflict), $insert]
    };
}

pub(crate) const ELEMENT: [&str; 2] = put_sql!(
    "INSERT INTO elements (id, kind, name, description, external, lifecycle, tags, properties)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "ON CONFLICT (id) DO UPDATE SET kind = ?2, name = ?3, description = ?4, external = ?5,
         lifecycle = ?6, tags = ?7, properties = ?8"
);
pub(crate) const RELATION: [&str; 2] = put_sql!(
    "INSERT INTO relations (id, kind, source_id, target_id) VALUES (?1, ?2, ?3, ?4)",
    "ON CONFLICT (id) DO UPDATE SET kind = ?2, source_id = ?3, target_id = ?4"
);
pub(crate) const MAP: [&str; 2] = put_sql!(
    "INSERT INTO maps (id, name, model, position) VALUES (?1, ?2, ?3, ?4)",
    "ON CONFLICT (id) DO UPDATE SET name = ?2, model = ?3, position = ?4"
);
pub(crate) const GROUP: [&str; 2] = put_sql!(
    "INSERT INTO groups (id, map_id, parent_id, kind, name, x, y, width, height, collapsed)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "ON CONFLICT (id) DO UPDATE SET map_id = ?2, parent_id = ?3, kind = ?4, name = ?5,
         x = ?6, y = ?7, width = ?8, height = ?9, collapsed = ?10"
);
pub(crate) const PLACEMENT: [&str; 2] = put_sql!(
    "INSERT INTO placements (map_id, element_id, group_id, x, y, width, height)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "ON CONFLICT (map_id, element_id) DO UPDATE SET group_id = ?3, x = ?4, y = ?5, width = ?6, height = ?7"
);
pub(crate) const OWNERSHIP: [&str; 2] = put_sql!(
    "INSERT INTO ownerships (id, person_id, element_id, group_id, role, accountable)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "ON CONFLICT (id) DO UPDATE SET person_id = ?2, element_id = ?3, group_id = ?4, role = ?5, accountable = ?6"
);
pub(crate) const KPI: [&str; 2] = put_sql!(
    "INSERT INTO kpis (id, element_id, name, value_source, objective, collection_method, target, current_value, position)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "ON CONFLICT (id) DO UPDATE SET element_id = ?2, name = ?3, value_source = ?4, objective = ?5,
         collection_method = ?6, target = ?7, current_value = ?8, position = ?9"
);
pub(crate) const SCORE: [&str; 2] = put_sql!(
    "INSERT INTO capability_scores (person_id, part, score, note) VALUES (?1, ?2, ?3, ?4)",
    "ON CONFLICT (person_id, part) DO UPDATE SET score = ?3, note = ?4"
);
pub(crate) const ACTIVITY: [&str; 2] = put_sql!(
    "INSERT INTO activity_cells (activity, role, responsibility) VALUES (?1, ?2, ?3)",
    "ON CONFLICT (activity, role) DO UPDATE SET responsibility = ?3"
);
pub(crate) const SETTINGS: [&str; 2] = put_sql!(
    "INSERT INTO document_meta (key, value) VALUES ('validation', ?1)",
    "ON CONFLICT (key) DO UPDATE SET value = ?1"
);

/// Puts one record. A put edit of any kind; delete edits are not puts, and
/// are written by [`write`].
pub(crate) fn put(conn: &Connection, edit: &Edit, how: Put) -> rusqlite::Result<()> {
    match edit {
        Edit::PutElement(e) => put_element(conn, e, how),
        Edit::PutRelation(r) => put_relation(conn, r, how),
        Edit::PutMap(m) => put_map(conn, m, how),
        Edit::PutGroup(g) => put_group(conn, g, how),
        Edit::PutPlacement(p) => put_placement(conn, p, how),
        Edit::PutOwnership(o) => put_ownership(conn, o, how),
        Edit::PutKpi(k) => put_kpi(conn, k, how),
        Edit::PutScore(s) => put_score(conn, s, how),
        Edit::PutActivity(a) => put_activity(conn, a, how),
        Edit::PutValidationSettings(settings) => put_settings(conn, settings, how),
        delete => write(conn, delete),
    }
}

pub(crate) fn put_element(conn: &Connection, e: &Element, how: Put) -> rusqlite::Result<()> {
    run_element(&mut *conn.prepare_cached(ELEMENT[how as usize])?, e)
}

/// Runs `stmt`, one of the two forms of [`ELEMENT`], for `e`.
pub(crate) fn run_element(stmt: &mut Statement, e: &Element) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(e.id.0),
        e.kind.as_str(),
        e.name,
        e.description,
        e.external,
        e.lifecycle.map(|l| l.as_str()),
        to_json(&e.tags),
        to_json(&e.properties)
    ])
    .map(|_| ())
}

pub(crate) fn put_relation(conn: &Connection, r: &Relation, how: Put) -> rusqlite::Result<()> {
    run_relation(&mut *conn.prepare_cached(RELATION[how as usize])?, r)
}

/// Runs `stmt`, one of the two forms of [`RELATION`], for `r`.
pub(crate) fn run_relation(stmt: &mut Statement, r: &Relation) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(r.id.0),
        r.kind.as_str(),
        IdText::of(r.source.0),
        IdText::of(r.target.0)
    ])
    .map(|_| ())
}

pub(crate) fn put_map(conn: &Connection, m: &Map, how: Put) -> rusqlite::Result<()> {
    run_map(&mut *conn.prepare_cached(MAP[how as usize])?, m)
}

/// Runs `stmt`, one of the two forms of [`MAP`], for `m`.
pub(crate) fn run_map(stmt: &mut Statement, m: &Map) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(m.id.0),
        m.name,
        m.model.as_str(),
        m.position
    ])
    .map(|_| ())
}

pub(crate) fn put_group(conn: &Connection, g: &Group, how: Put) -> rusqlite::Result<()> {
    run_group(&mut *conn.prepare_cached(GROUP[how as usize])?, g)
}

/// Runs `stmt`, one of the two forms of [`GROUP`], for `g`.
pub(crate) fn run_group(stmt: &mut Statement, g: &Group) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(g.id.0),
        IdText::of(g.map.0),
        g.parent.map(|p| IdText::of(p.0)),
        g.kind.as_str(),
        g.name,
        g.rect.x,
        g.rect.y,
        g.rect.width,
        g.rect.height,
        g.collapsed
    ])
    .map(|_| ())
}

pub(crate) fn put_placement(conn: &Connection, p: &Placement, how: Put) -> rusqlite::Result<()> {
    run_placement(&mut *conn.prepare_cached(PLACEMENT[how as usize])?, p)
}

/// Runs `stmt`, one of the two forms of [`PLACEMENT`], for `p`.
pub(crate) fn run_placement(stmt: &mut Statement, p: &Placement) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(p.map.0),
        IdText::of(p.element.0),
        p.group.map(|g| IdText::of(g.0)),
        p.rect.x,
        p.rect.y,
        p.rect.width,
        p.rect.height
    ])
    .map(|_| ())
}

pub(crate) fn put_ownership(conn: &Connection, o: &Ownership, how: Put) -> rusqlite::Result<()> {
    run_ownership(&mut *conn.prepare_cached(OWNERSHIP[how as usize])?, o)
}

/// Runs `stmt`, one of the two forms of [`OWNERSHIP`], for `o`.
pub(crate) fn run_ownership(stmt: &mut Statement, o: &Ownership) -> rusqlite::Result<()> {
    let (element, group) = match o.target {
        OwnedTarget::Element(id) => (Some(IdText::of(id.0)), None),
        OwnedTarget::Group(id) => (None, Some(IdText::of(id.0))),
    };
    stmt.execute(params![
        IdText::of(o.id.0),
        IdText::of(o.person.0),
        element,
        group,
        o.role.as_str(),
        o.accountable
    ])
    .map(|_| ())
}

pub(crate) fn put_kpi(conn: &Connection, k: &Kpi, how: Put) -> rusqlite::Result<()> {
    run_kpi(&mut *conn.prepare_cached(KPI[how as usize])?, k)
}

/// Runs `stmt`, one of the two forms of [`KPI`], for `k`.
pub(crate) fn run_kpi(stmt: &mut Statement, k: &Kpi) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(k.id.0),
        IdText::of(k.element.0),
        k.name,
        k.value_source,
        k.objective,
        k.collection_method,
        k.target,
        k.current_value,
        k.position
    ])
    .map(|_| ())
}

pub(crate) fn put_score(conn: &Connection, s: &CapabilityScore, how: Put) -> rusqlite::Result<()> {
    run_score(&mut *conn.prepare_cached(SCORE[how as usize])?, s)
}

/// Runs `stmt`, one of the two forms of [`SCORE`], for `s`.
pub(crate) fn run_score(stmt: &mut Statement, s: &CapabilityScore) -> rusqlite::Result<()> {
    stmt.execute(params![
        IdText::of(s.person.0),
        s.part.as_str(),
        s.score,
        s.note
    ])
    .map(|_| ())
}

pub(crate) fn put_activity(conn: &Connection, a: &ActivityCell, how: Put) -> rusqlite::Result<()> {
    run_activity(&mut *conn.prepare_cached(ACTIVITY[how as usize])?, a)
}

/// Runs `stmt`, one of the two forms of [`ACTIVITY`], for `a`.
pub(crate) fn run_activity(stmt: &mut Statement, a: &ActivityCell) -> rusqlite::Result<()> {
    stmt.execute(params![
        a.activity.as_str(),
        a.role.as_str(),
        a.responsibility.as_str()
    ])
    .map(|_| ())
}

pub(crate) fn put_settings(
    conn: &Connection,
    settings: &ValidationSettings,
    how: Put,
) -> rusqlite::Result<()> {
    conn.prepare_cached(SETTINGS[how as usize])?
        .execute([to_json(settings)])
        .map(|_| ())
}

/// Writes one edit over what the file holds. The model has already checked
/// it, so a failure here is a storage problem, not a user mistake.
pub(crate) fn write(conn: &Connection, edit: &Edit) -> rusqlite::Result<()> {
    match edit {
        Edit::DeleteElement { id } => conn
            .prepare_cached("DELETE FROM elements WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeleteRelation { id } => conn
            .prepare_cached("DELETE FROM relations WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeleteMap { id } => conn
            .prepare_cached("DELETE FROM maps WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeleteGroup { id } => conn
            .prepare_cached("DELETE FROM groups WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeletePlacement { map, element } => conn
            .prepare_cached("DELETE FROM placements WHERE map_id = ?1 AND element_id = ?2")?
            .execute([map.to_string(), element.to_string()]),
        Edit::DeleteOwnership { id } => conn
            .prepare_cached("DELETE FROM ownerships WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeleteKpi { id } => conn
            .prepare_cached("DELETE FROM kpis WHERE id = ?1")?
            .execute([id.to_string()]),
        Edit::DeleteScore { person, part } => conn
            .prepare_cached("DELETE FROM capability_scores WHERE person_id = ?1 AND part = ?2")?
            .execute([person.to_string(), part.as_str().to_owned()]),
        Edit::DeleteActivity { activity, role } => conn
            .prepare_cached("DELETE FROM activity_cells WHERE activity = ?1 AND role = ?2")?
            .execute([activity.as_str(), role.as_str()]),
        put_edit => return put(conn, put_edit, Put::Upsert),
    }
    .map(|_| ())
}
