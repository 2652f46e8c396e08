//! The key beside a map's drawing: the kinds, relation lines and owner
//! tiers that this map shows, and nothing else.

use std::collections::BTreeSet;

use tiermap_model::{ElementKind, Rect, RelationKind};

use crate::fonts::Weight;
use crate::palette::{self, LineStyle};
use crate::scene::Label;
use crate::wrap::LINE_HEIGHT;

/// Legend text and spacing.
pub const LEGEND_TEXT: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;
const LEGEND_PAD: f64 = 12.0;
const LEGEND_SWATCH: f64 = 28.0;

/// What a legend row shows before its label.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    Kind(&'static str),
    Line(LineStyle),
    Tier { tier: u8, color: &'static str },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    pub swatch: Swatch,
    /// Where the swatch is drawn (the row's left part).
    pub swatch_rect: Rect,
    pub label: Label,
}

/// The key to colours and lines: only what this map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    pub headings: Vec<Label>,
    pub rows: Vec<LegendRow>,
}

/// The label of a role's tier in the legend.
fn tier_label(tier: u8) -> &'static str {
    match tier {
        1 => "Tier 1: business owner",
        2 => "Tier 2: product manager",
        _ => "Tier 3: product or service owner",
    }
}

fn legend_label(text: &str, x: f64, top: f64, weight: Weight, color: &'static str) -> Label {
    Label {
        lines: vec![text.to_owned()],
        size: LEGEND_TEXT,
        weight,
        color,
        x,
        top,
    }
}

/// The legend at (`x`, `y`): the kinds, relation kinds and tiers this map shows.
pub fn legend(
    x: f64,
    y: f64,
    kinds: &BTreeSet<ElementKind>,
    relations: &BTreeSet<RelationKind>,
    tiers: &BTreeSet<u8>,
) -> Option<Legend> {
    if kinds.is_empty() && relations.is_empty() && tiers.is_empty() {
        return None;
    }
    let mut headings = Vec::new();
    let mut rows = Vec::new();
    let mut top = y + LEGEND_PAD;
    let text_x = x + LEGEND_PAD + LEGEND_SWATCH + 8.0;
    let mut section = |heading: &str, entries: Vec<(Swatch, String)>, top: &mut f64| {
        if entries.is_empty() {
            return;
        }
        headings.push(legend_label(
            &heading.to_uppercase(),
            x + LEGEND_PAD,
            *top,
            Weight::Bold,
            palette::INK_SOFT,
        ));
        *top += LEGEND_ROW;
        for (swatch, text) in entries {
            let swatch_rect = Rect::new(
                x + LEGEND_PAD,
                *top + 2.0,
                LEGEND_SWATCH,
                LEGEND_TEXT * LINE_HEIGHT - 2.0,
            );
            rows.push(LegendRow {
                swatch,
                swatch_rect,
                label: legend_label(&text, text_x, *top, Weight::Regular, palette::INK),
            });
            *top += LEGEND_ROW;
        }
        *top += 6.0;
    };
    section(
        "Kinds",
        kinds
            .iter()
            .map(|k| (Swatch::Kind(palette::kind_color(*k)), k.label().to_owned()))
            .collect(),
        &mut top,
    );
    section(
        "Relations",
        relations
            .iter()
            .map(|r| {
                (
                    Swatch::Line(palette::relation_style(*r)),
                    r.label().to_owned(),
                )
            })
            .collect(),
        &mut top,
    );
    section(
        "Owners",
        tiers
            .iter()
            .map(|t| {
                (
                    Swatch::Tier {
                        tier: *t,
                        color: palette::tier_color(*t),
                    },
                    tier_label(*t).to_owned(),
                )
            })
            .collect(),
        &mut top,
    );
    let widest = headings
        .iter()
        .chain(rows.iter().map(|r| &r.label))
        .map(|l| l.x + l.width())
        .fold(x, f64::max);
    Some(Legend {
        rect: Rect::new(x, y, widest - x + LEGEND_PAD, top - y + LEGEND_PAD - 6.0),
        headings,
        rows,
    })
}
