//! The model's one error type. Messages name the record and the id involved,
//! so the app can show them as they are.

/// Why an edit, a word or an id was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("'{word}' is not a known {vocabulary} value")]
    UnknownWord { vocabulary: &'static str, word: String },
    #[error("'{text}' is not a valid id")]
    BadId { text: String },
    #[error("no {what} with id {id}")]
    Missing { what: &'static str, id: String },
    #[error("{what} {id} cannot be deleted: {reason}")]
    StillReferenced { what: &'static str, id: String, reason: String },
    #[error("a {what} needs a name")]
    EmptyName { what: &'static str },
    #[error("element {id} is not a person, so it cannot {purpose}")]
    NotAPerson { id: String, purpose: &'static str },
    #[error("group {group} belongs to another map than {map}")]
    WrongMap { group: String, map: String },
    #[error("group {group} cannot be placed inside itself or one of its own groups")]
    GroupCycle { group: String },
    #[error("group {group} cannot move to another map")]
    GroupMapChange { group: String },
    #[error("a relation cannot join element {id} to itself")]
    SelfRelation { id: String },
    #[error("a capability score is 0 to 4, not {score}")]
    ScoreOutOfRange { score: u8 },
    #[error("{what} has a position or size that is not a finite number")]
    BadGeometry { what: &'static str },
}
