//! The soak test: a seeded random walk of real user actions in the real app
//! on the sample document (palette drops into groups and onto the bare map,
//! tab switches, Enter/Tab/F2 typing, Ctrl+click and Delete, undo and redo
//! bursts, Ctrl+K jumps, presenting and stepping, Arrange, New map, lines
//! drawn from a handle, owners dragged from the People panel, Ctrl+0, zoom,
//! box drags and nudges). After every step the window and the file are
//! checked against each other:
//! - the window renders a map, and no script error went uncaught;
//! - every box the viewport reaches is drawn, and every line of the core's
//!   map view between drawn boxes; after Ctrl+0 every box and line is drawn,
//!   inside the window;
//! - the file's bytes change only through actions that change the document,
//!   and its history holds exactly the steps made (undo and redo counted);
//! - what an action touched is what changed (Delete takes exactly the
//!   selected boxes off the map, a typed name is in the file).
//!
//! TIERMAP_SOAK_SEED (default a fixed seed) and TIERMAP_SOAK_STEPS (default
//! 300) choose the walk; a failure prints the seed, the step and every action
//! so far, so `TIERMAP_SOAK_SEED=… TIERMAP_SOAK_STEPS=…` replays it.
//! TIERMAP_SOAK_REPORT names a file the report is appended to (`make soak`);
//! TIERMAP_SOAK_KNOWN lists phrases of problems to pass over (`|` between).

// The walk's parts live in soak/ (a test target's modules sit beside it).
#[path = "soak/actions.rs"]
mod actions;
#[path = "soak/expect.rs"]
mod expect;
#[path = "soak/page.rs"]
mod page;
#[path = "soak/presenting.rs"]
mod presenting;
#[path = "soak/walk.rs"]
mod walk;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use expect::{FileState, drawing_problems};
use page::{Look, Page};
use tiermap_e2e::{App, sample_document};
use walk::{Check, History, MapRule, Outcome, Rng};

const DEFAULT_SEED: u64 = 13;
const DEFAULT_STEPS: usize = 300;
/// How long the window and the file get to agree after an action.
const SETTLE_LIMIT: Duration = Duration::from_secs(8);

/// The walk's state: what it last agreed with the window and the file.
pub struct Walker<'a> {
    page: Page<'a>,
    path: PathBuf,
    rng: Rng,
    seed: u64,
    steps: usize,
    step: usize,
    /// The file as of the last step that checked out.
    file: FileState,
    /// The map shown.
    map: String,
    presenting: bool,
    maps_made: usize,
    log: Vec<String>,
    /// Phrases of problems already reported and being fixed
    /// (TIERMAP_SOAK_KNOWN, separated by `|`): ignored, so a walk can find the next.
    known: Vec<String>,
    read_ms: u128,
    act_ms: u128,
    settle_ms: u128,
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => {
            let text = text.trim();
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("{name}={text} is not a number"))
        }
        Err(_) => default,
    }
}

/// Undo and redo presses applied to a history of `done` and `undone` steps.
fn after_presses(mut done: usize, mut undone: usize, presses: &[bool]) -> (usize, usize) {
    for redo in presses {
        if *redo && undone > 0 {
            undone -= 1;
            done += 1;
        } else if !*redo && done > 0 {
            done -= 1;
            undone += 1;
        }
    }
    (done, undone)
}

