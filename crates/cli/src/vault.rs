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
