//! File access for the CLI: reading notes and writing them safely.
//!
//! Writes are atomic (a temporary file in the same folder, then a rename) and
//! guarded: an update refuses when the file no longer holds the bytes it was
//! read with, and a create refuses when the file already exists. The core
//! never sees a file handle; this module is the CLI's only I/O on notes.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use career_core::{CoreError, ErrorCode};

/// A vault folder on disk.
pub struct Vault {
    root: PathBuf,
}

/// A note as read, kept so a later write can check nothing changed.
pub struct ReadNote {
    /// Absolute path on disk.
    pub path: PathBuf,
    /// The exact text read.
    pub text: String,
}

fn io_error(action: &str, path: &Path, err: &io::Error) -> CoreError {
    CoreError::new(
        ErrorCode::Io,
        format!("Could not {action} {}: {err}.", path.display()),
    )
}

impl Vault {
    /// Opens a vault rooted at `root`, which must be an existing folder.
    pub fn open(root: &Path) -> Result<Self, CoreError> {
        if !root.is_dir() {
            return Err(CoreError::new(
                ErrorCode::Io,
                format!("The vault folder {} does not exist.", root.display()),
            ));
        }
        Ok(Self {
            root: root.to_path_buf(),
        })
    }

    /// The on-disk path of a vault-relative path.
    pub fn resolve(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Creates a new note with its full text in one write, refusing to overwrite.
    pub fn create(&self, relative: &str, text: &str) -> Result<PathBuf, CoreError> {
        let path = self.resolve(relative);
        if path.exists() {
            return Err(CoreError::new(
                ErrorCode::NoteExists,
                format!("{relative} already exists; nothing was written."),
            ));
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create the folder", parent, &e))?;
        }
        let temp = write_temp(&path, text)?;
        // A hard link fails when the target exists, so a note created meanwhile is never replaced.
        let linked = fs::hard_link(&temp, &path);
        let _ = fs::remove_file(&temp);
        match linked {
            Ok(()) => Ok(path),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Err(CoreError::new(
                ErrorCode::NoteExists,
                format!("{relative} was created by something else meanwhile; nothing was written."),
            )),
            Err(err) => Err(io_error("create", &path, &err)),
        }
    }
}

/// Reads a note given as a path on the command line.
pub fn read_note(path: &Path) -> Result<ReadNote, CoreError> {
    let bytes = fs::read(path).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            CoreError::new(
                ErrorCode::NoteMissing,
                format!("{} does not exist.", path.display()),
            )
        } else {
            io_error("read", path, &e)
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "{} is not UTF-8 text; Career Coach only edits UTF-8 notes.",
                path.display()
            ),
        )
    })?;
    Ok(ReadNote {
        path: path.to_path_buf(),
        text,
    })
}

/// Replaces a note's text atomically if it still holds exactly what was read.
pub fn update_note(note: &ReadNote, new_text: &str) -> Result<(), CoreError> {
    let current = fs::read(&note.path).map_err(|e| io_error("re-read", &note.path, &e))?;
    if current != note.text.as_bytes() {
        return Err(CoreError::new(
            ErrorCode::Conflict,
            format!(
                "{} changed while it was being edited; nothing was written. Run the command again.",
                note.path.display()
            ),
        ));
    }
    let temp = write_temp(&note.path, new_text)?;
    fs::rename(&temp, &note.path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        io_error("replace", &note.path, &e)
    })
}

fn write_temp(target: &Path, text: &str) -> Result<PathBuf, CoreError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("note");
    let temp = dir.join(format!(".{name}.career-{}.tmp", std::process::id()));
    let result = fs::File::create(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    if let Err(err) = result {
        let _ = fs::remove_file(&temp);
        return Err(io_error("write", &temp, &err));
    }
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_refuses_when_the_file_changed_after_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        fs::write(&path, "## Tasks\n").unwrap();
        let note = read_note(&path).unwrap();
        fs::write(&path, "## Tasks\n- [ ] typed meanwhile\n").unwrap();
        let err = update_note(&note, "## Tasks\n- [ ] ours\n").unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "## Tasks\n- [ ] typed meanwhile\n",
            "the user's edit stays"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    #[test]
    fn an_update_replaces_the_file_when_it_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("note.md");
        fs::write(&path, "old").unwrap();
        let note = read_note(&path).unwrap();
        update_note(&note, "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }
}
