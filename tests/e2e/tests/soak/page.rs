//! What the window shows, read in one script call per look (a look is
//! cheap, so the walk can look after every step), and the pointer and key
//! gestures the walk makes, in window coordinates.

use std::time::Duration;

use serde_json::Value;
use thirtyfour::action_chain::ActionChain;
use thirtyfour::prelude::*;
use tiermap_e2e::App;

/// Collects every uncaught script error and rejected promise of the page,
/// and what was logged as an error, from the moment it is installed.
const INSTALL_COLLECTOR: &str = r#"
if (!window.__soak) {
  window.__soak = { uncaught: [], logged: [] };
  window.addEventListener('error', (e) => {
    // The browser's note that a resize observer skipped a frame: not the app's error.
    if (String(e.message).startsWith('ResizeObserver loop')) return;
    const where = e.filename ? ` (${e.filename}:${e.lineno}:${e.colno})` : '';
    window.__soak.uncaught.push(`${e.message}${where}${e.error && e.error.stack ? '\n' + e.error.stack : ''}`);
  });
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    window.__soak.uncaught.push(`unhandled rejection: ${r && r.stack ? r.stack : (r && r.message) || JSON.stringify(r)}`);
  });
  const logError = console.error.bind(console);
  console.error = (...args) => {
    window.__soak.logged.push(args.map((a) => (a && a.stack) || (typeof a === 'string' ? a : JSON.stringify(a))).join(' ').slice(0, 2000));
    logError(...args);
  };
}
return true;
"#;

