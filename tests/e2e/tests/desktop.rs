//! The desktop around the canvas: a second launch hands its file to the
//! window that is already open (single instance, over the D-Bus session
//! that `make e2e` starts).

use std::process::{Command, Stdio};
use std::time::Duration;

use tiermap_e2e::{App, app_binary, eventually, sample_document, sample_document_named};

/// The document name in the toolbar.
async fn shown_name(app: &App) -> Option<String> {
    let value = app.driver().execute("return document.querySelector('.doc-name')?.textContent ?? null", Vec::new()).await.ok()?;
    value.json().as_str().map(str::to_owned)
}

#[tokio::test]
async fn a_second_launch_hands_its_file_to_the_running_window() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "a single instance needs a D-Bus session: run the end-to-end tests with `make e2e`"
    );
    let first = sample_document();
    let second = sample_document_named("workshop.tiermap");
    let app = App::launch(&[&first.path]).await;
    app.wait_for_canvas(None).await;
    assert_eq!(shown_name(&app).await.as_deref(), Some("sample.tiermap"));

    let mut launch = Command::new(app_binary()).arg(&second.path).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("second launch");
    let ended = eventually(Duration::from_secs(10), async || launch.try_wait().ok().flatten()).await;
    let status = ended.unwrap_or_else(|| {
        let _ = launch.kill();
        panic!("the second launch kept running instead of handing over its file")
    });
    assert!(status.success(), "the second launch ended cleanly: {status}");

    let shown = eventually(Duration::from_secs(10), async || (shown_name(&app).await.as_deref() == Some("workshop.tiermap")).then_some(())).await;
    assert!(shown.is_some(), "the running window opened the second file");
    app.quit().await;
}
