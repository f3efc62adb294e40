//! The career folder: where the Career Index lives, and with it the session
//! logs and saved analyses. One place decides its path and lists its notes.

use std::path::{Path, PathBuf};

use career_core::CoreError;

use crate::Context;

/// The career folder, vault-relative with `/`; empty for the vault root.
pub fn relative(context: &Context) -> Result<String, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    Ok(Path::new(&paths.career_index)
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default())
}

/// The career folder on disk.
pub fn dir(context: &Context) -> Result<PathBuf, CoreError> {
    Ok(context.vault.join(relative(context)?))
}

/// The vault-relative path of the note `name` in the career folder.
pub fn note_path(context: &Context, name: &str) -> Result<String, CoreError> {
    let folder = relative(context)?;
    Ok(if folder.is_empty() {
        format!("{name}.md")
    } else {
        format!("{folder}/{name}.md")
    })
}

/// The names (without `.md`) of the files in the career folder; none if it is missing.
pub fn note_names(context: &Context) -> Result<Vec<String>, CoreError> {
    let names = std::fs::read_dir(dir(context)?)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    e.path()
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(names)
}

/// Every markdown note directly in `dir`, as (vault-relative path, text),
/// sorted by path; with `recursive`, in its subfolders too. Unreadable files
/// are skipped: they cannot be a review or a log the person wrote with us.
pub fn markdown_notes(dir: &Path, vault: &Path, recursive: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(dir, vault, recursive, &mut out);
    out.sort();
    out
}

fn collect(dir: &Path, vault: &Path, recursive: bool, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if recursive && !hidden {
                collect(&path, vault, recursive, out);
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                let relative = path
                    .strip_prefix(vault)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((relative, text));
            }
        }
    }
}

/// The notes directly in the career folder (see [`markdown_notes`]).
pub fn notes(context: &Context) -> Result<Vec<(String, String)>, CoreError> {
    Ok(markdown_notes(&dir(context)?, &context.vault, false))
}
