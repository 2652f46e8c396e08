//! A damaged document: the integrity check the window runs once it shows,
//! and the rescue of everything readable into a new document. A document
//! whose pages fail the check is never written to (the store refuses), so
//! the window shows it read-only under a banner and offers the rescue.

use std::path::{Path, PathBuf};

use tiermap_store::DocumentFile;
pub use tiermap_store::Integrity;

use crate::error::AppError;
use crate::session::Session;
use crate::wire::{IntegrityState, IntegrityView, RescueOutcome};

/// The integrity check of one file, to run without holding the session
/// (it reads every page: tens of milliseconds on a large document).
#[derive(Debug, Clone)]
pub struct IntegrityJob {
    path: PathBuf,
}

impl IntegrityJob {
    /// Runs the check on a read-only connection of its own.
    pub fn run(&self) -> Result<Integrity, AppError> {
        Ok(tiermap_store::check_file(&self.path)?)
    }
}

pub(crate) fn view(file: &DocumentFile) -> IntegrityView {
    let (state, detail) = match file.integrity() {
        Integrity::Unchecked => (IntegrityState::Unchecked, None),
        Integrity::Sound => (IntegrityState::Sound, None),
        Integrity::Damaged(detail) => (IntegrityState::Damaged, Some(detail.clone())),
    };
    IntegrityView {
        state,
        detail,
        notes: file.notes().to_vec(),
    }
}

impl Session {
    /// What is known about the open document's pages (no check is run).
    pub fn integrity(&self) -> Result<IntegrityView, AppError> {
        Ok(view(self.file()?))
    }

    /// Runs the integrity check now, holding the session; see
    /// [`Session::integrity_job`] for running it without.
    pub fn check_integrity(&mut self) -> Result<IntegrityView, AppError> {
        let file = self.file_mut()?;
        file.check_integrity()?;
        Ok(view(file))
    }

    /// The check of the open document, to run on another thread; hand its
    /// result to [`Session::record_integrity`].
    pub fn integrity_job(&self) -> Result<IntegrityJob, AppError> {
        Ok(IntegrityJob {
            path: self.file()?.path().to_owned(),
        })
    }

    /// Keeps the result of an [`IntegrityJob`] if the same document is still
    /// open (a damaged finding is never forgotten), and says what is known.
    pub fn record_integrity(
        &mut self,
        job: &IntegrityJob,
        result: Integrity,
    ) -> Result<IntegrityView, AppError> {
        let file = self.file_mut()?;
        if file.path() == job.path {
            file.record_integrity(result);
        }
        Ok(view(file))
    }

    /// Writes everything readable of the open (damaged) document into the
    /// new document `dest` (a `.tiermap` extension is added when missing;
    /// an existing file is never replaced) and continues in it. The damaged
    /// file is left as it is. The new document has no undo history.
    pub fn rescue(&mut self, dest: impl AsRef<Path>) -> Result<RescueOutcome, AppError> {
        let mut dest = dest.as_ref().to_owned();
        if dest.extension().is_none() {
            dest.set_extension("tiermap");
        }
        let report = self.file()?.rescue(&dest)?;
        self.replace_file(DocumentFile::open(&dest)?);
        let message = if report.lost == 0 {
            format!("Rescued {} records into {}", report.kept, dest.display())
        } else {
            format!(
                "Rescued {} records into {}; {} could not be read",
                report.kept,
                dest.display(),
                report.lost
            )
        };
        Ok(RescueOutcome {
            document: self.document()?,
            kept: u32::try_from(report.kept).unwrap_or(u32::MAX),
            lost: u32::try_from(report.lost).unwrap_or(u32::MAX),
            message,
        })
    }
}
