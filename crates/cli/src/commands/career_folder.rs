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

/// The notes directly in the career folder, as (vault path, text); what
/// cannot be read as a UTF-8 note is skipped with a warning (see [`crate::vault::scan`]).
pub fn notes(context: &Context) -> Result<Vec<(String, String)>, CoreError> {
    Ok(crate::vault::scan(&dir(context)?, &context.vault, false))
}
