//! What the shell keeps between commands: the window's session.

use std::sync::{Mutex, MutexGuard};

use tiermap_app::Session;

/// Managed state: one session (one open document) for the main window.
#[derive(Debug, Default)]
pub struct Shell {
    session: Mutex<Session>,
}

impl Shell {
    /// The session, even if an earlier command panicked while holding it:
    /// the session's own state is always consistent between calls.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
