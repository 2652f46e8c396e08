//! The map's colours, the same as the UI's (`ui/src/editor/palette.ts`):
//! one per element kind, one per ownership tier, a line style per relation
//! kind. A test reads the TypeScript file and fails when the two differ.

use tiermap_model::{ElementKind, RelationKind};

/// Colour of an element kind: its box's stripe and kind label.
pub fn kind_color(kind: ElementKind) -> &'static str {
    match kind {
        ElementKind::ServiceArea => "#7b3fa0",
        ElementKind::Product => "#1f6fb2",
        ElementKind::Service => "#2a9d8f",
        ElementKind::Family => "#3d5a80",
        ElementKind::Application => "#e07a2f",
        ElementKind::Platform => "#b5651d",
        ElementKind::Infrastructure => "#6b705c",
        ElementKind::MarketSegment => "#c2185b",
        ElementKind::OrgUnit => "#5d4037",
        ElementKind::Team => "#558b2f",
        ElementKind::Person => "#455a64",
    }
}

/// Colour of an ownership tier: 1 business owner, 2 product manager, 3 product or service owner.
pub fn tier_color(tier: u8) -> &'static str {
    match tier {
        1 => "#b8860b",
        2 => "#1565c0",
        3 => "#2e7d32",
        _ => "#607d8b",
    }
}

/// How a relation's line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineStyle {
    pub stroke: &'static str,
    /// SVG dash pattern (lengths in px), None for a solid line.
    pub dash: Option<&'static str>,
}

pub fn relation_style(kind: RelationKind) -> LineStyle {
    let (stroke, dash) = match kind {
        RelationKind::RollsUpTo => ("#37474f", None),
        RelationKind::Supports => ("#8d6e63", Some("6 4")),
        RelationKind::Serves => ("#c2185b", Some("2 4")),
        RelationKind::BelongsTo => ("#5d4037", None),
        RelationKind::DeliveredBy => ("#558b2f", Some("8 3 2 3")),
        RelationKind::CollaboratesWith => ("#455a64", Some("2 3")),
        RelationKind::DottedLine => ("#455a64", Some("1 4")),
    };
    LineStyle { stroke, dash }
}

/// The UI's neutral colours (styles.css), used for text, borders and paper.
pub const INK: &str = "#1d2733";
pub const INK_SOFT: &str = "#5b6b7c";
pub const LINE: &str = "#d5dde6";
pub const PAPER: &str = "#ffffff";
pub const GROUP_BORDER: &str = "#b8c4d2";

/// Red, green and blue (0–255) of a `#rrggbb` colour; black if it is not one.
pub fn rgb(hex: &str) -> [f64; 3] {
    let channel = |i: usize| {
        hex.get(1 + 2 * i..3 + 2 * i)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0.0, f64::from)
    };
    [channel(0), channel(1), channel(2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui_palette() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../ui/src/editor/palette.ts"
        );
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The text of the TypeScript object literal that follows `name`.
    fn object_after<'a>(source: &'a str, name: &str) -> &'a str {
        let start = source
            .find(name)
            .unwrap_or_else(|| panic!("palette.ts has no {name}"));
        let rest = &source[start..];
        let open = rest.find("= {").expect("an object literal") + 2;
        let close = rest.find("\n};").expect("the object's end");
        &rest[open..close]
    }

    /// `key: ... "#abcdef"` lines of an object literal, as (key, first colour, rest of line).
    fn entries(object: &str) -> Vec<(String, String, String)> {
        object
            .lines()
            .filter_map(|line| {
                let (key, value) = line.trim().split_once(':')?;
                let colour_start = value.find("\"#")? + 1;
                let colour = &value[colour_start..colour_start + 7];
                Some((key.trim().to_owned(), colour.to_owned(), value.to_owned()))
            })
            .collect()
    }

    #[test]
    fn kind_colours_match_the_ui() {
        let ui = entries(object_after(&ui_palette(), "KIND_COLORS"));
        assert_eq!(
            ui.len(),
            ElementKind::ALL.len(),
            "every kind has a colour in the UI"
        );
        for (word, colour, _) in ui {
            let kind: ElementKind = word
                .parse()
                .unwrap_or_else(|_| panic!("palette.ts names an unknown kind {word}"));
            assert_eq!(kind_color(kind), colour, "colour of {word}");
        }
    }

    #[test]
    fn tier_colours_match_the_ui() {
        let ui = entries(object_after(&ui_palette(), "TIER_COLORS"));
        assert_eq!(ui.len(), 3);
        for (tier, colour, _) in ui {
            assert_eq!(
                tier_color(tier.parse().unwrap()),
                colour,
                "colour of tier {tier}"
            );
        }
    }

    #[test]
    fn relation_styles_match_the_ui() {
        let ui = entries(object_after(&ui_palette(), "RELATION_STYLES"));
        assert_eq!(ui.len(), RelationKind::ALL.len());
        for (word, colour, rest) in ui {
            let kind: RelationKind = word
                .parse()
                .unwrap_or_else(|_| panic!("palette.ts names an unknown relation {word}"));
            let style = relation_style(kind);
            assert_eq!(style.stroke, colour, "line colour of {word}");
            let dash = rest
                .split_once("dash: \"")
                .map(|(_, d)| d.split('"').next().unwrap_or_default());
            assert_eq!(style.dash, dash, "dash of {word}");
        }
    }
}
