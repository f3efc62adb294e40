//! `career calendar`: the review cadence as an `.ics` file.
//!
//! `--output` writes where the person names: a relative path inside the
//! vault, or an absolute path anywhere. It replaces an existing file only
//! when that file is an iCalendar file (an older export), or with `--force`:
//! a mistyped `--output Career/0_Career_Index.md` must never replace a note.

use std::path::Path;

use career_core::reviews::calendar::calendar_for;
use career_core::{CoreError, ErrorCode};

use crate::output::Output;
use crate::Context;

/// Prints the calendar, or writes it to `output` when given.
pub fn run(context: &Context, output: Option<&str>, force: bool) -> Result<Output, CoreError> {
    // The UIDs are unique to the vault: its folder's name, as Obsidian names the vault.
    let name = std::fs::canonicalize(&context.vault)
        .unwrap_or_else(|_| context.vault.clone())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = calendar_for(context.today, context.settings.fiscal()?, &name);
    let Some(output) = output else {
        return Ok(Output {
            human: text.clone(),
            json: serde_json::json!({ "ics": text }),
            exact: true,
        });
    };
    let vault = context.files()?;
    let target = if Path::new(output).is_absolute() {
        Path::new(output).to_path_buf()
    } else {
        vault.resolve("calendar output", output)?
    };
    vault.write_file(&target, &mut |current| match current {
        Some(old) if !force && !is_icalendar(old) => Err(CoreError::new(
            ErrorCode::NoteExists,
            format!("{output} exists and is not an iCalendar file, so it was not replaced. Choose another file, or add --force to replace it."),
        )),
        _ => Ok(Some(text.clone())),
    })?;
    Ok(Output::new(
        format!("Wrote {output}: import it or subscribe to it in your calendar app."),
        serde_json::json!({ "path": output }),
    ))
}

/// Whether `text` is an iCalendar file (RFC 5545 starts with BEGIN:VCALENDAR).
fn is_icalendar(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}
