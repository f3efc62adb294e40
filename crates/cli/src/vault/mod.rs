//! File access for the CLI: the only module that reads or writes the vault.
//!
//! Paths are vault-relative and confined to the vault (`path_outside_vault`
//! otherwise), whether they come from settings or the command line. Reads go
//! through [`read::read_text`] (regular UTF-8 files up to 64 MiB, never a
//! FIFO); writes through the one guard, [`guard::guarded_write`]. The helpers
//! here only choose the plan the guard runs on the note's fresh text:
//! - [`Vault::create`]: the full text, only if the note is still missing;
//! - [`Vault::replace`]: the new text, only if the note still holds what was read;
//! - [`Vault::apply_edits`]: confirmed byte-span edits, moved onto the fresh
//!   text when the note changed elsewhere, `conflict` when it changed under them;
//! - [`Vault::update`]: a change recomputed on the fresh text (for changes the
//!   person asked for by what they do, like "add this task", not by bytes shown).

pub mod guard;
pub mod read;
mod temps;

use std::path::{Path, PathBuf};

use career_core::edit::{apply, rebase::rebase, Applied, TextEdit};
use career_core::proposal::Proposal;
use career_core::vault_path::confine_file;
use career_core::{CoreError, ErrorCode};

pub use guard::Written;
use guard::{guarded_write, Plan};
pub use read::{read_text, scan};

/// A vault folder on disk.
pub struct Vault {
    root: PathBuf,
    real_root: PathBuf,
}

/// How [`Vault::commit`] treats a note that changed since the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// Refuse it (`stale_proposal`): the person confirmed these exact bytes.
    Exact,
    /// Keep a change made elsewhere in the note; refuse one in the edited lines.
    Moving,
}

/// A note as read, kept so a later write can check what changed.
#[derive(Debug, Clone)]
pub struct ReadNote {
    /// The vault-relative path.
    pub relative: String,
    /// The exact text read.
    pub text: String,
}

impl Vault {
    /// Opens a vault rooted at `root`, which must be an existing folder.
    pub fn open(root: &Path) -> Result<Self, CoreError> {
        let real_root = std::fs::canonicalize(root).ok().filter(|p| p.is_dir());
        let Some(real_root) = real_root else {
            return Err(CoreError::new(
                ErrorCode::Io,
                format!("The vault folder {} does not exist.", root.display()),
            ));
        };
        Ok(Self {
            root: root.to_path_buf(),
            real_root,
        })
    }

    /// The vault folder as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The on-disk path of a vault-relative path, refused if it leaves the vault.
    pub fn resolve(&self, what: &str, relative: &str) -> Result<PathBuf, CoreError> {
        Ok(self.root.join(confine_file(what, relative)?))
    }

    /// A note named on the command line: vault-relative, or absolute inside the vault.
    pub fn note_arg(&self, file: &Path) -> Result<String, CoreError> {
        let shown = file.display().to_string();
        if file.is_absolute() {
            let inside = [&self.root, &self.real_root]
                .iter()
                .find_map(|root| file.strip_prefix(root).ok().map(Path::to_path_buf))
                .or_else(|| {
                    // The file's folder may be reached through another spelling (a symlink).
                    let parent = std::fs::canonicalize(file.parent()?).ok()?;
                    let rest = parent.strip_prefix(&self.real_root).ok()?;
                    Some(rest.join(file.file_name()?))
                });
            return match inside {
                Some(rest) => confine_file("note path", &rest.to_string_lossy()),
                None => Err(CoreError::new(
                    ErrorCode::PathOutsideVault,
                    format!("The note path \"{shown}\" is outside the vault {}; note paths are relative to the vault.", self.root.display()),
                )),
            };
        }
        confine_file("note path", &file.to_string_lossy())
    }

    /// Reads a vault-relative note; `None` when it does not exist.
    pub fn read(&self, relative: &str) -> Result<Option<ReadNote>, CoreError> {
        let path = self.resolve("note path", relative)?;
        Ok(read_text(&path)?.map(|text| ReadNote {
            relative: relative.to_string(),
            text,
        }))
    }

