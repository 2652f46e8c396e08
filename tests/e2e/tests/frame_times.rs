//! Frame times of the canvas while dragging a box and panning, on generated
//! maps of 1,000 and 5,000 elements. A benchmark, not a test: it is ignored
//! by `make test`; `make bench-canvas` runs it against the release build and
//! prints the table that goes in BENCHMARKS.md.
//!
//! The page records the time of every animation frame
//! (requestAnimationFrame); while the pointer drags, the gaps between frames
//! are the frame times a person sees. Sizes: TIERMAP_BENCH_SIZES (default
//! "1000,5000").

use std::time::Duration;

use serde_json::Value;
use tiermap_e2e::App;

const RECORD: &str = r#"
    window.__frames = [];
    const loop = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
"#;

/// p50, p95 and worst of the gaps between frames, in milliseconds.
fn stats(frames: &[f64]) -> (f64, f64, f64, usize) {
    let mut gaps: Vec<f64> = frames.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_by(f64::total_cmp);
    let at = |q: f64| gaps.get(((gaps.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.95), gaps.last().copied().unwrap_or(f64::NAN), gaps.len())
}

async fn frames(app: &App) -> Vec<f64> {
    let value = app.driver().execute("return window.__frames.splice(0);", Vec::new()).await.expect("read frames");
    match value.json() {
        Value::Array(items) => items.iter().filter_map(Value::as_f64).collect(),
        _ => Vec::new(),
    }
}

/// The canvas zoom, read from the viewport's CSS transform.
async fn scale(app: &App) -> f64 {
    let script = "const m = /scale\\(([0-9.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform); return m ? Number(m[1]) : 1;";
    app.driver().execute(script, Vec::new()).await.ok().and_then(|v| v.json().as_f64()).unwrap_or(1.0)
}

/// Holds the pointer down at the centre of `css`, moves it in small steps for about two seconds, releases.
async fn drag_slowly(app: &App, css: &str, step: (i64, i64)) {
    let target = app.wait_for(css).await;
    let mut chain = app.driver().handle().action_chain_with_delay(None, Some(Duration::from_millis(16))).move_to_element_center(&target).click_and_hold();
    for i in 0..120 {
        // Back and forth, so the box stays on screen.
        let sign = if (i / 30) % 2 == 0 { 1 } else { -1 };
        chain = chain.move_by_offset(step.0 * sign, step.1 * sign);
    }
    chain.release().perform().await.expect("drag");
}

#[tokio::test]
#[ignore = "a benchmark: run with `make bench-canvas`"]
async fn frame_times_while_dragging_and_panning() {
    let sizes: Vec<usize> = std::env::var("TIERMAP_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,5000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!("| elements | gesture | zoom | frames | p50 ms | p95 ms | worst ms |");
    println!("|---:|---|---|---:|---:|---:|---:|");
    for size in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(format!("portfolio-{size}.tiermap"));
        tiermap_store::DocumentFile::create_with(&path, &tiermap_app::generate::portfolio(size)).expect("generated document");
        let app = App::launch(&[&path]).await;
        app.wait_for_canvas(None).await;
        app.driver().execute(RECORD, Vec::new()).await.expect("start recording");
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
            let _ = frames(&app).await;
            drag_slowly(&app, ".react-flow__node-element:not(.react-flow__node-hidden)", (4, 2)).await;
            let (p50, p95, worst, n) = stats(&frames(&app).await);
            println!("| {size} | drag a box | {zoom} | {n} | {p50:.1} | {p95:.1} | {worst:.1} |");
            let _ = frames(&app).await;
            drag_slowly(&app, ".react-flow__pane", (6, 3)).await;
            let (p50, p95, worst, n) = stats(&frames(&app).await);
            println!("| {size} | pan | {zoom} | {n} | {p50:.1} | {p95:.1} | {worst:.1} |");
        }
        app.quit().await;
    }
}
