//! The career folder (where session logs, reviews and saved analyses live)
//! and where the Career Index is. One place decides their paths and lists
//! the folder's notes.

use std::path::{Path, PathBuf};

use career_core::index_location::{is_typed_index, locate_index, Candidate};
use career_core::{CoreError, Day, Settings};

use crate::Context;

/// The career folder, vault-relative with `/`; empty for the vault root.
pub fn relative(context: &Context) -> Result<String, CoreError> {
    context.settings.folder()
}

/// Where the Career Index is when it is not at the configured path (empty
/// when it is, or is nowhere yet): the rule of [`career_core::index_location`],
/// with the candidates found by scanning the vault's notes.
pub fn find_index(vault: &Path, settings: &Settings, today: Day) -> Result<String, CoreError> {
    let configured = settings.note_paths(today)?.career_index;
    let files = crate::vault::Vault::open(vault)?;
    if files.read(&configured).ok().flatten().is_some() {
        return Ok(String::new());
    }
    let config = crate::settings::config_path("");
    let candidates: Vec<Candidate> = crate::vault::scan(vault, vault, true)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(config.as_str()))
        .map(|(path, text)| Candidate {
            typed: is_typed_index(&text),
            path,
        })
        .collect();
    Ok(
        locate_index(&configured, false, &settings.career_index_name, &candidates)?
            .unwrap_or_default(),
    )
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
