//! The user actions of the walk. Each is done as a person does it (pointer
//! and keys only), says in the log what it did, and returns what it may
//! have done to the file. An action that has nothing to act on (no box in
//! view, no person) gives None and another is chosen.

use std::time::Duration;

use thirtyfour::prelude::*;

use super::Walker;
use super::page::{Box, Look};
use super::walk::{Check, Failed, MapRule, Outcome, click_css, name_it, select, until};

type Step = Result<Option<Outcome>, Failed>;

/// The actions and how often each is chosen (out of the sum).
const ACTIONS: &[(&str, u32)] = &[
    ("palette drop", 12),
    ("tab switch", 8),
    ("enter or tab", 12),
    ("f2 rename", 6),
    ("select and delete", 7),
    ("undo and redo", 10),
    ("ctrl+k jump", 5),
    ("present", 4),
    ("escape", 3),
    ("arrange", 3),
    ("new map", 2),
    ("draw a relation", 6),
    ("drag an owner", 5),
    ("fit", 8),
    ("zoom", 4),
    ("drag a box", 5),
    ("nudge", 2),
    ("walk the hierarchy", 3),
    ("select", 3),
];

/// At most this many maps made per run: each adds a tab.
const MAX_NEW_MAPS: usize = 2;

pub fn clickable(look: &Look) -> Vec<&Box> {
    look.nodes.iter().filter(|n| n.click.is_some()).collect()
}

