//! The random walk: one user action per step, chosen by a seeded generator
//! from what the window shows, and what each action may do to the file.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use super::page::{Look, Page};

/// SplitMix64: small, fast and the same on every machine, so a seed replays.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }

    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as usize) as i64
    }
}

/// What an action may do to the document's history.
#[derive(Debug, Clone)]
pub enum History {
    /// Nothing: the file's bytes stay identical.
    Unchanged,
    /// Exactly this many new undo steps (and no redo left).
    Steps(usize),
    /// One step, or none and then the bytes stay identical (a gesture that
    /// may change nothing, or be refused: a line that exists, an arrangement
    /// already in order).
    AtMostOne,
    /// Ctrl+Z (false) and Ctrl+Shift+Z (true) pressed in this order.
    Presses(Vec<bool>),
}

/// Which map the canvas must show afterwards.
#[derive(Debug, Clone)]
pub enum MapRule {
    /// The one shown before (or any, if that map is gone, as after undoing a new map).
    Same,
    Is(String),
    OneOf(Vec<String>),
    /// The map of this name, just created.
    Named(String),
    /// Any map of the document (undo and redo may take away and bring back
    /// the map shown; where the window goes then is its choice).
    Any,
}

/// Facts an action checks in the file afterwards.
#[derive(Debug, Clone)]
pub enum Check {
    /// Exactly these elements left this map; every other box stayed.
    Removed { map: String, elements: Vec<String> },
    /// An element or group of this name is in the file (a name typed in place).
    Named(String),
    /// If the action made a step, it is this relation.
    Related(String, String),
    /// This element is selected on the canvas.
    Selected(String),
}

/// What the walk expects after an action.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub history: History,
    pub map: MapRule,
    /// The map was fitted to the window: every box is drawn inside it.
    pub fitted: bool,
    pub checks: Vec<Check>,
    /// Settle no sooner than this (ms): a view that animates late (a jump's
    /// focus) must have moved before the next action aims at a box.
    pub at_least_ms: u64,
}

impl Outcome {
    pub fn unchanged() -> Outcome {
        Outcome {
            history: History::Unchanged,
            map: MapRule::Same,
            fitted: false,
            checks: Vec::new(),
            at_least_ms: 200,
        }
    }

    /// Presenting on or off: the window goes full screen or back, which the
    /// window system finishes a while later, and the map is fitted again.
    pub fn changing_window() -> Outcome {
        Outcome {
            at_least_ms: 1000,
            ..Outcome::unchanged()
        }
    }

    pub fn steps(n: usize) -> Outcome {
        Outcome {
            history: History::Steps(n),
            at_least_ms: 150,
            ..Outcome::unchanged()
        }
    }

    pub fn at_most_one() -> Outcome {
        Outcome {
            history: History::AtMostOne,
            at_least_ms: 400,
            ..Outcome::unchanged()
        }
    }

    pub fn on(mut self, map: MapRule) -> Outcome {
        self.map = map;
        self
    }

    pub fn with(mut self, check: Check) -> Outcome {
        self.checks.push(check);
        self
    }
}

/// A step that went wrong while it was being done.
pub type Failed = String;

/// Waits until `probe` holds on a look of the window (true), or `timeout` passes (false).
pub async fn until(page: &Page<'_>, timeout: Duration, probe: impl Fn(&Look) -> bool) -> bool {
    let start = Instant::now();
    loop {
        if probe(&page.look().await) {
            return true;
        }
        if start.elapsed() > timeout {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
}

/// Clicks the first box, Ctrl+clicks the others, and waits until exactly
/// those are selected, as the user sees them.
pub async fn select(page: &Page<'_>, look: &Look, ids: &[String]) -> Result<(), Failed> {
    // Where the boxes are now: the walk chose them from a look a moment ago.
    let fresh = page.look_full().await;
    let before: Vec<String> = fresh
        .nodes
        .iter()
        .filter(|n| n.selected)
        .map(|n| n.id.clone())
        .chain(fresh.selected_groups.iter().cloned())
        .collect();
    let look = if ids
        .iter()
        .all(|id| fresh.node(id).is_some_and(|n| n.click.is_some()))
    {
        &fresh
    } else {
        look
    };
    for (i, id) in ids.iter().enumerate() {
        let at = look
            .node(id)
            .and_then(|n| n.click)
            .ok_or_else(|| format!("box {id} cannot be clicked"))?;
        page.click(at, i > 0).await;
    }
    let wanted: Vec<&String> = ids.iter().collect();
    let ok = until(page, Duration::from_secs(2), |l| {
        let mut selected: Vec<&String> = l
            .nodes
            .iter()
            .filter(|n| n.selected)
            .map(|n| &n.id)
            .collect();
        selected.sort();
        let mut w = wanted.clone();
        w.sort();
        selected == w
    })
    .await;
    if ok {
        return Ok(());
    }
    let after = page.look().await;
    let moved: Vec<String> = ids
        .iter()
        .filter_map(|id| {
            let (then, now) = (look.node(id)?.rect, after.node(id)?.rect);
            ((then[0] - now[0]).abs() > 2.0 || (then[1] - now[1]).abs() > 2.0)
                .then(|| format!("{id} moved from {then:?} to {now:?} (the view moved)"))
        })
        .collect();
    let now: Vec<String> = after
        .nodes
        .iter()
        .filter(|n| n.selected)
        .map(|n| n.id.clone())
        .collect();
    let mut under = Vec::new();
    for id in ids {
        if let Some((x, y)) = look.node(id).and_then(|n| n.click) {
            let script = format!(
                "const e = document.elementFromPoint({x}, {y}); return e ? e.outerHTML.slice(0, 160) + ' in ' + ((e.closest('[data-id]') || {{}}).className || '') : 'nothing';"
            );
            let what = page
                .app
                .driver()
                .execute(script, Vec::new())
                .await
                .map(|r| r.json().to_string())
                .unwrap_or_default();
            under.push(format!("at ({x:.0}, {y:.0}): {what}"));
        }
    }
    Err(format!(
        "clicked {ids:?} (Ctrl held after the first), but the selection shown is {now:?} (groups {:?}; before the clicks: {before:?}); under the clicks now: {under:?} {moved:?}",
        after.selected_groups
    ))
}

/// Types `name` into the name field that opened for typing (`testid`), and
/// Enter. None when no field opened within `timeout`.
pub async fn name_it(
    page: &Page<'_>,
    testid: &str,
    name: &str,
    timeout: Duration,
) -> Result<Option<()>, Failed> {
    let opened = until(page, timeout, |l| {
        l.rename.as_ref().is_some_and(|r| r.testid == testid)
    })
    .await;
    if !opened {
        return Ok(None);
    }
    let focused = until(page, Duration::from_secs(2), |l| {
        l.rename.as_ref().is_some_and(|r| r.focused)
    })
    .await;
    if !focused {
        return Err(format!(
            "the name field ({testid}) opened without the keyboard: typing would go elsewhere"
        ));
    }
    page.keys(name).await;
    page.keys(Key::Enter).await;
    Ok(Some(()))
}

/// Clicks the first button matching `css`, if there is one.
pub async fn click_css(page: &Page<'_>, css: &str) -> bool {
    match page.app.driver().find(By::Css(css)).await {
        Ok(button) => button.click().await.is_ok(),
        Err(_) => false,
    }
}
