//! What the shell keeps between commands: the window's session.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use tiermap_app::Session;

/// Managed state: one session (one open document) for the main window.
#[derive(Debug, Default)]
pub struct Shell {
    session: Mutex<Session>,
    /// The file chosen or dropped for import, until the next one.
    import_source: Mutex<Option<PathBuf>>,
}

impl Shell {
    /// The session, even if an earlier command panicked while holding it:
    /// the session's own state is always consistent between calls.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn set_import_source(&self, path: PathBuf) {
        *self.import_source.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    }

    pub fn import_source(&self) -> Option<PathBuf> {
        self.import_source.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}