impl Walker<'_> {
    pub(crate) fn name_of(&self, id: &str) -> String {
        self.file
            .maps
            .get(&self.map)
            .and_then(|m| m.boxes.get(id))
            .map(|b| b.name.clone())
            .unwrap_or_else(|| id.to_owned())
    }

    fn fresh_name(&self) -> String {
        format!("Soak {}", self.step)
    }

    /// One action: while presenting, a key or click of the presenter; else any.
    pub async fn act(&mut self, look: &Look) -> Result<Outcome, Failed> {
        if self.presenting {
            return self.presenting_action(look).await;
        }
        let total: u32 = ACTIONS.iter().map(|(_, w)| w).sum();
        loop {
            let mut roll = self.rng.below(total as usize) as u32;
            let mut name = "fit";
            for (action, weight) in ACTIONS {
                if roll < *weight {
                    name = action;
                    break;
                }
                roll -= weight;
            }
            let done = match name {
                "palette drop" => self.palette_drop(look).await?,
                "tab switch" => self.tab_switch(look).await?,
                "enter or tab" => self.add_by_key(look).await?,
                "f2 rename" => self.rename(look).await?,
                "select and delete" => self.delete(look).await?,
                "undo and redo" => self.undo_redo().await?,
                "ctrl+k jump" => self.jump().await?,
                "present" => {
                    self.note("F5: present".into());
                    self.page.keys(Key::F5).await;
                    self.presenting = true;
                    Some(Outcome::changing_window())
                }
                "escape" => {
                    self.note("Escape".into());
                    self.page.keys(Key::Escape).await;
                    Some(Outcome::unchanged())
                }
                "arrange" => self.arrange(look).await?,
                "new map" => self.new_map(look).await?,
                "draw a relation" => self.relate(look).await?,
                "drag an owner" => self.own(look).await?,
                "fit" => {
                    self.note("Ctrl+0: fit the map".into());
                    self.page.chord(false, "0").await;
                    Some(Outcome {
                        fitted: true,
                        ..Outcome::unchanged()
                    })
                }
                "zoom" => {
                    let key = if self.rng.chance(0.6) { "+" } else { "-" };
                    self.note(format!("{key}: zoom"));
                    self.page.keys(key).await;
                    Some(Outcome::unchanged())
                }
                "drag a box" => self.drag_box(look).await?,
                "nudge" => self.nudge(look).await?,
                "walk the hierarchy" => self.walk(look).await?,
                _ => self.select_only(look).await?,
            };
            if let Some(outcome) = done {
                return Ok(outcome);
            }
        }
    }

    async fn palette_drop(&mut self, look: &Look) -> Step {
        let items: Vec<_> = look
            .palette
            .iter()
            .filter(|p| p.at.is_some() && (p.id != "group" || self.rng.chance(0.3)))
            .collect();
        let Some(item) = self.rng.pick(&items).cloned() else {
            return Ok(None);
        };
        // Into a group (on its title bar or a free spot inside it) or onto the bare map.
        let headers: Vec<_> = look
            .groups
            .iter()
            .filter_map(|g| g.at.map(|at| (at, Some(g.id.clone()))))
            .collect();
        let spots: Vec<_> = look.spots.iter().map(|s| (s.at, s.group.clone())).collect();
        let targets = if self.rng.chance(0.3) && !headers.is_empty() {
            headers
        } else {
            spots
        };
        let Some((at, group)) = self.rng.pick(&targets).cloned() else {
            return Ok(None);
        };
        let name = self.fresh_name();
        let into = group.map_or("the bare map".to_owned(), |g| format!("group {g}"));
        self.note(format!(
            "drag '{}' from the palette onto {into} at ({:.0}, {:.0}), name it '{name}'",
            item.id, at.0, at.1
        ));
        self.page.drag(item.at.unwrap_or_default(), at).await;
        let field = if item.id == "group" {
            "group-rename-input"
        } else {
            "rename-input"
        };
        Ok(Some(
            match name_it(&self.page, field, &name, Duration::from_secs(3)).await? {
                Some(()) => Outcome::steps(2).with(Check::Named(name)),
                None => {
                    self.note("  (nothing opened for naming)".into());
                    Outcome::unchanged()
                }
            },
        ))
    }

    async fn tab_switch(&mut self, look: &Look) -> Step {
        let tabs: Vec<_> = look
            .tabs
            .iter()
            .filter(|t| t.at.is_some() && t.id != self.map)
            .collect();
        let Some(tab) = self.rng.pick(&tabs).cloned() else {
            return Ok(None);
        };
        let name = self
            .file
            .maps
            .get(&tab.id)
            .map(|m| m.name.clone())
            .unwrap_or_default();
        self.note(format!("click the tab of map '{name}'"));
        self.page.click(tab.at.unwrap_or_default(), false).await;
        Ok(Some(Outcome::unchanged().on(MapRule::Is(tab.id.clone()))))
    }

    async fn add_by_key(&mut self, look: &Look) -> Step {
        let sibling = self.rng.chance(0.6);
        let boxes = clickable(look);
        let name = self.fresh_name();
        let key = if sibling { "Enter" } else { "Tab" };
        if !sibling || self.rng.chance(0.8) {
            let Some(b) = self.rng.pick(&boxes).map(|b| b.id.clone()) else {
                return Ok(None);
            };
            self.note(format!(
                "click '{}', {key}, type '{name}', Enter",
                self.name_of(&b)
            ));
            select(&self.page, look, std::slice::from_ref(&b)).await?;
        } else {
            let free: Vec<_> = look.spots.iter().filter(|s| s.group.is_none()).collect();
            let Some(spot) = self.rng.pick(&free).map(|s| s.at) else {
                return Ok(None);
            };
            self.note(format!(
                "click the bare map at ({:.0}, {:.0}), {key}, type '{name}', Enter",
                spot.0, spot.1
            ));
            self.page.click(spot, false).await;
            until(&self.page, Duration::from_secs(2), |l| {
                l.nodes.iter().all(|n| !n.selected)
            })
            .await;
        }
        self.page
            .keys(if sibling { Key::Enter } else { Key::Tab })
            .await;
        Ok(Some(
            match name_it(
                &self.page,
                "rename-input",
                &name,
                Duration::from_millis(2500),
            )
            .await?
            {
                Some(()) => Outcome::steps(2).with(Check::Named(name)),
                None => {
                    self.note("  (nothing was added)".into());
                    Outcome::unchanged()
                }
            },
        ))
    }

    async fn rename(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let Some(b) = self.rng.pick(&boxes).map(|b| b.id.clone()) else {
            return Ok(None);
        };
        let name = self.fresh_name();
        self.note(format!(
            "click '{}', F2, type '{name}', Enter",
            self.name_of(&b)
        ));
        select(&self.page, look, std::slice::from_ref(&b)).await?;
        self.page.keys(Key::F2).await;
        match name_it(&self.page, "rename-input", &name, Duration::from_secs(3)).await? {
            Some(()) => Ok(Some(Outcome::steps(1).with(Check::Named(name)))),
            None => Err("F2 on the selected box opened no name field".into()),
        }
    }

    async fn delete(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let count = if self.rng.chance(0.6) {
            2 + self.rng.below(2)
        } else {
            1
        };
        let mut chosen: Vec<String> = Vec::new();
        for _ in 0..count * 3 {
            if let Some(b) = self.rng.pick(&boxes)
                && !chosen.contains(&b.id)
                && chosen.len() < count
            {
                chosen.push(b.id.clone());
            }
        }
        if chosen.is_empty() {
            return Ok(None);
        }
        let names: Vec<String> = chosen
            .iter()
            .map(|id| format!("'{}'", self.name_of(id)))
            .collect();
        self.note(format!(
            "click {} (Ctrl+click the rest), Delete",
            names.join(", ")
        ));
        select(&self.page, look, &chosen).await?;
        self.page.keys(Key::Delete).await;
        Ok(Some(Outcome::steps(1).with(Check::Removed {
            map: self.map.clone(),
            elements: chosen,
        })))
    }

    async fn undo_redo(&mut self) -> Step {
        let presses: Vec<bool> = (0..1 + self.rng.below(5))
            .map(|_| self.rng.chance(0.35))
            .collect();
        let keys: Vec<&str> = presses
            .iter()
            .map(|redo| if *redo { "Ctrl+Shift+Z" } else { "Ctrl+Z" })
            .collect();
        self.note(keys.join(" "));
        for redo in &presses {
            self.page.chord(*redo, "z").await;
        }
        Ok(Some(Outcome {
            history: super::walk::History::Presses(presses),
            map: MapRule::Any,
            ..Outcome::unchanged()
        }))
    }

    async fn jump(&mut self) -> Step {
        // An element elsewhere whose name is its own (typed whole, it is the first hit).
        let mut candidates: Vec<(String, String, Vec<String>)> = Vec::new();
        for (element, maps) in &self.file.on_maps {
            let Some(name) = maps
                .first()
                .and_then(|m| self.file.maps.get(m))
                .and_then(|m| m.boxes.get(element))
                .map(|b| b.name.clone())
            else {
                continue;
            };
            let unique = self
                .file
                .maps
                .values()
                .flat_map(|m| m.boxes.iter())
                .all(|(id, b)| {
                    id == element || !b.name.to_lowercase().contains(&name.to_lowercase())
                });
            if !maps.contains(&self.map) && unique && name.len() >= 4 && !name.starts_with("New ") {
                candidates.push((element.clone(), name, maps.clone()));
            }
        }
        candidates.sort();
        let Some((element, name, maps)) = self.rng.pick(&candidates).cloned() else {
            return Ok(None);
        };
        self.note(format!("Ctrl+K, type '{name}', Enter"));
        self.page.chord(false, "k").await;
        if !until(&self.page, Duration::from_secs(2), |l| {
            l.dialogs.iter().any(|d| d == "command-palette")
        })
        .await
        {
            return Err("Ctrl+K opened no command palette".into());
        }
        self.page.keys(name.as_str()).await;
        let first = |driver: &WebDriver| {
            let driver = driver.clone();
            async move {
                driver
                    .find(By::Css("[data-testid=command-entry] span"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()
            }
        };
        let mut found = false;
        for _ in 0..20 {
            if first(self.page.app.driver()).await.as_deref() == Some(name.as_str()) {
                found = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if !found {
            self.note("  (not the first hit: Escape)".into());
            self.page.keys(Key::Escape).await;
            return Ok(Some(Outcome::unchanged()));
        }
        self.page.keys(Key::Enter).await;
        // The jump's focus animates to the element once its map is ready.
        let outcome = Outcome {
            at_least_ms: 900,
            ..Outcome::unchanged()
        };
        Ok(Some(
            outcome
                .on(MapRule::OneOf(maps))
                .with(Check::Selected(element)),
        ))
    }

    async fn arrange(&mut self, look: &Look) -> Step {
        let Some(at) = look
            .buttons
            .iter()
            .find(|b| b.id == "arrange")
            .and_then(|b| b.at)
        else {
            return Ok(None);
        };
        self.note("click Arrange".into());
        self.page.click(at, false).await;
        Ok(Some(Outcome::at_most_one()))
    }

    async fn new_map(&mut self, look: &Look) -> Step {
        let Some(at) = look
            .buttons
            .iter()
            .find(|b| b.id == "new-map")
            .and_then(|b| b.at)
        else {
            return Ok(None);
        };
        if self.maps_made >= MAX_NEW_MAPS {
            return Ok(None);
        }
        self.maps_made += 1;
        let name = format!("Soak map {}", self.step);
        self.note(format!("click New map, name it '{name}', Enter"));
        self.page.click(at, false).await;
        if !until(&self.page, Duration::from_secs(2), |l| {
            l.dialogs.iter().any(|d| d == "new-map-dialog")
        })
        .await
        {
            return Err("New map opened no dialog".into());
        }
        let field = self
            .page
            .app
            .driver()
            .find(By::Css("[data-testid=new-map-name]"))
            .await
            .map_err(|e| format!("no name field: {e}"))?;
        field
            .send_keys(name.as_str())
            .await
            .map_err(|e| format!("typing the name: {e}"))?;
        field
            .send_keys(Key::Enter)
            .await
            .map_err(|e| format!("Enter: {e}"))?;
        Ok(Some(Outcome::steps(1).on(MapRule::Named(name))))
    }

    async fn relate(&mut self, look: &Look) -> Step {
        let from: Vec<_> = look.nodes.iter().filter(|n| n.handle.is_some()).collect();
        let Some(source) = self.rng.pick(&from).cloned() else {
            return Ok(None);
        };
        let to: Vec<_> = clickable(look)
            .into_iter()
            .filter(|n| n.id != source.id)
            .collect();
        let Some(target) = self.rng.pick(&to).cloned() else {
            return Ok(None);
        };
        self.note(format!(
            "drag a line from '{}' to '{}', pick the suggested kind",
            self.name_of(&source.id),
            self.name_of(&target.id)
        ));
        self.page
            .drag(
                source.handle.unwrap_or_default(),
                target.click.unwrap_or_default(),
            )
            .await;
        if !until(&self.page, Duration::from_millis(2500), |l| {
            l.dialogs.iter().any(|d| d == "relation-picker")
        })
        .await
        {
            self.note("  (no relation picker)".into());
            return Ok(Some(Outcome::at_most_one()));
        }
        if !click_css(
            &self.page,
            "[data-testid=relation-picker] .relation-choice.suggested",
        )
        .await
            && !click_css(&self.page, "[data-testid=relation-picker] .relation-choice").await
        {
            return Err("the relation picker offers no kind".into());
        }
        Ok(Some(Outcome::at_most_one().with(Check::Related(
            source.id.clone(),
            target.id.clone(),
        ))))
    }

    async fn own(&mut self, look: &Look) -> Step {
        let people: Vec<_> = look.people.iter().filter(|p| p.at.is_some()).collect();
        let Some(person) = self.rng.pick(&people).cloned() else {
            return Ok(None);
        };
        let boxes = clickable(look);
        let Some(target) = self.rng.pick(&boxes).cloned() else {
            return Ok(None);
        };
        self.note(format!(
            "drag person {} onto '{}', pick a role",
            person.id,
            self.name_of(&target.id)
        ));
        self.page
            .drag(
                person.at.unwrap_or_default(),
                target.click.unwrap_or_default(),
            )
            .await;
        if !until(&self.page, Duration::from_millis(2500), |l| {
            l.dialogs.iter().any(|d| d == "role-picker")
        })
        .await
        {
            self.note("  (no role picker)".into());
            return Ok(Some(Outcome::at_most_one()));
        }
        let roles = self
            .page
            .app
            .driver()
            .find_all(By::Css(
                "[data-testid=role-picker] button[data-testid^=role-]",
            ))
            .await
            .unwrap_or_default();
        let Some(role) = self.rng.pick(&roles) else {
            return Err("the role picker offers no role".into());
        };
        let label = role
            .attr("data-testid")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        self.note(format!("  pick {label}"));
        role.click()
            .await
            .map_err(|e| format!("clicking {label}: {e}"))?;
        Ok(Some(Outcome::at_most_one()))
    }

    async fn drag_box(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let Some(b) = self.rng.pick(&boxes).cloned() else {
            return Ok(None);
        };
        let (dx, dy) = (self.rng.between(-90, 90), self.rng.between(-70, 70));
        self.note(format!("drag '{}' by ({dx}, {dy})", self.name_of(&b.id)));
        let from = b.click.unwrap_or_default();
        self.page
            .drag(from, (from.0 + dx as f64, from.1 + dy as f64))
            .await;
        Ok(Some(Outcome::at_most_one()))
    }

    async fn nudge(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let Some(b) = self.rng.pick(&boxes).map(|b| b.id.clone()) else {
            return Ok(None);
        };
        let keys = [
            (Key::Left, "←"),
            (Key::Right, "→"),
            (Key::Up, "↑"),
            (Key::Down, "↓"),
        ];
        let (key, label) = keys[self.rng.below(keys.len())].clone();
        self.note(format!("click '{}', Ctrl+{label}", self.name_of(&b)));
        select(&self.page, look, std::slice::from_ref(&b)).await?;
        self.page.chord(false, key).await;
        Ok(Some(Outcome::at_most_one()))
    }

    /// Plain arrow keys move the selection along the hierarchy: the file never changes.
    async fn walk(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let Some(b) = self.rng.pick(&boxes).map(|b| b.id.clone()) else {
            return Ok(None);
        };
        let keys = [(Key::Left, "←"), (Key::Right, "→"), (Key::Up, "↑"), (Key::Down, "↓")];
        let presses: Vec<_> = (0..1 + self.rng.below(3)).map(|_| keys[self.rng.below(keys.len())].clone()).collect();
        self.note(format!("click '{}', {}", self.name_of(&b), presses.iter().map(|p| p.1).collect::<Vec<_>>().join(" ")));
        select(&self.page, look, std::slice::from_ref(&b)).await?;
        for (key, _) in presses {
            self.page.keys(key).await;
        }
        Ok(Some(Outcome::unchanged()))
    }

    async fn select_only(&mut self, look: &Look) -> Step {
        let boxes = clickable(look);
        let Some(b) = self.rng.pick(&boxes).map(|b| b.id.clone()) else {
            return Ok(None);
        };
        self.note(format!("click '{}'", self.name_of(&b)));
        select(&self.page, look, std::slice::from_ref(&b)).await?;
        Ok(Some(Outcome::unchanged()))
    }
}
