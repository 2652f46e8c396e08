//! The keyboard capture benchmark (`make bench-capture`, not in `make test`):
//! a three-tier pyramid of 20 elements (a service area, 4 products, 15
//! services), every one with an owner, typed into the real app with the
//! keyboard alone. It counts the keys pressed beyond the names and the
//! owners' names, and the page itself times each key from its keydown to
//! the first frame after the window changed. Figures go in BENCHMARKS.md.

use std::time::Duration;

use thirtyfour::prelude::*;
use tiermap_e2e::{App, eventually, file_with, read_document};
use tiermap_model::{ElementKind, OwnedTarget};

/// Records, in the page, each key's time from keydown to the first frame
/// after the page changed (or null when nothing changed within two seconds).
const TIMER: &str = r#"
window.__keys = [];
window.addEventListener('keydown', (event) => {
  const started = performance.now();
  const key = event.key;
  // A modifier held for the next key is part of that key's press.
  if (['Shift', 'Control', 'Alt', 'Meta'].includes(key)) return;
  let settled = false;
  const watcher = new MutationObserver(() => {
    if (settled) return;
    settled = true;
    watcher.disconnect();
    requestAnimationFrame(() => window.__keys.push({ key, ms: performance.now() - started }));
  });
  watcher.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  setTimeout(() => { if (!settled) { settled = true; watcher.disconnect(); window.__keys.push({ key, ms: null }); } }, 2000);
}, true);
"#;

/// What is typed: (how the element is made, its name, its owner).
fn pyramid() -> Vec<(&'static str, String, String)> {
    let mut lines = vec![("Enter", "Retail banking".to_owned(), "Ana Lima".to_owned())];
    let products = ["Mortgages", "Cards", "Savings", "Payments"];
    let managers = ["Ben Okafor", "Chen Wu", "Dana Levi", "Eli Moreau"];
    let services = [
        ["Rate lock", "Appraisals", "Loan servicing", ""],
        ["Card issuing", "Disputes", "Rewards", "Fraud alerts"],
        ["Deposits", "Interest", "Statements", "Round-ups"],
        ["Transfers", "Bill pay", "Standing orders", "Instant pay"],
    ];
    let owners = ["Farah Nadeem", "Gus Berg", "Hana Ito", "Ivo Petrov", "Jon Reyes", "Kim Sato", "Lena Roth", "Mo Farouk"];
    let mut owner = 0;
    for (p, product) in products.iter().enumerate() {
        // The first product is Tab below the service area; the others Shift+Tab from the last service (a sibling of its parent).
        lines.push((if p == 0 { "Tab" } else { "Shift+Tab" }, (*product).to_owned(), managers[p].to_owned()));
        for (s, service) in services[p].iter().filter(|s| !s.is_empty()).enumerate() {
            lines.push((if s == 0 { "Tab" } else { "Enter" }, (*service).to_owned(), owners[owner % owners.len()].to_owned()));
            owner += 1;
        }
    }
    lines
}

async fn recorded(app: &App) -> usize {
    let count = app.driver().execute("return window.__keys.length;", vec![]).await.expect("count");
    count.json().as_u64().unwrap_or(0) as usize
}

/// Presses one key and waits until the page has timed it, so keys never overlap.
async fn press_timed(app: &App, keys: impl Into<TypingData>, sent: &mut usize) {
    press_timed_with(app, false, keys, sent).await;
}

async fn press_timed_with(app: &App, shift: bool, keys: impl Into<TypingData>, sent: &mut usize) {
    let chain = app.driver().action_chain();
    let chain = if shift { chain.key_down(Key::Shift).send_keys(keys).key_up(Key::Shift) } else { chain.send_keys(keys) };
    chain.perform().await.expect("key");
    *sent += 1;
    let target = *sent;
    eventually(Duration::from_secs(5), async || (recorded(app).await >= target).then_some(())).await.expect("the page timed the key");
}

