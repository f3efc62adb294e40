//! `career calendar`: the review cadence as an `.ics` file.

use career_core::reviews::calendar;
use career_core::CoreError;

use crate::output::Output;
use crate::vault::{read_note, update_note, Vault};
use crate::Context;

/// Prints the calendar, or writes it to `output` (vault-relative) when given.
pub fn run(context: &Context, output: Option<&str>) -> Result<Output, CoreError> {
    let text = calendar(context.today, context.settings.fiscal()?);
    let Some(relative) = output else {
        return Ok(Output {
            human: text.clone(),
            json: serde_json::json!({ "ics": text }),
            exact: true,
        });
    };
    let vault = Vault::open(&context.vault)?;
    let path = vault.resolve(relative);
    if path.exists() {
        let old = read_note(&path)?;
        if old.text != text {
            update_note(&old, &text)?;
        }
    } else {
        vault.create(relative, &text)?;
    }
    Ok(Output::new(
        format!("Wrote {relative}: import it or subscribe to it in your calendar app."),
        serde_json::json!({ "path": relative }),
    ))
}
