//! `career init`: create the Career Index in one write.

use career_core::templates::career_index;
use career_core::CoreError;

use crate::output::Output;
use crate::vault::Vault;
use crate::Context;

/// Creates the Career Index, refusing to overwrite an existing note.
pub fn run(context: &Context) -> Result<Output, CoreError> {
    let vault = Vault::open(&context.vault)?;
    let note = career_index::new_note(&context.settings, context.today)?;
    vault.create(&note.path, &note.text)?;
    let json = serde_json::json!({ "created": [note.path] });
    Ok(Output::new(format!("Created {}", note.path), json))
}
