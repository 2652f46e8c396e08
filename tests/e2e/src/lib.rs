//! Drives the real Tiermap desktop app in a real window through tauri-driver
//! and WebKitWebDriver (run under Xvfb by `make e2e`). Tests read results
//! back from the document file through the store, not from the screen.
//!
//! Needs: the app built with `--features custom-protocol` (TIERMAP_APP,
//! default target/debug/tiermap-desktop) and tauri-driver (TAURI_DRIVER,
//! default on PATH). Tests run one at a time: the driver ports are fixed.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use tiermap_store::DocumentFile;

/// A port nobody listens on now. Each launch gets its own pair, so a driver
/// left behind by a failed test cannot answer for the next one.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The app under test (TIERMAP_APP, or the debug build).
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("TIERMAP_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/tiermap-desktop"));
    assert!(path.exists(), "the app is not built at {}: run `make app` first", path.display());
    path
}

/// A document in a temporary folder that lives as long as this value.
pub struct TempDocument {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// A fresh copy of the sample document.
pub fn sample_document() -> TempDocument {
    sample_document_named("sample.tiermap")
}

/// A fresh copy of the sample document under another file name.
pub fn sample_document_named(name: &str) -> TempDocument {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    tiermap_app::sample::create(&path).expect("sample document");
    TempDocument { _dir: dir, path }
}

/// A file with the given bytes, for opening bad files.
pub fn file_with(name: &str, bytes: &[u8]) -> TempDocument {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write file");
    TempDocument { _dir: dir, path }
}

/// The id of the element of the document with this name.
pub fn element_named(path: &Path, name: &str) -> tiermap_model::ElementId {
    read_document(path).doc().elements().find(|e| e.name == name).unwrap_or_else(|| panic!("no element named {name}")).id
}

/// The document as the store reads it now.
pub fn read_document(path: &Path) -> DocumentFile {
    DocumentFile::open_read_only(path).expect("the document opens")
}

/// Retries `probe` until it returns Some or `timeout` passes.
pub async fn eventually<T>(timeout: Duration, mut probe: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(value) = probe().await {
            return Some(value);
        }
        if start.elapsed() > timeout {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The running app and the driver behind it.
pub struct App {
    driver: Option<WebDriver>,
    tauri_driver: Child,
    /// The app's own config, data and cache folders for this launch, so
    /// tests never read or change the preferences, recent files and window
    /// state of the person running them (nor of each other).
    _home: tempfile::TempDir,
}

impl App {
    /// Starts the app with `args` on its command line. A driver that fails
    /// to start a session is stopped and a fresh one tried, up to 3 times:
    /// a slow start of WebKitWebDriver is the machine's hiccup, not the app's.
    pub async fn launch(args: &[&Path]) -> App {
        let mut last_error = String::new();
        for _ in 0..3 {
            match Self::try_launch(args).await {
                Ok(app) => return app,
                Err(error) => last_error = error,
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        panic!("could not start a webdriver session: {last_error}");
    }

    async fn try_launch(args: &[&Path]) -> Result<App, String> {
        let driver_binary = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let port = free_port();
        let native_port = std::iter::repeat_with(free_port).find(|p| *p != port).unwrap_or(port + 1);
        let home = tempfile::tempdir().map_err(|e| e.to_string())?;
        let tauri_driver = Command::new(&driver_binary)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            // Its own process group: stopping the group stops WebKitWebDriver and the app too.
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start tauri-driver ({driver_binary:?}): {e}"));
        // From here on, dropping `app` stops the driver's process group.
        let mut app = App { driver: None, tauri_driver, _home: home };
        let ready = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if ready.elapsed() > Duration::from_secs(15) {
                return Err(format!("tauri-driver did not listen on {port}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").map_err(|e| e.to_string())?;
        let args: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
        caps.set("tauri:options", serde_json::json!({ "application": app_binary(), "args": args }))
            .map_err(|e| e.to_string())?;
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await.map_err(|e| e.to_string())?;
        app.driver = Some(driver);
        Ok(app)
    }

    pub fn driver(&self) -> &WebDriver {
        self.driver.as_ref().expect("the session is open until quit")
    }

    /// All elements matching `css` once at least `min` are there (waits up to 10 s).
    pub async fn wait_for_all(&self, css: &str, min: usize) -> Vec<WebElement> {
        let found = eventually(Duration::from_secs(10), async || {
            let all = self.driver().find_all(By::Css(css)).await.ok()?;
            (all.len() >= min).then_some(all)
        })
        .await;
        found.unwrap_or_else(|| panic!("fewer than {min} elements match {css}"))
    }

    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.wait_for_all(css, 1).await.remove(0)
    }

    /// Waits until the canvas shows a map, fitted to the window and ready
    /// for the pointer (the map with `map_id`, or any).
    pub async fn wait_for_canvas(&self, map_id: Option<&str>) {
        let css = match map_id {
            Some(id) => format!("[data-testid=canvas][data-map-id='{id}'][data-ready=true]"),
            None => "[data-testid=canvas][data-ready=true]".to_owned(),
        };
        self.wait_for(&css).await;
    }

    /// Shows the map with this id by clicking its tab, as a person does:
    /// scrolled into view first, since the tab strip shows whole names and
    /// scrolls sideways when they do not all fit.
    pub async fn click_map_tab(&self, map_id: &str) {
        let tab = self.wait_for(&format!("[data-testid=map-tab][data-map-id='{map_id}']")).await;
        tab.scroll_into_view().await.expect("scroll the tab into view");
        tab.click().await.unwrap_or_else(|e| panic!("the tab of map {map_id}: {e}"));
    }

    /// Presses keys as a person does: `ctrl` held (or not) around `keys`.
    pub async fn press(&self, ctrl: bool, keys: impl Into<TypingData>) {
        let chain = self.driver().action_chain();
        let chain = if ctrl { chain.key_down(Key::Control).send_keys(keys).key_up(Key::Control) } else { chain.send_keys(keys) };
        chain.perform().await.expect("keys");
    }

    /// Presses on the centre of `element`, moves by (dx, dy) and releases, as a
    /// person does. The first 3 px get past React Flow's drag threshold.
    pub async fn drag_by(&self, element: &WebElement, dx: i64, dy: i64) {
        self.driver()
            .action_chain()
            .move_to_element_center(element)
            .click_and_hold()
            .move_by_offset(3, 3)
            .move_by_offset(dx - 3, dy - 3)
            .release()
            .perform()
            .await
            .expect("drag");
    }

    /// Drags `element` so that its centre lands on the centre of `target`.
    pub async fn drag_onto(&self, element: &WebElement, target: &WebElement) {
        let from = element.rect().await.expect("rect");
        let to = target.rect().await.expect("rect");
        let dx = (to.x + to.width / 2.0) - (from.x + from.width / 2.0);
        let dy = (to.y + to.height / 2.0) - (from.y + from.height / 2.0);
        self.drag_by(element, dx.round() as i64, dy.round() as i64).await;
    }

    /// Ends the session, then stops tauri-driver's process group with SIGTERM
    /// (SIGKILL would leave WebKitWebDriver holding its port).
    pub async fn quit(mut self) {
        if let Some(driver) = self.driver.take() {
            let _ = driver.quit().await;
        }
        self.stop_driver();
    }

    /// SIGTERM to the whole group, then SIGKILL if it has not ended within
    /// two seconds (with a session still open, tauri-driver would otherwise
    /// wait minutes). Each launch has its own ports, so nothing is left for
    /// the next test to trip over.
    fn stop_driver(&mut self) {
        let group = format!("-{}", self.tauri_driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.tauri_driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.tauri_driver.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A failed test lands here without quit(): still stop everything it started.
        self.stop_driver();
    }
}

/// Which native file dialog a test answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileDialog {
    /// The name field has the keyboard.
    Save,
    /// Ctrl+L opens the location field first.
    Open,
}

/// Types `path` into the native (GTK) file dialog titled `title` and presses
/// Enter, as a person would, with xdotool (the window manager-less Xvfb needs `windowfocus`).
pub async fn answer_file_dialog(title: &str, kind: FileDialog, path: &Path) {
    let found = eventually(Duration::from_secs(10), async || {
        let out = Command::new("xdotool").args(["search", "--name", &format!("^{title}$")]).output().ok()?;
        String::from_utf8(out.stdout).ok()?.split_whitespace().last().map(str::to_owned)
    })
    .await;
    let window = found.unwrap_or_else(|| panic!("no '{title}' dialog appeared (is xdotool installed?)"));
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool").args(args).status().expect("xdotool runs");
        assert!(status.success(), "xdotool {args:?}");
    };
    xdotool(&["windowfocus", "--sync", &window]);
    match kind {
        // Replace the suggested name with the full path.
        FileDialog::Save => xdotool(&["key", "--window", &window, "ctrl+a"]),
        FileDialog::Open => xdotool(&["key", "--window", &window, "ctrl+l"]),
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    xdotool(&["type", "--window", &window, "--delay", "20", &path.display().to_string()]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "--window", &window, "Return"]);
}