    /// Reads a note that must exist (`note_missing` otherwise).
    pub fn read_existing(&self, relative: &str) -> Result<ReadNote, CoreError> {
        self.read(relative)?.ok_or_else(|| {
            CoreError::new(
                ErrorCode::NoteMissing,
                format!("{relative} does not exist."),
            )
        })
    }

    /// Runs `plan` on the note's fresh text under the guard.
    pub fn write(&self, relative: &str, plan: &mut Plan<'_>) -> Result<Written, CoreError> {
        let target = self.resolve("note path", relative)?;
        guarded_write(&self.real_root, &target, relative, plan)
    }

    /// Writes a file that may lie outside the vault (a calendar export), still
    /// serialised by the vault's lock.
    pub fn write_file(&self, target: &Path, plan: &mut Plan<'_>) -> Result<Written, CoreError> {
        guarded_write(&self.real_root, target, &target.display().to_string(), plan)
    }

    /// Creates a new note with its full text in one write, refusing to overwrite.
    pub fn create(&self, relative: &str, text: &str) -> Result<(), CoreError> {
        self.write(relative, &mut |current| match current {
            Some(_) => Err(CoreError::new(
                ErrorCode::NoteExists,
                format!("{relative} already exists; nothing was written."),
            )),
            None => Ok(Some(text.to_string())),
        })
        .map(|_| ())
    }

    /// Replaces a note's text if it still holds exactly what was read.
    pub fn replace(&self, note: &ReadNote, new_text: &str) -> Result<(), CoreError> {
        self.write(&note.relative, &mut |current| {
            if current == Some(note.text.as_str()) {
                Ok(Some(new_text.to_string()))
            } else {
                Err(changed(&note.relative))
            }
        })
        .map(|_| ())
    }

    /// Applies edits computed on `note.text` to the note as it is now: moved
    /// onto a change made elsewhere meanwhile, refused with `conflict` when
    /// the note changed in the lines they replace.
    pub fn apply_edits(&self, note: &ReadNote, edits: &[TextEdit]) -> Result<Written, CoreError> {
        self.write(&note.relative, &mut |current| {
            let Some(current) = current else {
                return Err(changed(&note.relative));
            };
            let moved = rebase(&note.text, current, edits).map_err(|e| {
                CoreError::new(
                    e.code,
                    format!(
                        "{} changed in the lines this change replaces while it waited; nothing was written.",
                        note.relative
                    ),
                )
            })?;
            Ok(match apply(current, &moved)? {
                Applied::Unchanged => None,
                Applied::Changed(text) => Some(text),
            })
        })
    }

    /// Writes a confirmed proposal, note by note in its order, each under the
    /// guard: `Exact` writes a note only if it still holds exactly the text the
    /// proposal was computed from (`stale_proposal` otherwise: what was shown
    /// is no longer what would be written); `Moving` moves the edits past a
    /// change made elsewhere meanwhile (`conflict` if it is in their lines).
    /// A failure stops at that note; the notes before it are written (each
    /// proposal orders its notes so that this is safe to run again).
    pub fn commit(&self, proposal: &Proposal, mode: Commit) -> Result<Vec<Written>, CoreError> {
        let mut written = Vec::new();
        for (index, change) in proposal.changes.iter().enumerate() {
            let done = self.write(&change.path, &mut |current| {
                match mode {
                    Commit::Exact => proposal.text_for(index, current),
                    Commit::Moving => proposal.moved_text_for(index, current),
                }
                .map(Some)
            })?;
            written.push(done);
        }
        Ok(written)
    }

    /// Recomputes a change on the note's fresh text and writes the result.
    pub fn update(
        &self,
        relative: &str,
        change: &mut dyn FnMut(&str) -> Result<Option<String>, CoreError>,
    ) -> Result<Written, CoreError> {
        self.write(relative, &mut |current| match current {
            Some(text) => change(text),
            None => Err(CoreError::new(
                ErrorCode::NoteMissing,
                format!("{relative} does not exist."),
            )),
        })
    }
}

impl crate::Context {
    /// The vault, opened for reading and guarded writing.
    pub fn files(&self) -> Result<Vault, CoreError> {
        Vault::open(&self.vault)
    }
}

fn changed(relative: &str) -> CoreError {
    CoreError::new(
        ErrorCode::Conflict,
        format!("{relative} changed while it was being edited; nothing was written. Run the command again."),
    )
}
