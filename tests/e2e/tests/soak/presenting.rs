//! The presenter's actions: while presenting, only the view may change,
//! whatever key is pressed or box clicked.

use thirtyfour::prelude::*;

use super::Walker;
use super::actions::clickable;
use super::page::Look;
use super::walk::{Failed, MapRule, Outcome};

impl Walker<'_> {
    /// While presenting: step through the maps, press what a nervous
    /// presenter presses, click a box, or leave. Nothing may change the file.
    pub(crate) async fn presenting_action(&mut self, look: &Look) -> Result<Outcome, Failed> {
        let order = &self.file.map_order;
        let at = order.iter().position(|m| *m == self.map).unwrap_or(0);
        let roll = self.rng.below(100);
        if roll < 55 {
            let steps = [
                (Key::Right, "→", 1),
                (Key::Down, "↓", 1),
                (Key::PageDown, "PageDown", 1),
                (Key::Left, "←", -1),
                (Key::Up, "↑", -1),
                (Key::PageUp, "PageUp", -1),
            ];
            let (key, label, by) = steps[self.rng.below(steps.len())].clone();
            let next = at as i64 + by;
            let map = if next >= 0 && (next as usize) < order.len() {
                order[next as usize].clone()
            } else {
                self.map.clone()
            };
            self.note(format!("(presenting) {label}"));
            self.page.keys(key).await;
            return Ok(Outcome::unchanged().on(MapRule::Is(map)));
        }
        if roll < 80 {
            let stray = [
                (Key::Enter, "Enter"),
                (Key::Tab, "Tab"),
                (Key::Delete, "Delete"),
                (Key::Backspace, "Backspace"),
                (Key::F2, "F2"),
            ];
            match self.rng.below(8) {
                0..=4 => {
                    let (key, label) = stray[self.rng.below(stray.len())].clone();
                    self.note(format!("(presenting) {label}"));
                    self.page.keys(key).await;
                }
                5 => {
                    self.note("(presenting) type 'ab'".into());
                    self.page.keys("ab").await;
                }
                6 => {
                    let (shift, key) = [
                        (false, "z"),
                        (true, "z"),
                        (false, "d"),
                        (false, "v"),
                        (false, "0"),
                    ][self.rng.below(5)];
                    self.note(format!(
                        "(presenting) Ctrl+{}{}",
                        if shift { "Shift+" } else { "" },
                        key.to_uppercase()
                    ));
                    self.page.chord(shift, key).await;
                }
                _ => {
                    let boxes = clickable(look);
                    if let Some(b) = self.rng.pick(&boxes).cloned() {
                        self.note(format!(
                            "(presenting) double-click '{}'",
                            self.name_of(&b.id)
                        ));
                        let (x, y) = b.click.unwrap_or_default();
                        self.page
                            .chain(0)
                            .move_to(x as i64, y as i64)
                            .double_click()
                            .perform()
                            .await
                            .expect("double-click");
                    }
                }
            }
            return Ok(Outcome::unchanged());
        }
        let (key, label) = if self.rng.chance(0.7) {
            (Key::Escape, "Escape")
        } else {
            (Key::F5, "F5")
        };
        self.note(format!("(presenting) {label}: leave"));
        self.page.keys(key).await;
        self.presenting = false;
        Ok(Outcome::changing_window())
    }
}
