//! `career due`: which reviews are due today (one catch-up per kind).

use career_core::reviews::{due_since, status_line};
use career_core::CoreError;

use crate::commands::review::{existing_reviews, started};
use crate::output::Output;
use crate::Context;

/// Lists the due reviews; with `--json`, an array of `Due`.
pub fn run(context: &Context) -> Result<Output, CoreError> {
    let fiscal = context.settings.fiscal()?;
    let found = due_since(
        context.today,
        fiscal,
        started(context)?,
        &existing_reviews(context)?,
    );
    let human = match status_line(&found) {
        None => "No reviews due.".to_string(),
        Some(_) => found
            .iter()
            .map(|d| {
                let covers: Vec<String> = d.covers.iter().map(ToString::to_string).collect();
                let skipped = match (d.skipped.first(), d.skipped.last()) {
                    (Some(a), Some(b)) if a == b => format!("; skips {a}"),
                    (Some(a), Some(b)) => format!("; skips {a} to {b}"),
                    _ => String::new(),
                };
                format!(
                    "{} — {} (due since {}; covers {}{skipped}): career review {}",
                    d.label,
                    d.period,
                    d.since,
                    covers.join(", "),
                    d.kind.adjective()
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    Ok(Output::new(
        human,
        serde_json::to_value(&found).unwrap_or_default(),
    ))
}