/// One look at the window: the app, the canvas and its viewport, the boxes,
/// groups and lines drawn, what can be clicked, and the errors collected.
const LOOK: &str = r#"
const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
const hits = (x, y, el) => { const at = document.elementFromPoint(x, y); return !!at && (at === el || el.contains(at)); };
const app = document.querySelector('[data-testid=app]');
const canvas = document.querySelector('[data-testid=canvas]');
const flow = canvas && canvas.querySelector('.react-flow');
const pane = canvas && canvas.querySelector('.react-flow__pane');
const viewport = canvas && canvas.querySelector('.react-flow__viewport');
const matrix = viewport ? new DOMMatrix(getComputedStyle(viewport).transform) : null;
// Where things can be pressed is worked out only for choosing an action (a
// full look); a look for checking reads what is drawn, which is quicker.
const full = arguments[0];
const nodes = canvas ? [...canvas.querySelectorAll('.react-flow__node-element')].map((n) => {
  const r = n.getBoundingClientRect();
  // Where a person clicks a box: on its kind and name, not a badge or a
  // handle, and clear of any line (a click near a line picks the line).
  const onBox = (x, y) => {
    const at = document.elementFromPoint(x, y);
    return !!at && at.closest('.react-flow__node') === n && !at.closest('.react-flow__handle, [data-testid=owner-badge], [data-testid=problem-badge], input');
  };
  const nearLine = (x, y) => [[-14, 0], [14, 0], [0, -14], [0, 14]].some(([dx, dy]) => {
    const at = document.elementFromPoint(x + dx, y + dy);
    return !!at && !!at.closest('.react-flow__edge');
  });
  const top = r.top + Math.min(r.height * 0.3, 18);
  const spot = !full ? null : [[0.5, top], [0.3, top], [0.7, top], [0.5, r.top + r.height * 0.55]]
    .map(([f, y]) => [r.left + r.width * f, y])
    .find(([x, y]) => onBox(x, y) && !nearLine(x, y));
  const [x, y] = spot || [0, 0];
  const clickable = !!spot;
  const handle = n.querySelector('.react-flow__handle.source');
  const h = handle && handle.getBoundingClientRect();
  return {
    id: n.getAttribute('data-id'), rect: box(n), selected: n.classList.contains('selected'),
    click: clickable ? [x, y] : null,
    handle: full && h && hits(h.left + h.width / 2, h.top + h.height / 2, handle) ? [h.left + h.width / 2, h.top + h.height / 2] : null,
  };
}) : [];
const groups = canvas ? [...canvas.querySelectorAll('.react-flow__node-container')].map((g) => {
  const header = g.querySelector('.group-header');
  const h = header && header.getBoundingClientRect();
  const x = h && h.left + h.width / 2, y = h && h.top + h.height / 2;
  return { id: g.getAttribute('data-id'), header: full && h && hits(x, y, header) ? [x, y] : null, selected: g.classList.contains('selected') };
}) : [];
// Free spots of the map, and spots inside a group with no box under them: where drops land.
const spots = [];
if (flow && full) {
  const [left, top, width, height] = box(flow);
  for (let i = 1; i < 9; i++) for (let j = 1; j < 7; j++) {
    const x = left + (width * i) / 9, y = top + (height * j) / 7;
    const at = document.elementFromPoint(x, y);
    if (!at || !flow.contains(at)) continue;
    if (at === pane) spots.push({ x, y, group: null });
    else {
      const node = at.closest('.react-flow__node');
      if (node && node.classList.contains('react-flow__node-container') && !at.closest('.group-header, button, input'))
        spots.push({ x, y, group: node.getAttribute('data-id') });
    }
  }
}
const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && hits(r.left + r.width / 2, r.top + r.height / 2, el); };
const centre = (el) => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
const rename = document.querySelector('[data-testid=rename-input], [data-testid=group-rename-input]');
return {
  collector: !!window.__soak,
  uncaught: window.__soak ? window.__soak.uncaught : [],
  logged: window.__soak ? window.__soak.logged : [],
  app: !!app,
  presenting: !!app && app.getAttribute('data-presenting') === 'true',
  canvas: !!canvas && !!pane,
  map: canvas ? canvas.getAttribute('data-map-id') : null,
  ready: !!canvas && canvas.getAttribute('data-ready') === 'true',
  flow: flow ? box(flow) : null,
  transform: matrix ? [matrix.e, matrix.f, matrix.a] : null,
  nodes, groups, spots,
  edges: canvas ? [...canvas.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id')) : [],
  rename: rename ? { testid: rename.getAttribute('data-testid'), focused: document.activeElement === rename } : null,
  dialogs: ['relation-picker', 'role-picker', 'new-map-dialog', 'command-palette', 'shortcuts-dialog', 'export-dialog', 'import-dialog', 'rules-dialog']
    .filter((d) => document.querySelector(`[data-testid=${d}]`)),
  tabs: !full ? [] : [...document.querySelectorAll('[data-testid=map-tab]')].map((t) => ({ id: t.getAttribute('data-map-id'), at: visible(t) ? centre(t) : null })),
  palette: !full ? [] : [...document.querySelectorAll('[data-testid^=palette-]')].map((p) => ({ id: p.getAttribute('data-testid').slice(8), at: visible(p) ? centre(p) : null })),
  people: !full ? [] : [...document.querySelectorAll('[data-testid=person]')].map((p) => ({ id: p.getAttribute('data-person-id'), at: visible(p) ? centre(p) : null })),
  buttons: !full ? [] : ['arrange', 'new-map'].map((b) => { const el = document.querySelector(`[data-testid=${b}]`); return { id: b, at: el && visible(el) && !el.disabled ? centre(el) : null }; }),
  save: (document.querySelector('[data-testid=save-state]') || {}).className || '',
  focus: (() => { const a = document.activeElement; if (!a || a === document.body) return 'body'; return a.tagName.toLowerCase() + (a.getAttribute('data-testid') ? `[data-testid=${a.getAttribute('data-testid')}]` : '') + (a.className && typeof a.className === 'string' ? '.' + a.className.split(' ').slice(0, 2).join('.') : ''); })(),
  notice: ((document.querySelector('[data-testid=notice]') || {}).textContent || '').slice(0, 300),
};
"#;

pub type Point = (f64, f64);

pub static LOOK_TIME: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
pub static LOOKS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A box on the canvas as drawn.
#[derive(Debug, Clone)]
pub struct Box {
    pub id: String,
    /// left, top, width, height in window pixels.
    pub rect: [f64; 4],
    pub selected: bool,
    /// Where to click it, if a click there reaches it.
    pub click: Option<Point>,
    /// Its source handle, if a press there reaches it.
    pub handle: Option<Point>,
}

/// Something of the chrome: a tab, a palette item, a person, with where to press it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub at: Option<Point>,
}