#[tokio::test]
#[ignore = "a benchmark: make bench-capture"]
async fn a_twenty_element_pyramid_with_owners_is_captured_by_keyboard_alone() {
    // A new document's first map, as File > New Document makes it (its tiers, nothing else).
    let document = file_with("capture.tiermap", b"");
    std::fs::remove_file(&document.path).expect("free the name");
    let mut session = tiermap_app::Session::new();
    session.create_for(&document.path, tiermap_model::GroupingModel::Pyramid, "Retail").expect("create");
    drop(session);

    let app = App::launch(&[&document.path]).await;
    app.wait_for_canvas(None).await;
    app.driver().execute(TIMER, vec![]).await.expect("timer");
    let mut sent = 0usize;
    let mut beyond_names = 0usize;
    let lines = pyramid();
    for (how, name, owner) in &lines {
        eprintln!("{how}: {name} @{owner}");
        match *how {
            "Enter" => press_timed(&app, Key::Enter, &mut sent).await,
            "Tab" => press_timed(&app, Key::Tab, &mut sent).await,
            _ => press_timed_with(&app, true, Key::Tab, &mut sent).await,
        }
        app.wait_for("[data-testid=rename-input]").await;
        for c in name.chars() {
            press_timed(&app, c.to_string(), &mut sent).await;
        }
        for c in [' ', '@'] {
            press_timed(&app, c.to_string(), &mut sent).await;
        }
        for c in owner.chars() {
            press_timed(&app, c.to_string(), &mut sent).await;
        }
        press_timed(&app, Key::Enter, &mut sent).await;
        // The creating key, the space and @, and Enter.
        beyond_names += 4;
        eventually(Duration::from_secs(5), async || {
            app.driver().find_all(By::Css("[data-testid=rename-input]")).await.ok()?.is_empty().then_some(())
        })
        .await
        .expect("the name field closed");
    }

    let stored = read_document(&document.path);
    let doc = stored.doc();
    let boxes: Vec<_> = doc.elements().filter(|e| e.kind != ElementKind::Person).collect();
    assert_eq!(boxes.len(), lines.len(), "every line made one element");
    for (_, name, owner) in &lines {
        let element = boxes.iter().find(|e| &e.name == name).unwrap_or_else(|| panic!("{name} is stored"));
        let owned: Vec<_> = doc.ownerships_of(OwnedTarget::Element(element.id)).map(|o| doc.element(o.person).expect("person").name.clone()).collect();
        assert_eq!(&owned, &vec![owner.clone()], "{name} is owned by {owner}");
    }
    let kinds = |kind: ElementKind| boxes.iter().filter(|e| e.kind == kind).count();
    let map = doc.maps()[0].id;
    for element in &boxes {
        let group = doc.placement(map, element.id).and_then(|p| p.group).and_then(|g| doc.group(g)).map(|g| g.name.clone());
        eprintln!("{:?} {} in {group:?}", element.kind, element.name);
    }
    assert_eq!((kinds(ElementKind::ServiceArea), kinds(ElementKind::Product), kinds(ElementKind::Service)), (1, 4, 15), "three tiers");

    let timings = app.driver().execute("return window.__keys;", vec![]).await.expect("timings");
    let mut all: Vec<f64> = Vec::new();
    let mut commands: Vec<f64> = Vec::new();
    let mut unchanged = 0;
    let mut slowest: Vec<(f64, usize, String)> = Vec::new();
    for (at, entry) in timings.json().as_array().expect("a list").iter().enumerate() {
        if let Some(ms) = entry["ms"].as_f64() {
            slowest.push((ms, at, entry["key"].as_str().unwrap_or_default().to_owned()));
        }
        let key = entry["key"].as_str().unwrap_or_default();
        match entry["ms"].as_f64() {
            Some(ms) => {
                all.push(ms);
                if key.chars().count() > 1 || key == "@" {
                    commands.push(ms);
                }
            }
            None => unchanged += 1,
        }
    }
    let percentile = |values: &mut Vec<f64>, p: f64| {
        values.sort_by(f64::total_cmp);
        values.get(((values.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(f64::NAN)
    };
    println!("keyboard capture: {} elements, {} owners, no pointer action", lines.len(), lines.len());
    println!("keys pressed: {sent} in all; beyond names and owners' names: {beyond_names} ({:.1} per element)", beyond_names as f64 / lines.len() as f64);
    println!(
        "key to visible result, all keys ({} timed, {unchanged} changed nothing visible): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        all.len(),
        percentile(&mut all, 0.5),
        percentile(&mut all, 0.95),
        percentile(&mut all, 1.0)
    );
    println!(
        "key to visible result, Enter / Tab / Shift+Tab / @ ({}): median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        commands.len(),
        percentile(&mut commands, 0.5),
        percentile(&mut commands, 0.95),
        percentile(&mut commands, 1.0)
    );
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest keys (ms, key number, key): {:?}", &slowest[..slowest.len().min(6)]);
    assert!(beyond_names <= 4 * lines.len(), "at most 4 keys per element beyond the names");
    app.quit().await;
}
