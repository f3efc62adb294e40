//! `career blindspots`: the blind spot analysis of the Career Index, and
//! `--add SECTION`, a finding's "Add section" (the plugin's button), recorded
//! for the next session log.

use career_core::blindspots::note::{name, render};
use career_core::blindspots::{analyze, Finding, FindingAction};
use career_core::{CoreError, ErrorCode};

use career_core::log::phases::Work;
use career_core::note::aliases::{by_id, kind_of};
use career_core::templates::plan::{plan_sections, PlanAction};

use crate::commands::log::{logs, record_work};
use crate::commands::notes::link_format;
use crate::output::Output;
use crate::vault::ReadNote;
use crate::Context;

fn action_text(action: &FindingAction) -> String {
    match action {
        FindingAction::Coach {
            section,
            entry: Some(line),
        } => format!("career coach --section {section} --entry {line}"),
        FindingAction::Coach { section, .. } => format!("career coach --section {section}"),
        FindingAction::AddSection { section } => format!("career blindspots --add {section}"),
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

/// Runs the analysis; `add` first adds those missing sections (a finding's
/// "Add section"); with `save`, writes `Blind Spot Analysis YYYY-MM-DD`.
pub fn run(context: &Context, save: bool, add: &[String]) -> Result<Output, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let files = context.files()?;
    let read_index = || -> Result<ReadNote, CoreError> {
        files.read(&paths.career_index)?.ok_or_else(|| {
            CoreError::new(
                ErrorCode::NoteMissing,
                format!(
                    "{} does not exist yet: run `career init` first.",
                    paths.career_index
                ),
            )
        })
    };
    let goals = files.read(&paths.goals).ok().flatten().map(|n| n.text);
    let logs = logs(context)?;
    for name in add {
        let index = read_index()?;
        let before = analyze(&index.text, goals.as_deref(), &logs, context.today);
        add_section(context, &index, name, &before)?;
    }
    let index = read_index()?;
    let findings = analyze(&index.text, goals.as_deref(), &logs, context.today);
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

/// Adds the missing section `name` (an id such as `risk_register`, or a
/// name) as the template has it, insertions only, and records it for the
/// next session log with the finding that asked for it.
fn add_section(
    context: &Context,
    index: &ReadNote,
    name: &str,
    findings: &[Finding],
) -> Result<(), CoreError> {
    let kind = by_id(name.trim())
        .or_else(|| kind_of(name))
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::InvalidInput,
                format!("\"{name}\" is not a Career Index section (e.g. risk_register)."),
            )
        })?;
    let plan = plan_sections(
        &context.settings,
        context.today,
        link_format(&context.vault),
        &index.text,
        &[kind.id],
    )?;
    if plan.action == PlanAction::None || plan.edits.is_empty() {
        eprintln!("{} already has {}.", index.relative, kind.canonical);
        return Ok(());
    }
    context.files()?.apply_edits(index, &plan.edits)?;
    eprintln!("Added {} to {}", kind.canonical, index.relative);
    let gap = findings
        .iter()
        .find(|f| matches!(&f.action, FindingAction::AddSection { section } if section == kind.id))
        .map(|f| format!("{}: {}", f.section, f.evidence))
        .unwrap_or_default();
    record_work(
        context,
        Work::AddedForBlindSpot {
            section: kind.canonical.to_string(),
            gap,
        },
    )
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