/// A free spot of the map (`group` None) or of a group, where a drop lands.
#[derive(Debug, Clone)]
pub struct Spot {
    pub at: Point,
    pub group: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Rename {
    pub testid: String,
    pub focused: bool,
}

/// One look at the window.
#[derive(Debug, Clone)]
pub struct Look {
    pub collector: bool,
    pub uncaught: Vec<String>,
    pub logged: Vec<String>,
    pub app: bool,
    pub presenting: bool,
    pub canvas: bool,
    pub map: Option<String>,
    pub ready: bool,
    pub flow: Option<[f64; 4]>,
    /// The canvas's pan (x, y) and zoom.
    pub transform: Option<[f64; 3]>,
    pub nodes: Vec<Box>,
    /// Groups drawn, with where their title bar can be pressed.
    pub groups: Vec<Item>,
    pub selected_groups: Vec<String>,
    pub spots: Vec<Spot>,
    pub edges: Vec<String>,
    pub rename: Option<Rename>,
    pub dialogs: Vec<String>,
    pub tabs: Vec<Item>,
    pub palette: Vec<Item>,
    pub people: Vec<Item>,
    pub buttons: Vec<Item>,
    pub saving: bool,
    pub notice: String,
    /// What has the keyboard (for the report).
    pub focus: String,
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn point(v: &Value) -> Option<Point> {
    Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?))
}

fn numbers<const N: usize>(v: &Value) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = v.get(i)?.as_f64()?;
    }
    Some(out)
}

fn list<T>(v: &Value, each: impl Fn(&Value) -> T) -> Vec<T> {
    v.as_array()
        .map(|a| a.iter().map(each).collect())
        .unwrap_or_default()
}

fn item(v: &Value) -> Item {
    Item {
        id: text(&v["id"]),
        at: point(&v["at"]),
    }
}

impl Look {
    fn from_json(v: &Value) -> Look {
        Look {
            collector: v["collector"].as_bool().unwrap_or(false),
            uncaught: list(&v["uncaught"], text),
            logged: list(&v["logged"], text),
            app: v["app"].as_bool().unwrap_or(false),
            presenting: v["presenting"].as_bool().unwrap_or(false),
            canvas: v["canvas"].as_bool().unwrap_or(false),
            map: v["map"].as_str().map(str::to_owned),
            ready: v["ready"].as_bool().unwrap_or(false),
            flow: numbers(&v["flow"]),
            transform: numbers(&v["transform"]),
            nodes: list(&v["nodes"], |n| Box {
                id: text(&n["id"]),
                rect: numbers(&n["rect"]).unwrap_or_default(),
                selected: n["selected"].as_bool().unwrap_or(false),
                click: point(&n["click"]),
                handle: point(&n["handle"]),
            }),
            groups: list(&v["groups"], |g| Item {
                id: text(&g["id"]),
                at: point(&g["header"]),
            }),
            selected_groups: list(&v["groups"], |g| {
                g["selected"]
                    .as_bool()
                    .unwrap_or(false)
                    .then(|| text(&g["id"]))
            })
            .into_iter()
            .flatten()
            .collect(),
            spots: list(&v["spots"], |s| Spot {
                at: (
                    s["x"].as_f64().unwrap_or_default(),
                    s["y"].as_f64().unwrap_or_default(),
                ),
                group: s["group"].as_str().map(str::to_owned),
            }),
            edges: list(&v["edges"], text),
            rename: v["rename"].as_object().map(|r| Rename {
                testid: r.get("testid").map(text).unwrap_or_default(),
                focused: r.get("focused").and_then(Value::as_bool).unwrap_or(false),
            }),
            dialogs: list(&v["dialogs"], text),
            tabs: list(&v["tabs"], item),
            palette: list(&v["palette"], item),
            people: list(&v["people"], item),
            buttons: list(&v["buttons"], item),
            saving: text(&v["save"]).contains("saving"),
            notice: text(&v["notice"]),
            focus: text(&v["focus"]),
        }
    }

