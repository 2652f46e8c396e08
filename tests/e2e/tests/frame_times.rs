//! Frame times of the canvas while dragging a box and panning, on generated
//! maps of 1,000 and 5,000 elements. A benchmark, not a test: it is ignored
//! by `make test`; `make bench-canvas` runs it against the release build and
//! prints the table that goes in BENCHMARKS.md.
//!
//! The gesture is played inside the page, one pointer step per animation
//! frame (WebDriver's own pointer actions hold the page's main loop while
//! they run, so frames would measure the driver, not the canvas). The gaps
//! between animation frames are the frame times a person sees: the work of
//! each step plus the paint. Sizes: TIERMAP_BENCH_SIZES (default "1000,5000").

use std::time::Duration;

use serde_json::Value;
use tiermap_e2e::App;

/// Plays a drag of 120 steps from (x, y), one per frame, moving by (dx, dy)
/// back and forth, and answers the times of the frames.
const DRAG: &str = r#"
    const [x, y, dx, dy, done] = arguments;
    const at = (kind, px, py, buttons) => {
        const target = document.elementFromPoint(px, py) ?? document.body;
        const init = { bubbles: true, cancelable: true, view: window, clientX: px, clientY: py, button: 0, buttons, pointerId: 1, pointerType: 'mouse', isPrimary: true };
        target.dispatchEvent(new PointerEvent('pointer' + kind, init));
        target.dispatchEvent(new MouseEvent('mouse' + kind, init));
    };
    const times = [];
    let step = 0, px = x, py = y;
    at('down', px, py, 1);
    const frame = (t) => {
        times.push(t);
        if (step === 120) { at('up', px, py, 0); done(JSON.stringify(times)); return; }
        const sign = Math.floor(step / 30) % 2 === 0 ? 1 : -1;
        px += dx * sign; py += dy * sign; step += 1;
        at('move', px, py, 1);
        requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
"#;

/// The centre of the first element box on screen, or a spot of the map with
/// nothing on it (or, when there is none, the minimap, which pans as well).
const START: &str = r#"
    const [what] = arguments;
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const inside = (r) => r.left > pane.left && r.right < pane.right - 200 && r.top > pane.top && r.bottom < pane.bottom - 150;
    if (what === 'box') {
        for (const node of document.querySelectorAll('.react-flow__node-element')) {
            const r = node.getBoundingClientRect();
            if (inside(r) && r.width > 4) return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
        }
        return [];
    }
    for (let y = pane.top + 10; y < pane.bottom - 150; y += 10)
        for (let x = pane.left + 10; x < pane.right - 200; x += 10)
            if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return [Math.round(x), Math.round(y)];
    // Zoomed in, groups cover the whole pane: pan by dragging the minimap instead.
    const mini = document.querySelector('.react-flow__minimap svg')?.getBoundingClientRect();
    return mini ? [Math.round(mini.left + mini.width / 2), Math.round(mini.top + mini.height / 2)] : [];
"#;

/// p50, p95 and worst of the gaps between frames, in milliseconds.
fn stats(frames: &[f64]) -> (f64, f64, f64, usize) {
    let mut gaps: Vec<f64> = frames.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_by(f64::total_cmp);
    let at = |q: f64| gaps.get(((gaps.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.95), gaps.last().copied().unwrap_or(f64::NAN), gaps.len())
}

fn numbers(value: &Value) -> Vec<f64> {
    value.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

/// Plays a drag from a box ("box") or an empty spot ("pane") and answers the frame times.
async fn gesture(app: &App, what: &str, step: (i64, i64)) -> Vec<f64> {
    let start = app.driver().execute(START, vec![Value::from(what)]).await.expect("find where to start");
    let xy = numbers(start.json());
    assert_eq!(xy.len(), 2, "nowhere on screen to start a {what} drag");
    let args = vec![Value::from(xy[0]), Value::from(xy[1]), Value::from(step.0), Value::from(step.1)];
    let frames = app.driver().execute_async(DRAG, args).await.expect("play the drag");
    // Let the drop be stored before the next gesture.
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Answered as JSON text: WebKitWebDriver does not hand back long arrays of floats.
    let text = frames.json().as_str().unwrap_or("[]").to_owned();
    numbers(&serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The canvas zoom, read from the viewport's CSS transform.
async fn scale(app: &App) -> f64 {
    let script = "const m = /scale\\(([0-9.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform); return m ? Number(m[1]) : 1;";
    app.driver().execute(script, Vec::new()).await.ok().and_then(|v| v.json().as_f64()).unwrap_or(1.0)
}

#[tokio::test]
#[ignore = "a benchmark: run with `make bench-canvas`"]
async fn frame_times_while_dragging_and_panning() {
    let sizes: Vec<usize> = std::env::var("TIERMAP_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,5000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let painting = if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_some() { "software painting (compositing off)" } else { "WebKit's GL compositing" };
    println!("Painting: {painting}");
    println!("| elements | gesture | zoom | frames | p50 ms | p95 ms | worst ms |");
    println!("|---:|---|---|---:|---:|---:|---:|");
    for size in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(format!("portfolio-{size}.tiermap"));
        tiermap_store::DocumentFile::create_with(&path, &tiermap_app::generate::portfolio(size)).expect("generated document");
        let app = App::launch(&[&path]).await;
        app.wait_for_canvas(None).await;
        // A slow canvas may take minutes for one gesture: measure it rather than give up.
        app.driver().set_script_timeout(Duration::from_secs(600)).await.expect("script timeout");
        for zoom in ["whole map", "100%"] {
            if zoom == "100%" {
                // The facilitator's working zoom: boxes at their real size.
                for _ in 0..40 {
                    if scale(&app).await >= 0.95 {
                        break;
                    }
                    app.press(false, "+").await;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
            }
            for (what, label, step) in [("box", "drag a box", (4, 2)), ("pane", "pan", (6, 3))] {
                let (p50, p95, worst, n) = stats(&gesture(&app, what, step).await);
                println!("| {size} | {label} | {zoom} | {n} | {p50:.1} | {p95:.1} | {worst:.1} |");
            }
        }
        app.quit().await;
    }
}