impl Walker<'_> {
    fn note(&mut self, text: String) {
        self.log.push(format!("{:>4}. {text}", self.step));
    }

    /// Every way the window and the file disagree with the walk after
    /// `outcome`, and whether any of them can no longer right itself (the
    /// walk then stops waiting).
    fn problems(&self, outcome: &Outcome, look: &Look, file: &FileState) -> (Vec<String>, bool) {
        let mut problems = drawing_problems(look, file, outcome.fitted);
        let mut lasting = !look.uncaught.is_empty() || !look.app || !look.collector;
        let (done, undone) = (self.file.done, self.file.undone);
        let same_bytes = file.bytes == self.file.bytes;
        let history = |d: usize, u: usize| format!("{d} steps done and {u} undone");
        let new_labels = || {
            let old = self.file.labels.len().min(file.labels.len());
            let common = self
                .file
                .labels
                .iter()
                .zip(&file.labels)
                .take_while(|(a, b)| a.0 == b.0)
                .count()
                .min(old);
            file.labels[common..]
                .iter()
                .map(|(l, u)| format!("'{l}'{}", if *u { " (undone)" } else { "" }))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let expected = match &outcome.history {
            History::Unchanged => {
                if !same_bytes {
                    lasting = true;
                    problems.push(format!(
                        "the file changed, though the action changes nothing: history {} → {}; new entries: [{}]",
                        history(done, undone),
                        history(file.done, file.undone),
                        new_labels()
                    ));
                }
                None
            }
            History::Steps(n) => Some((done + n, 0)),
            History::AtMostOne => {
                if file.done > done + 1 || (file.done == done + 1 && file.undone != 0) {
                    lasting = true;
                    problems.push(format!(
                        "one step at most, but history {} → {}; new entries: [{}]",
                        history(done, undone),
                        history(file.done, file.undone),
                        new_labels()
                    ));
                } else if file.done == done && !same_bytes {
                    problems.push("the file changed without an undo step".into());
                }
                None
            }
            History::Presses(presses) => Some(after_presses(done, undone, presses)),
        };
        // Undo then redo leaves the same counts but rewrites the history: only
        // presses that all had nothing to do must leave the bytes alone.
        let idle = match &outcome.history {
            History::Presses(presses) => (1..=presses.len())
                .all(|n| after_presses(done, undone, &presses[..n]) == (done, undone)),
            _ => true,
        };
        if let Some((d, u)) = expected {
            if (file.done, file.undone) != (d, u) {
                lasting |= file.done > d;
                problems.push(format!(
                    "history: expected {}, the file has {}; entries since: [{}]",
                    history(d, u),
                    history(file.done, file.undone),
                    new_labels()
                ));
            } else if (d, u) == (done, undone) && idle && !same_bytes {
                problems.push("the file changed, though the history is as before".into());
            }
        }
        if look.presenting != self.presenting {
            problems.push(format!(
                "presenting is {}, expected {}",
                look.presenting, self.presenting
            ));
        }
        let shown = look.map.clone().unwrap_or_default();
        let name_of_map = |id: &str| {
            file.maps
                .get(id)
                .map(|m| m.name.clone())
                .unwrap_or_else(|| id.to_owned())
        };
        let wanted: Option<Vec<String>> = match &outcome.map {
            MapRule::Same => file
                .maps
                .contains_key(&self.map)
                .then(|| vec![self.map.clone()]),
            MapRule::Is(id) => Some(vec![id.clone()]),
            MapRule::OneOf(ids) => Some(ids.clone()),
            MapRule::Named(name) => Some(
                file.map_named(name)
                    .map(str::to_owned)
                    .into_iter()
                    .collect(),
            ),
            MapRule::Any => None,
        };
        if let Some(wanted) = wanted
            && !wanted.contains(&shown)
        {
            let names: Vec<String> = wanted
                .iter()
                .map(|id| format!("'{}'", name_of_map(id)))
                .collect();
            problems.push(format!(
                "the window shows map '{}', expected {}",
                name_of_map(&shown),
                names.join(" or ")
            ));
        }
        for check in &outcome.checks {
            match check {
                Check::Removed { map, elements } => {
                    let before: Vec<&String> = self
                        .file
                        .maps
                        .get(map)
                        .map(|m| m.boxes.keys().collect())
                        .unwrap_or_default();
                    let after = file
                        .maps
                        .get(map)
                        .map(|m| m.boxes.clone())
                        .unwrap_or_default();
                    let removed: Vec<&String> = before
                        .iter()
                        .copied()
                        .filter(|id| !after.contains_key(*id))
                        .collect();
                    let mut asked: Vec<&String> = elements.iter().collect();
                    asked.sort();
                    if removed != asked && (!removed.is_empty() || file.done != done) {
                        let name = |id: &str| {
                            self.file
                                .maps
                                .get(map)
                                .and_then(|m| m.boxes.get(id))
                                .map(|b| b.name.clone())
                                .unwrap_or_default()
                        };
                        let names = |ids: &[&String]| {
                            ids.iter()
                                .map(|id| format!("'{}'", name(id)))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        lasting |= removed.iter().any(|id| !asked.contains(id));
                        problems.push(format!(
                            "Delete took [{}] off the map, but [{}] were selected",
                            names(&removed),
                            names(&asked)
                        ));
                    }
                }
                Check::Named(name) => {
                    if !file.names.contains(name) {
                        problems.push(format!("the typed name '{name}' is not in the file"));
                    }
                }
                Check::Related(source, target) => {
                    if file.done == done + 1
                        && !file.relations.contains(&(source.clone(), target.clone()))
                    {
                        problems.push(format!("a step was made, but no relation from {source} to {target} is in the file"));
                    }
                }
                Check::Selected(id) => {
                    if !look.node(id).is_some_and(|n| n.selected) {
                        problems.push(format!(
                            "the element jumped to ({id}) is not shown selected"
                        ));
                    }
                }
            }
        }
        if let Some(rename) = &look.rename {
            problems.push(format!(
                "a name field ({}) is open that nobody asked for",
                rename.testid
            ));
        }
        if !look.dialogs.is_empty() {
            problems.push(format!("left open: {:?}", look.dialogs));
        }
        if look.canvas && !look.ready {
            problems.push("the map is not ready (not fitted yet)".into());
        }
        if look.saving {
            problems.push("still saving".into());
        }
        (problems, lasting)
    }

    /// Waits until the window and the file agree with the walk after
    /// `outcome` (at least a moment, so late surprises show), then takes
    /// that as the new state.
    async fn settle(&mut self, outcome: &Outcome) -> Result<(), String> {
        let at_least = Duration::from_millis(outcome.at_least_ms);
        let start = Instant::now();
        let mut last_view = None;
        let mut still_for = 0;
        loop {
            tokio::time::sleep(Duration::from_millis(30)).await;
            let look = self.page.look().await;
            let read = Instant::now();
            let file = FileState::read(&self.path).await?;
            self.read_ms += read.elapsed().as_millis();
            let (mut problems, lasting) = self.problems(outcome, &look, &file);
            problems.retain(|p| !self.known.iter().any(|k| p.contains(k.as_str())));
            let lasting = lasting && !problems.is_empty();
            // A view still moving (a fit or a focus animating) is not settled:
            // the next action would click where a box was.
            let view = (look.transform, look.flow);
            if last_view.replace(view) == Some(view) {
                still_for += 1;
            } else {
                still_for = 0;
            }
            let still = still_for >= 2;
            if problems.is_empty() {
                if start.elapsed() >= at_least && still {
                    self.map = look.map.unwrap_or_default();
                    self.file = file;
                    return Ok(());
                }
                continue;
            }
            if lasting || start.elapsed() > SETTLE_LIMIT {
                return Err(problems.join("\n  "));
            }
        }
    }

    async fn run(&mut self) -> Result<(), String> {
        let start = Instant::now();
        for step in 1..=self.steps {
            self.step = step;
            let look = self.page.look_full().await;
            let acting = Instant::now();
            let outcome = match self.act(&look).await {
                Ok(outcome) => outcome,
                Err(failed) => return Err(self.report(&failed).await),
            };
            let settling = Instant::now();
            self.act_ms += (settling - acting).as_millis();
            if let Err(problems) = self.settle(&outcome).await {
                return Err(self.report(&problems).await);
            }
            self.settle_ms += settling.elapsed().as_millis();
        }
        println!(
            "soak: seed {}, {} steps in {:.0?}, history {} steps",
            self.seed,
            self.steps,
            start.elapsed(),
            self.file.done
        );
        let looks = page::LOOKS.load(std::sync::atomic::Ordering::Relaxed);
        let look_ms = page::LOOK_TIME.load(std::sync::atomic::Ordering::Relaxed) / 1000;
        println!(
            "soak: acting {} ms, settling {} ms; {looks} looks, {look_ms} ms in all; file reads {} ms",
            self.act_ms, self.settle_ms, self.read_ms
        );
        Ok(())
    }

    /// The failure in words: seed, step, what broke, every action so far,
    /// the page's errors. Appended to TIERMAP_SOAK_REPORT if it is set.
    async fn report(&self, problem: &str) -> String {
        let look = self.page.look().await;
        let mut text = format!(
            "## soak failure: seed {seed}, step {step} of {steps}\n\nreplay: TIERMAP_SOAK_SEED={seed} TIERMAP_SOAK_STEPS={step}\n\nwhat broke:\n  {problem}\n\nactions:\n{log}\n",
            seed = self.seed,
            step = self.step,
            steps = self.steps,
            log = self.log.join("\n")
        );
        if !look.uncaught.is_empty() {
            text += &format!("\nuncaught script errors:\n{}\n", look.uncaught.join("\n"));
        }
        if !look.logged.is_empty() {
            text += &format!("\nconsole errors:\n{}\n", look.logged.join("\n"));
        }
        text += &format!("\nkeyboard focus: {}\n", look.focus);
        // Which build of the window was driven (its script's content-hashed name).
        let script = "return [...document.scripts].map((s) => s.src.split('/').pop()).join(' ')";
        if let Ok(build) = self.page.app.driver().execute(script, Vec::new()).await {
            text += &format!(
                "window build: {}\n",
                build.json().as_str().unwrap_or_default()
            );
        }
        if !look.notice.is_empty() {
            text += &format!("\nnotice shown: {}\n", look.notice);
        }
        // What the window looked like, for the person reading the report.
        let shot =
            std::env::temp_dir().join(format!("tiermap-soak-{}-{}.png", self.seed, self.step));
        if let Ok(png) = self.page.app.driver().screenshot_as_png().await
            && std::fs::write(&shot, png).is_ok()
        {
            text += &format!("\nscreenshot: {}\n", shot.display());
        }
        let recent: Vec<String> = self
            .file
            .labels
            .iter()
            .rev()
            .take(12)
            .rev()
            .map(|(l, u)| format!("{l}{}", if *u { " (undone)" } else { "" }))
            .collect();
        text += &format!(
            "\nhistory at the last good step (newest last): {}\n",
            recent.join(", ")
        );
        if let Ok(path) = std::env::var("TIERMAP_SOAK_REPORT") {
            use std::io::Write;
            if let Ok(mut file) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
            {
                let _ = writeln!(file, "{text}");
            }
        }
        text
    }
}

#[tokio::test]
async fn a_random_walk_of_user_actions_keeps_the_window_and_the_file_in_step() {
    let seed = env_number("TIERMAP_SOAK_SEED", DEFAULT_SEED);
    let steps = env_number("TIERMAP_SOAK_STEPS", DEFAULT_STEPS as u64) as usize;
    let document = sample_document();
    let app = App::launch(&[&document.path]).await;
    let page = Page { app: &app };
    // A loaded machine (CI, other builds) can take a while to show the first map.
    let shown = walk::until(&page, Duration::from_secs(60), |l| l.ready).await;
    assert!(shown, "the app showed no map within a minute");
    page.install_collector().await;
    let file = FileState::read(&document.path)
        .await
        .expect("the sample reads");
    let map = page.look().await.map.expect("a map is shown");
    let mut walker = Walker {
        page,
        path: document.path.clone(),
        rng: Rng::new(seed),
        seed,
        steps,
        step: 0,
        file,
        map,
        presenting: false,
        maps_made: 0,
        log: Vec::new(),
        read_ms: 0,
        act_ms: 0,
        settle_ms: 0,
        known: std::env::var("TIERMAP_SOAK_KNOWN")
            .unwrap_or_default()
            .split('|')
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    let result = walker.run().await;
    drop(walker);
    app.quit().await;
    if let Err(report) = result {
        panic!("{report}");
    }
}
