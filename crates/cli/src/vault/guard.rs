//! The one guarded write: every note, review, log, calendar and `data.json`
//! the CLI writes goes through [`guarded_write`].
//!
//! The protocol, in order:
//! 1. Take the vault's exclusive lock (an advisory `flock` on the vault
//!    folder), so two `career` runs never interleave a read and a write.
//! 2. Remove temp files that killed runs left in the target's folder.
//! 3. Re-read the target under the lock (through a symlink to its real file;
//!    a FIFO, a folder or a monster is refused) and hand that fresh text to
//!    the caller's plan. The text written is always computed from this read,
//!    never from an older one: the plan either recomputes the change on it,
//!    moves confirmed edits onto it, or refuses with `conflict`.
//! 4. Refuse a read-only note or folder (`read_only`), even as root.
//! 5. Write a uniquely named temp file beside the real target with the
//!    target's mode (and owner, where allowed), fsync it, then rename it over
//!    the target (or hard-link it for a new note, which never replaces a file
//!    that appeared meanwhile), and fsync the folder.
//! 6. On any failure, remove the temp file: the target is the old text or the
//!    new, never half of either.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use career_core::{CoreError, ErrorCode};

use super::read::{io_error, read_text};
use super::temps;

/// What a guarded write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The plan asked for no change; nothing was written.
    Unchanged,
    /// A new file was created.
    Created,
    /// An existing file was replaced.
    Replaced,
}

/// A plan: given the target's text as it is now under the lock (`None` when
/// it does not exist), the full new text, or `None` for no change.
pub type Plan<'a> = dyn FnMut(Option<&str>) -> Result<Option<String>, CoreError> + 'a;

/// Holds the vault's lock until dropped.
struct VaultLock(fs::File);

impl VaultLock {
    fn take(vault: &Path) -> Result<Self, CoreError> {
        let file = lock_file(vault).map_err(|e| io_error("lock", vault, &e))?;
        file.lock().map_err(|e| io_error("lock", vault, &e))?;
        Ok(Self(file))
    }
}

impl Drop for VaultLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

#[cfg(unix)]
fn lock_file(vault: &Path) -> io::Result<fs::File> {
    // flock on the folder itself: nothing is created in the person's vault.
    fs::File::open(vault)
}

#[cfg(not(unix))]
fn lock_file(vault: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(vault.join(".career-coach.lock"))
}

/// Writes `target` through the guard (see the module docs). `vault` is the
/// folder whose lock serialises writers; `shown` names the target in messages.
pub fn guarded_write(
    vault: &Path,
    target: &Path,
    shown: &str,
    plan: &mut Plan<'_>,
) -> Result<Written, CoreError> {
    let _lock = VaultLock::take(vault)?;
    let real = real_target(target, shown)?;
    let dir = real.parent().unwrap_or(Path::new(".")).to_path_buf();
    temps::remove_stale(&dir);
    let current = read_text(&real)?;
    let Some(new_text) = plan(current.as_deref())? else {
        return Ok(Written::Unchanged);
    };
    if current.as_deref() == Some(new_text.as_str()) {
        return Ok(Written::Unchanged);
    }
    let mode = check_writable(&real, &dir, shown, current.is_some())?;
    let temp = temps::TempFile::create(&dir, &real, mode)?;
    temp.write(&new_text)?;
    if current.is_some() {
        temp.replace(&real)?;
    } else {
        temp.link_new(&real, shown)?;
    }
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(if current.is_some() {
        Written::Replaced
    } else {
        Written::Created
    })
}

/// The file a write really changes: a symlinked note (or one inside a
/// symlinked folder) is written through to its target, never replaced by a copy.
fn real_target(target: &Path, shown: &str) -> Result<PathBuf, CoreError> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(target).map_err(|e| {
            CoreError::new(
                ErrorCode::NotAFile,
                format!(
                    "{shown} is a broken symlink or a symlink loop ({e}); nothing was written."
                ),
            )
        }),
        Ok(_) => Ok(fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf())),
        Err(_) => {
            let parent = target.parent().unwrap_or(Path::new("."));
            fs::create_dir_all(parent).map_err(|e| io_error("create the folder", parent, &e))?;
            let real_parent =
                fs::canonicalize(parent).map_err(|e| io_error("find the folder", parent, &e))?;
            Ok(match target.file_name() {
                Some(name) => real_parent.join(name),
                None => target.to_path_buf(),
            })
        }
    }
}

/// Refuses a read-only note or folder; returns the mode the new file takes.
fn check_writable(
    real: &Path,
    dir: &Path,
    shown: &str,
    exists: bool,
) -> Result<Option<fs::Metadata>, CoreError> {
    let read_only = |what: &str| {
        CoreError::new(
            ErrorCode::ReadOnly,
            format!("{what} is read-only, so {shown} was not changed. Make it writable to let Career Coach edit it."),
        )
    };
    let folder = fs::metadata(dir).map_err(|e| io_error("inspect", dir, &e))?;
    if folder.permissions().readonly() {
        return Err(read_only(&format!("The folder {}", dir.display())));
    }
    if !exists {
        return Ok(None);
    }
    let meta = fs::metadata(real).map_err(|e| io_error("inspect", real, &e))?;
    if meta.permissions().readonly() {
        return Err(read_only(shown));
    }
    Ok(Some(meta))
}

static NEXT_TEMP: AtomicUsize = AtomicUsize::new(0);

/// A unique temp file name beside `real` for this process.
pub(super) fn temp_name(dir: &Path, real: &Path) -> PathBuf {
    let name = real
        .file_name()
        .map_or_else(|| "note".into(), |n| n.to_string_lossy().into_owned());
    let seq = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(
        ".{name}.{}{}-{seq}.tmp",
        temps::MARK,
        std::process::id()
    ))
}

/// Writes all of `text` to `file` and syncs it to disk.
pub(super) fn write_synced(file: &mut fs::File, text: &str) -> io::Result<()> {
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
