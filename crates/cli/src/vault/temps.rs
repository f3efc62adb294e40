//! Temp files beside the note they will replace, and the clean-up of those a
//! killed run left behind.
//!
//! A temp is named `.{note}.career-{pid}-{n}.tmp`. [`TempFile`] removes its
//! file on every failure path (and when dropped unused). A run killed with
//! `kill -9` cannot clean up, so every guarded write first removes, from the
//! folder it writes to, the temps whose process is gone: under the vault's
//! lock no live `career` can be writing one.

use std::fs;
use std::path::{Path, PathBuf};

use career_core::{CoreError, ErrorCode};

use super::guard::{temp_name, write_synced};
use super::read::io_error;

/// What every temp name holds before the process id.
pub const MARK: &str = "career-";

/// A temp file that is removed unless it was renamed or linked into place.
pub struct TempFile {
    path: PathBuf,
    file: Option<fs::File>,
    done: bool,
}

impl TempFile {
    /// Creates a fresh temp beside `real`, with `like`'s mode and owner when given.
    pub fn create(dir: &Path, real: &Path, like: Option<fs::Metadata>) -> Result<Self, CoreError> {
        let path = temp_name(dir, real);
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io_error("write", &path, &e))?;
        let temp = Self {
            path,
            file: Some(file),
            done: false,
        };
        if let (Some(meta), Some(file)) = (like, temp.file.as_ref()) {
            file.set_permissions(meta.permissions())
                .map_err(|e| io_error("set the permissions of", &temp.path, &e))?;
            keep_owner(file, &meta);
        }
        Ok(temp)
    }

    /// Writes the text and syncs it.
    pub fn write(&self, text: &str) -> Result<(), CoreError> {
        let mut file = self
            .file
            .as_ref()
            .and_then(|f| f.try_clone().ok())
            .ok_or_else(|| CoreError::new(ErrorCode::Io, "The temp file was closed."))?;
        write_synced(&mut file, text).map_err(|e| io_error("write", &self.path, &e))
    }

    /// Renames the temp over an existing file.
    pub fn replace(mut self, real: &Path) -> Result<(), CoreError> {
        self.file = None;
        fs::rename(&self.path, real).map_err(|e| io_error("replace", real, &e))?;
        self.done = true;
        Ok(())
    }

    /// Puts the temp in place as a new file, refusing if `real` appeared meanwhile.
    pub fn link_new(mut self, real: &Path, shown: &str) -> Result<(), CoreError> {
        self.file = None;
        match fs::hard_link(&self.path, real) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(CoreError::new(
                ErrorCode::NoteExists,
                format!("{shown} was created by something else meanwhile; nothing was written."),
            )),
            Err(e) => Err(io_error("create", real, &e)),
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn keep_owner(file: &fs::File, like: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    // Only root can give a file away; for anyone else this is a no-op or fails harmlessly.
    let _ = std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _like: &fs::Metadata) {}

/// The process id in a temp name of ours, or `None` for any other file.
fn owner_pid(name: &str) -> Option<u32> {
    if name == "data.json.tmp" {
        // The fixed name earlier versions used for data.json.
        return Some(0);
    }
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(MARK)?;
    let pid = tail.split('-').next()?;
    pid.parse().ok()
}

#[cfg(target_os = "linux")]
fn is_alive(pid: u32) -> bool {
    pid != 0 && Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn is_alive(pid: u32) -> bool {
    // Without /proc, a temp counts as a live run's for an hour.
    let _ = pid;
    true
}

/// Removes the temps in `dir` whose process is gone. Call it under the vault's lock.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = owner_pid(&name) else {
            continue;
        };
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if pid != me && (!is_alive(pid) || (cfg!(not(target_os = "linux")) && old)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temp_names_are_recognised() {
        assert_eq!(owner_pid(".Note.md.career-123-4.tmp"), Some(123));
        assert_eq!(owner_pid(".Note.md.career-77.tmp"), Some(77));
        assert_eq!(owner_pid("data.json.tmp"), Some(0));
        assert_eq!(owner_pid("Note.md"), None);
        assert_eq!(owner_pid(".my-career-notes.tmp"), None);
        assert_eq!(owner_pid(".x.career-abc.tmp"), None);
    }

    #[test]
    fn stale_temps_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids above the kernel's pid_max (2^22) can never be alive.
        let dead = dir.path().join(".n.md.career-99999999-0.tmp");
        let mine = dir
            .path()
            .join(format!(".n.md.career-{}-0.tmp", std::process::id()));
        let note = dir.path().join("n.md");
        for path in [&dead, &mine, &note] {
            fs::write(path, "x").unwrap();
        }
        remove_stale(dir.path());
        assert!(!dead.exists() || cfg!(not(target_os = "linux")));
        assert!(mine.exists());
        assert!(note.exists());
    }
}