    pub fn node(&self, id: &str) -> Option<&Box> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// The page, through the driver.
pub struct Page<'a> {
    pub app: &'a App,
}

impl Page<'_> {
    pub async fn install_collector(&self) {
        self.app
            .driver()
            .execute(INSTALL_COLLECTOR, Vec::new())
            .await
            .expect("install the error collector");
    }

    /// What the map shows (no chrome, no free spots): for checking.
    pub async fn look(&self) -> Look {
        self.look_with(false).await
    }

    /// Everything, with where each item can be pressed: for choosing an action.
    pub async fn look_full(&self) -> Look {
        self.look_with(true).await
    }

    /// One look; a page that cannot answer (blank, gone) gives a look with nothing in it.
    async fn look_with(&self, full: bool) -> Look {
        let start = std::time::Instant::now();
        let look = self.look_now(full).await;
        LOOK_TIME.fetch_add(
            start.elapsed().as_micros() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        LOOKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        look
    }

    async fn look_now(&self, full: bool) -> Look {
        match self
            .app
            .driver()
            .execute(LOOK, vec![Value::Bool(full)])
            .await
        {
            Ok(answer) => Look::from_json(answer.json()),
            Err(error) => Look::from_json(
                &serde_json::json!({ "uncaught": [format!("the page did not answer: {error}")] }),
            ),
        }
    }

    /// An action chain whose pointer moves take `move_ms` each (thirtyfour's
    /// default is 250 ms, which would make the walk crawl).
    pub fn chain(&self, move_ms: u64) -> ActionChain {
        self.app
            .driver()
            .action_chain_with_delay(Some(Duration::ZERO), Some(Duration::from_millis(move_ms)))
    }

    pub async fn click(&self, at: Point, ctrl: bool) {
        let chain = self.chain(0);
        let chain = if ctrl {
            chain.key_down(Key::Control)
        } else {
            chain
        };
        let chain = chain
            .move_to(at.0.round() as i64, at.1.round() as i64)
            .click();
        let chain = if ctrl {
            chain.key_up(Key::Control)
        } else {
            chain
        };
        chain.perform().await.expect("click");
    }

    /// Presses at `from`, moves to `to` in a few steps (past every drag
    /// threshold, as a hand does) and releases there.
    pub async fn drag(&self, from: Point, to: Point) {
        let (x0, y0) = (from.0.round() as i64, from.1.round() as i64);
        let (x1, y1) = (to.0.round() as i64, to.1.round() as i64);
        let mut chain = self
            .chain(20)
            .move_to(x0, y0)
            .click_and_hold()
            .move_to(x0 + 4, y0 + 4);
        for step in 1..=3 {
            chain = chain.move_to(x0 + (x1 - x0) * step / 3, y0 + (y1 - y0) * step / 3);
        }
        chain.release().perform().await.expect("drag");
    }

    pub async fn keys(&self, keys: impl Into<TypingData>) {
        self.chain(0).send_keys(keys).perform().await.expect("keys");
    }

    /// A chord: Ctrl (and Shift) held around `key`.
    pub async fn chord(&self, shift: bool, key: impl Into<TypingData>) {
        let mut chain = self.chain(0).key_down(Key::Control);
        if shift {
            chain = chain.key_down(Key::Shift);
        }
        chain = chain.send_keys(key);
        if shift {
            chain = chain.key_up(Key::Shift);
        }
        chain.key_up(Key::Control).perform().await.expect("chord");
    }
}
