//! The lines on the canvas are the core's routes: on the sample's busiest
//! maps, no drawn line passes through a box that is not one of its ends, nor
//! over a group's title, and every relation the map shows is drawn once.
//! Read from what the window draws: points sampled along each SVG path,
//! tested against the boxes' rectangles on the screen.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};
use tiermap_e2e::{App, eventually, read_document, sample_document};
use tiermap_model::presentation::shown_by_containment;

/// Samples every relation path of the canvas at every 2 map units, and
/// reports how often each relation is drawn, each line that passes through a
/// box other than its two ends or over a group's name, kind or owners, and
/// how each line was drawn (the core's route, or provisionally straight).
const LOOK: &str = r#"
const ends = arguments[0];
const canvas = document.querySelector('[data-testid=canvas]');
const rect = (el) => el.getBoundingClientRect();
// Paths are in map units inside the viewport, which React Flow pans and
// zooms with a CSS transform from the top left of its frame (WebKit's
// getScreenCTM leaves CSS transforms out).
const origin = rect(canvas.querySelector('.react-flow'));
const m = new DOMMatrix(getComputedStyle(canvas.querySelector('.react-flow__viewport')).transform);
const boxes = [...canvas.querySelectorAll('.react-flow__node-element')].map((n) => ({ id: n.getAttribute('data-id'), r: rect(n) }));
const titles = [...canvas.querySelectorAll('.react-flow__node-container .group-name, .react-flow__node-container .group-kind, .react-flow__node-container .group-header .owner-badge')]
  .map((t) => ({ id: `${t.closest('.react-flow__node').getAttribute('data-id')} ${t.className}`, r: rect(t) }));
const inside = (x, y, r) => x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1;
const drawn = {};
const through = new Set();
const overTitles = new Set();
const how = {};
for (const edge of canvas.querySelectorAll('.react-flow__edge')) {
  const id = edge.getAttribute('data-id');
  drawn[id] = (drawn[id] || 0) + 1;
  const path = edge.querySelector('path.react-flow__edge-path');
  if (!path) continue;
  how[id] = path.getAttribute('data-routed');
  const [source, target] = ends[id] || [null, null];
  const length = path.getTotalLength();
  for (let along = 0; along <= length; along += 2) {
    const p = path.getPointAtLength(along);
    const x = origin.left + m.e + m.a * p.x, y = origin.top + m.f + m.d * p.y;
    for (const b of boxes) if (b.id !== source && b.id !== target && inside(x, y, b.r)) through.add(`${id} through ${b.id}`);
    for (const t of titles) if (inside(x, y, t.r)) overTitles.add(`${id} over ${t.id}`);
  }
}
return { drawn, through: [...through], overTitles: [...overTitles], how };
"#;

#[tokio::test]
async fn lines_go_round_the_boxes_they_do_not_join_and_each_relation_is_drawn_once() {
    let document = sample_document();
    let file = read_document(&document.path);
    let doc = file.doc();
    let mut maps = Vec::new();
    for name in ["Customer banking products", "Human resources"] {
        let map = doc
            .maps()
            .into_iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("the sample has {name}"));
        let placed = |id| doc.placement(map.id, id).is_some();
        // Every relation between two boxes of the map, but those its groups show by containment.
        let ends: BTreeMap<String, (String, String)> = doc
            .relations()
            .filter(|r| placed(r.source) && placed(r.target) && !shown_by_containment(doc, map, r))
            .map(|r| {
                (
                    r.id.to_string(),
                    (r.source.to_string(), r.target.to_string()),
                )
            })
            .collect();
        assert!(ends.len() >= 8, "{name} has lines to check");
        maps.push((name, map.id.to_string(), ends));
    }
    drop(file);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    for (name, map, ends) in &maps {
        app.click_map_tab(map).await;
        app.wait_for_canvas(Some(map)).await;
        let arg = json!(
            ends.iter()
                .map(|(id, (s, t))| (id.clone(), json!([s, t])))
                .collect::<serde_json::Map<_, _>>()
        );
        // Lines are drawn once both boxes are measured: wait for all of them.
        let look = eventually(Duration::from_secs(10), async || {
            let look = app
                .driver()
                .execute(LOOK, vec![arg.clone()])
                .await
                .ok()?
                .json()
                .clone();
            let drawn = look["drawn"].as_object()?;
            ends.keys().all(|id| drawn.contains_key(id)).then_some(look)
        })
        .await
        .unwrap_or_else(|| panic!("{name}: every relation drawn"));

        let drawn: BTreeMap<String, Value> = look["drawn"]
            .as_object()
            .expect("counts")
            .clone()
            .into_iter()
            .collect();
        let expected: BTreeMap<String, Value> =
            ends.keys().map(|id| (id.clone(), Value::from(1))).collect();
        assert_eq!(
            drawn, expected,
            "{name}: each relation of the map drawn once, and nothing else"
        );
        assert_eq!(
            look["through"],
            json!([]),
            "{name}: lines through boxes they do not join (drawn: {})",
            look["how"]
        );
        assert_eq!(
            look["overTitles"],
            json!([]),
            "{name}: lines over group titles"
        );
        let how = look["how"].as_object().expect("how each line is drawn");
        assert!(
            how.values().all(|h| h == "routed"),
            "{name}: every line along the core's route: {how:?}"
        );
    }
    app.quit().await;
}
