//! `career blindspots`: the blind spot analysis of the Career Index.

use career_core::blindspots::note::{name, render};
use career_core::blindspots::{analyze, Finding, FindingAction};
use career_core::{CoreError, ErrorCode};

use crate::commands::log::logs;
use crate::output::Output;
use crate::Context;

fn action_text(action: &FindingAction) -> String {
    match action {
        FindingAction::Coach { section } => format!("career coach --section {section}"),
        FindingAction::AddSection { .. } => "career index upgrade".to_string(),
    }
}

fn human(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "No blind spots found.".into();
    }
    findings
        .iter()
        .map(|f| {
            let line = f.line.map(|l| format!(", line {l}")).unwrap_or_default();
            format!(
                "[{:?}] {} — {}{line}\n  {}\n  Ask: {}\n  Do: {}",
                f.severity,
                f.id,
                f.section,
                f.evidence,
                f.question,
                action_text(&f.action)
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Runs the analysis; with `save`, writes `Blind Spot Analysis YYYY-MM-DD`.
pub fn run(context: &Context, save: bool) -> Result<Output, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let files = context.files()?;
    let Some(index) = files.read(&paths.career_index)? else {
        return Err(CoreError::new(
            ErrorCode::NoteMissing,
            format!(
                "{} does not exist yet: run `career init` first.",
                paths.career_index
            ),
        ));
    };
    let findings = findings_for(context, &index.text)?;
    let text = human(&findings);
    let mut saved = None;
    if save {
        let previous = latest_analysis(context)?;
        let note_name = name(&context.today.iso());
        let note = render(
            &findings,
            &context.today.iso(),
            previous.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
        );
        let path = crate::commands::career_folder::note_path(context, &note_name)?;
        files.create(&path, &note)?;
        saved = Some(path);
    }
    if let Some(path) = &saved {
        // --json prints exactly the findings array; where the note went is news for people.
        eprintln!("Saved {path}");
    }
    Ok(Output::new(
        text,
        serde_json::to_value(&findings).unwrap_or_default(),
    ))
}

/// The findings on the index's text, with the goals note and the session logs.
pub fn findings_for(context: &Context, index: &str) -> Result<Vec<Finding>, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let goals = context
        .files()?
        .read(&paths.goals)
        .ok()
        .flatten()
        .map(|n| n.text);
    Ok(analyze(
        index,
        goals.as_deref(),
        &logs(context)?,
        context.today,
    ))
}

/// The most recent saved analysis in the career folder: (name, text).
pub fn latest_analysis(context: &Context) -> Result<Option<(String, String)>, CoreError> {
    let mut found: Vec<String> = crate::commands::career_folder::note_names(context)?
        .into_iter()
        .filter(|n| n.starts_with("Blind Spot Analysis "))
        .collect();
    found.sort();
    match found.pop() {
        Some(n) => {
            let path = crate::commands::career_folder::note_path(context, &n)?;
            Ok(context.files()?.read(&path)?.map(|note| (n, note.text)))
        }
        None => Ok(None),
    }
}
