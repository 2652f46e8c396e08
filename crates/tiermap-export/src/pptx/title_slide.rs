//! The optional first slide: the presentation's title and the maps it shows.

use super::drawing::{self, Frame, Ids, Look, Paragraph, Run, TextBody};
use super::parts::{SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::palette;

pub fn title_slide(title: &str, maps: &[String]) -> String {
    let mut ids = Ids::new();
    let mut out = String::new();
    let plain = Look {
        fill: None,
        line: None,
    };
    let heading = TextBody {
        paragraphs: vec![Paragraph {
            runs: vec![Run {
                text: title,
                size: 4000,
                bold: true,
                color: palette::INK,
                superscript: false,
            }],
            align: "l",
        }],
        insets: (0, 0, 0, 0),
        anchor: "b",
        wrap: true,
    };
    let frame = Frame {
        x: 760_000,
        y: 1_400_000,
        width: SLIDE_WIDTH - 1_520_000,
        height: 1_600_000,
    };
    drawing::shape(
        &mut out,
        ids.next(),
        "Title",
        title,
        "rect",
        None,
        &frame,
        plain,
        Some(&heading),
    );
    let accent = Frame {
        x: 760_000,
        y: 3_150_000,
        width: 1_200_000,
        height: 60_000,
    };
    drawing::shape(
        &mut out,
        ids.next(),
        "Rule",
        "",
        "rect",
        None,
        &accent,
        Look {
            fill: Some(("#1f6fb2", 1.0)),
            line: None,
        },
        None,
    );
    let count = match maps.len() {
        1 => "1 map".to_owned(),
        n => format!("{n} maps"),
    };
    let mut paragraphs = vec![Paragraph {
        runs: vec![Run {
            text: &count,
            size: 1800,
            bold: true,
            color: palette::INK_SOFT,
            superscript: false,
        }],
        align: "l",
    }];
    for map in maps.iter().take(12) {
        paragraphs.push(Paragraph {
            runs: vec![Run {
                text: map,
                size: 1600,
                bold: false,
                color: palette::INK,
                superscript: false,
            }],
            align: "l",
        });
    }
    let more = format!("and {} more", maps.len().saturating_sub(12));
    if maps.len() > 12 {
        paragraphs.push(Paragraph {
            runs: vec![Run {
                text: &more,
                size: 1600,
                bold: false,
                color: palette::INK_SOFT,
                superscript: false,
            }],
            align: "l",
        });
    }
    let list = TextBody {
        paragraphs,
        insets: (0, 0, 0, 0),
        anchor: "t",
        wrap: true,
    };
    let frame = Frame {
        x: 760_000,
        y: 3_400_000,
        width: SLIDE_WIDTH - 1_520_000,
        height: SLIDE_HEIGHT - 3_800_000,
    };
    drawing::shape(
        &mut out,
        ids.next(),
        "Maps",
        &count,
        "rect",
        None,
        &frame,
        plain,
        Some(&list),
    );
    out
}
