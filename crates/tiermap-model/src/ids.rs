//! Stable identifiers. Every record that can be referenced gets a UUID v7:
//! unique across documents (so maps can be merged and imported) and ordered
//! by creation time (so BTreeMaps list things in the order they were made).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                $name(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::ModelError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(text)
                    .map($name)
                    .map_err(|_| crate::ModelError::BadId { text: text.to_owned() })
            }
        }
    };
}

id_type!(
    /// An element: a product, service, asset, segment, unit, team or person.
    ElementId
);
id_type!(
    /// A relation between two elements.
    RelationId
);
id_type!(
    /// A map (one view of the document, with one grouping model).
    MapId
);
id_type!(
    /// A group (container) on a map.
    GroupId
);
id_type!(
    /// An ownership: a person holding a role on an element or group.
    OwnershipId
);
id_type!(
    /// A KPI of an element.
    KpiId
);
