//! `career init` and `career index|profile|methodology upgrade`: Career Coach's own notes.
//!
//! A missing note is created in one write. An existing one is upgraded with
//! insertions only (the preview lists them); `--dry-run` prints the preview
//! and writes nothing.

use std::path::Path;

use career_core::log::phases::Work;
use career_core::templates::links::LinkFormat;
use career_core::templates::plan::{plan_note, NoteKind, NotePlan, PlanAction};
use career_core::CoreError;

use crate::output::Output;
use crate::vault::Vault;
use crate::Context;

/// The user's link format, from Obsidian's "Use [[Wikilinks]]" setting in the config folder's `app.json`.
pub fn link_format(vault: &Path) -> LinkFormat {
    let markdown = crate::vault::read_text(&vault.join(crate::settings::config_path("app.json")))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| {
            json.get("useMarkdownLinks")
                .and_then(serde_json::Value::as_bool)
        })
        .unwrap_or(false);
    if markdown {
        LinkFormat::Markdown
    } else {
        LinkFormat::Wikilink
    }
}

/// Plans a note against its current text on disk.
pub fn plan(
    context: &Context,
    kind: NoteKind,
) -> Result<(NotePlan, Option<crate::vault::ReadNote>), CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let path = match kind {
        NoteKind::CareerIndex => paths.career_index,
        NoteKind::Profile => paths.profile,
        NoteKind::Methodology => paths.methodology,
    };
    let existing = context.files()?.read(&path)?;
    let plan = plan_note(
        kind,
        &context.settings,
        context.today,
        link_format(&context.vault),
        existing.as_ref().map(|n| n.text.as_str()),
    )?;
    Ok((plan, existing))
}

/// Writes a plan: one create, or its insertions, moved onto the note as it is
/// now if it changed elsewhere meanwhile.
fn write(
    vault: &Vault,
    plan: &NotePlan,
    existing: Option<&crate::vault::ReadNote>,
) -> Result<(), CoreError> {
    match (plan.action, &plan.text, existing) {
        (PlanAction::Create, Some(text), None) => vault.create(&plan.path, text).map(|_| ()),
        (PlanAction::Create | PlanAction::Upgrade, Some(_), Some(note)) => {
            vault.apply_edits(note, &plan.edits).map(|_| ())
        }
        _ => Ok(()),
    }
}

/// The preview of an upgrade, as a readable diff.
fn preview(plan: &NotePlan) -> String {
    let mut out = Vec::new();
    for addition in &plan.additions {
        let place = if addition.after_line == 0 {
            "At the top".to_string()
        } else {
            format!("After line {}: {}", addition.after_line, addition.context)
        };
        out.push(format!("{} ({})", place, addition.what.join(", ")));
        out.extend(addition.lines.iter().map(|l| format!("+ {l}")));
        out.push(String::new());
    }
    out.join("\n")
}

fn kind_name(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::CareerIndex => "index",
        NoteKind::Profile => "profile",
        NoteKind::Methodology => "methodology",
    }
}

/// `career init`: creates the profile (or adds its preferences), the Career
/// Index, and the methodology note when enabled. Existing notes other than the
/// profile are left as they are.
pub fn init(context: &Context) -> Result<Output, CoreError> {
    let vault = context.files()?;
    let mut kinds = vec![NoteKind::Profile, NoteKind::CareerIndex];
    if context.settings.methodology_note {
        kinds.push(NoteKind::Methodology);
    }
    let (mut created, mut upgraded, mut unchanged, mut lines) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for kind in kinds {
        let (plan, existing) = plan(context, kind)?;
        let upgrade_existing = kind == NoteKind::Profile;
        match plan.action {
            PlanAction::Create => {
                write(&vault, &plan, existing.as_ref())?;
                lines.push(format!("Created {}", plan.path));
                created.push(plan.path);
            }
            PlanAction::Upgrade if upgrade_existing => {
                write(&vault, &plan, existing.as_ref())?;
                lines.push(format!(
                    "Added {} to {}",
                    plan.additions
                        .iter()
                        .flat_map(|a| a.what.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                    plan.path
                ));
                upgraded.push(plan.path);
            }
            PlanAction::Upgrade => {
                lines.push(format!(
                    "{} exists; left as it is (`career {} upgrade` adds what it lacks)",
                    plan.path,
                    kind_name(kind)
                ));
                unchanged.push(plan.path);
            }
            PlanAction::None => {
                lines.push(format!("{} is complete", plan.path));
                unchanged.push(plan.path);
            }
        }
    }
    let json =
        serde_json::json!({ "created": created, "upgraded": upgraded, "unchanged": unchanged });
    Ok(Output::new(lines.join("\n"), json))
}

/// `career index|profile|methodology upgrade [--dry-run]`.
pub fn upgrade(context: &Context, kind: NoteKind, dry_run: bool) -> Result<Output, CoreError> {
    let vault = context.files()?;
    let (plan, existing) = plan(context, kind)?;
    let human = match plan.action {
        PlanAction::None => format!("No change: {} already has every section.", plan.path),
        PlanAction::Create if dry_run => format!("Would create {}.", plan.path),
        PlanAction::Create if existing.is_some() => {
            format!("Filled the empty {} with the template.", plan.path)
        }
        PlanAction::Create => format!("Created {}.", plan.path),
        PlanAction::Upgrade if dry_run => {
            format!("Would add to {}:\n\n{}", plan.path, preview(&plan))
        }
        PlanAction::Upgrade => format!("Added to {}:\n\n{}", plan.path, preview(&plan)),
    };
    if !dry_run {
        write(&vault, &plan, existing.as_ref())?;
        if kind == NoteKind::CareerIndex && plan.action == PlanAction::Upgrade {
            // Phase 2 of the next session log (a new index is read from its `created`).
            let index_note = context
                .settings
                .note_paths(context.today)?
                .career_index_name;
            let added = plan.additions.iter().flat_map(|a| a.what.clone()).collect();
            crate::commands::log::record_work(context, Work::Upgraded { index_note, added })?;
        }
    }
    let json = serde_json::json!({
        "path": plan.path,
        "action": plan.action,
        "dry_run": dry_run,
        "additions": plan.additions,
        "edits": plan.edits,
    });
    Ok(Output::new(human, json))
}
