//! `career paths`: where each note lives.

use career_core::CoreError;

use crate::output::Output;
use crate::Context;

/// Prints the note paths for the vault's settings.
pub fn run(context: &Context) -> Result<Output, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let human = format!(
        "Career Index: {}\nGoals: {}\nSession log: {}\nProfile: {}",
        paths.career_index, paths.goals, paths.session_log, paths.profile
    );
    Ok(Output::new(
        human,
        serde_json::to_value(&paths).unwrap_or_default(),
    ))
}
