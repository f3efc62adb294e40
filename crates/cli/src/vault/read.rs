//! Reading notes without hanging, without loading monsters, and without
//! letting one odd file stop a command.
//!
//! Every read goes through [`read_text`]: it opens without blocking (a FIFO
//! named like a note would otherwise hang the command), refuses anything that
//! is not a regular file (`not_a_file`), caps the size (`note_too_large`) and
//! requires UTF-8. [`scan`] lists a folder's notes for the commands that read
//! many (threads, due, reviews, blind spots): an unreadable, non-UTF-8 or
//! special file is skipped with a warning naming it, and a symlink loop is
//! detected rather than followed forever.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use career_core::{CoreError, ErrorCode};

/// The largest note Career Coach reads: 64 MiB.
pub const MAX_NOTE_BYTES: u64 = 64 * 1024 * 1024;

/// How deep [`scan`] goes below the folder it is given.
const MAX_DEPTH: usize = 32;

pub(crate) fn io_error(action: &str, path: &Path, err: &io::Error) -> CoreError {
    CoreError::new(
        ErrorCode::Io,
        format!("Could not {action} {}: {err}.", path.display()),
    )
}

/// Opens `path` for reading without blocking on a FIFO or device.
fn open(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
        options.custom_flags(0o4000);
    }
    options.open(path)
}

/// The bytes of a regular file, or `None` when it does not exist.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, CoreError> {
    let file = match open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.raw_os_error() == Some(40) => {
            return Err(CoreError::new(
                ErrorCode::NotAFile,
                format!("{} is a symlink loop; nothing was read.", path.display()),
            ))
        }
        Err(e) => return Err(io_error("read", path, &e)),
    };
    let meta = file.metadata().map_err(|e| io_error("read", path, &e))?;
    if !meta.is_file() {
        return Err(CoreError::new(
            ErrorCode::NotAFile,
            format!(
                "{} is not a regular file (a folder, FIFO, device or socket); Career Coach only reads notes.",
                path.display()
            ),
        ));
    }
    if meta.len() > MAX_NOTE_BYTES {
        return Err(too_large(path));
    }
    let mut bytes = Vec::new();
    file.take(MAX_NOTE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error("read", path, &e))?;
    if bytes.len() as u64 > MAX_NOTE_BYTES {
        return Err(too_large(path));
    }
    Ok(Some(bytes))
}

fn too_large(path: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::NoteTooLarge,
        format!(
            "{} is larger than {} MiB; Career Coach does not read notes that large.",
            path.display(),
            MAX_NOTE_BYTES / 1024 / 1024
        ),
    )
}

/// The text of a note, or `None` when it does not exist.
pub fn read_text(path: &Path) -> Result<Option<String>, CoreError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    String::from_utf8(bytes).map(Some).map_err(|_| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "{} is not UTF-8 text; Career Coach only edits UTF-8 notes.",
                path.display()
            ),
        )
    })
}

/// Prints a warning about a file a command passed over.
pub fn warn(message: &str) {
    eprintln!("warning: {message}");
}

/// Every markdown note in `dir` (with `recursive`, in its subfolders too,
/// hidden ones excepted), as (vault-relative path, text), sorted by path.
/// What cannot be read as a UTF-8 regular file is skipped with a warning.
pub fn scan(dir: &Path, vault: &Path, recursive: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    collect(dir, vault, recursive, 0, &mut seen, &mut out);
    out.sort();
    out
}

fn collect(
    dir: &Path,
    vault: &Path,
    recursive: bool,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<(String, String)>,
) {
    // A folder reached twice (through a symlink back up the tree) is a loop: read it once.
    let Ok(real) = fs::canonicalize(dir) else {
        return;
    };
    if !seen.insert(real) {
        warn(&format!(
            "{} leads back to a folder already read (a symlink loop); skipped.",
            dir.display()
        ));
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let hidden = name.as_deref().is_some_and(|n| n.starts_with('.'));
        let Ok(meta) = fs::metadata(&path) else {
            if fs::symlink_metadata(&path).is_ok() {
                warn(&format!(
                    "{} is a broken symlink or a symlink loop; skipped.",
                    path.display()
                ));
            }
            continue;
        };
        if meta.is_dir() {
            if recursive && !hidden && depth < MAX_DEPTH {
                collect(&path, vault, recursive, depth + 1, seen, out);
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "md") || hidden {
            continue;
        }
        match read_text(&path) {
            Ok(Some(text)) => {
                let relative = path
                    .strip_prefix(vault)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((relative, text));
            }
            Ok(None) => {}
            Err(err) => warn(&format!("{}; skipped.", err.message.trim_end_matches('.'))),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(read_text(&fifo).unwrap_err().code, ErrorCode::NotAFile);
        std::fs::write(dir.path().join("note.md"), "# Note\n").unwrap();
        std::fs::write(dir.path().join("latin1.md"), b"caf\xe9\n").unwrap();
        let notes = scan(dir.path(), dir.path(), false);
        assert_eq!(notes, vec![("note.md".to_string(), "# Note\n".to_string())]);
    }

    #[test]
    fn a_symlink_loop_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/n.md"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        let notes = scan(dir.path(), dir.path(), true);
        assert_eq!(notes.len(), 1, "{notes:?}");
    }
}
