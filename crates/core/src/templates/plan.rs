//! Planning a Career Coach note: create it, upgrade it, or leave it.
//!
//! One entry point for the Career Index, the profile file and the methodology
//! note, shared by the plugin (which previews an upgrade before writing it),
//! the CLI and the spec files. A missing (or blank) note is created whole, in
//! one write; an existing one only gets what it lacks.

use serde::{Deserialize, Serialize};

use super::upgrade::{upgrade, Addition, Property};
use super::{career_index, methodology, profile, render_section, Section};
use crate::dates::Day;
use crate::edit::{apply, Applied, TextEdit};
use crate::error::CoreResult;
use crate::settings::{NotePaths, Settings};
use crate::templates::links::LinkFormat;

/// Which note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// The Career Index.
    CareerIndex,
    /// The profile file an AI assistant reads (`CLAUDE.md`).
    Profile,
    /// The methodology note.
    Methodology,
}

/// What the plan does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanAction {
    /// The note is missing: create it with `text`.
    Create,
    /// The note lacks parts: apply `edits` (giving `text`) after the user confirms.
    Upgrade,
    /// Nothing is missing: write nothing.
    None,
}

/// A plan for one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotePlan {
    /// Which note.
    pub kind: NoteKind,
    /// Vault-relative path.
    pub path: String,
    /// Create, upgrade or nothing.
    pub action: PlanAction,
    /// The full new text (`None` when nothing changes).
    pub text: Option<String>,
    /// The edits against the existing text (empty for a create).
    pub edits: Vec<TextEdit>,
    /// What is added, for the preview.
    pub additions: Vec<Addition>,
}

struct Template {
    path: String,
    properties: Vec<Property>,
    sections: Vec<Section>,
}

fn template(kind: NoteKind, paths: &NotePaths, today: Day, links: LinkFormat) -> Template {
    match kind {
        NoteKind::CareerIndex => Template {
            path: paths.career_index.clone(),
            properties: vec![
                Property::Scalar("type", "career-index".into()),
                Property::List("tags", vec!["career".into()]),
            ],
            sections: career_index::sections(today, &paths.goals_name, links),
        },
        NoteKind::Profile => Template {
            path: paths.profile.clone(),
            properties: Vec::new(),
            sections: profile::sections(&paths.career_index_name, links),
        },
        NoteKind::Methodology => Template {
            path: paths.methodology.clone(),
            properties: vec![
                Property::Scalar("type", "methodology".into()),
                Property::List("tags", vec!["career".into()]),
            ],
            sections: methodology::sections(&paths.career_index_name, &paths.goals_name, links),
        },
    }
}

/// The whole new note, rendered only when the note is to be created.
fn create(
    kind: NoteKind,
    template: &Template,
    paths: &NotePaths,
    today: Day,
    links: LinkFormat,
) -> String {
    let body = |separator: &str| {
        let parts: Vec<String> = template.sections.iter().map(render_section).collect();
        parts.join(separator)
    };
    match kind {
        NoteKind::CareerIndex => career_index::render(today, &paths.goals_name, links),
        NoteKind::Profile => format!(
            "# Assistant Profile\n\nWho I am and how an AI assistant can help me. Keep it current.\n\n{}\n",
            body("\n\n")
        ),
        NoteKind::Methodology => format!(
            "---\ntype: methodology\ntags:\n  - career\n---\n# {}\n\n{}\n",
            paths.methodology_name,
            body("\n\n---\n\n")
        ),
    }
}

/// Plans `kind` for these settings: `existing` is the note's current text, if any.
pub fn plan_note(
    kind: NoteKind,
    settings: &Settings,
    today: Day,
    links: LinkFormat,
    existing: Option<&str>,
) -> CoreResult<NotePlan> {
    let paths = settings.note_paths(today)?;
    let template = template(kind, &paths, today, links);
    let blank = existing.is_none_or(|t| t.trim_start_matches('\u{feff}').trim().is_empty());
    if blank {
        return Ok(NotePlan {
            kind,
            text: Some(create(kind, &template, &paths, today, links)),
            path: template.path,
            action: PlanAction::Create,
            edits: Vec::new(),
            additions: Vec::new(),
        });
    }
    let text = existing.unwrap_or("");
    let (edits, additions) = upgrade(text, &template.sections, &template.properties)?;
    upgrade_plan(kind, template.path, text, edits, additions)
}

/// Plans adding only the Career Index sections of the given kinds (a blind
/// spot's "add the missing section"), each in its canonical place.
pub fn plan_sections(
    settings: &Settings,
    today: Day,
    links: LinkFormat,
    existing: &str,
    kinds: &[&str],
) -> CoreResult<NotePlan> {
    let paths = settings.note_paths(today)?;
    let template = career_index::sections(today, &paths.goals_name, links);
    let edits = super::upgrade::insert_missing(existing, &template, kinds)?;
    let additions = edits
        .iter()
        .map(|e| Addition {
            what: kinds
                .iter()
                .map(|k| {
                    format!(
                        "section {}",
                        crate::note::aliases::by_id(k).map_or(*k, |kind| kind.canonical)
                    )
                })
                .collect(),
            after_line: existing
                .get(..e.span.start)
                .map_or(0, |t| t.matches('\n').count()),
            context: String::new(),
            lines: e.new_text.lines().map(str::to_string).collect(),
        })
        .collect();
    upgrade_plan(
        NoteKind::CareerIndex,
        paths.career_index,
        existing,
        edits,
        additions,
    )
}

/// An upgrade plan from its edits: `Upgrade` with the new text when they
/// change something, `None` otherwise.
fn upgrade_plan(
    kind: NoteKind,
    path: String,
    existing: &str,
    edits: Vec<TextEdit>,
    additions: Vec<Addition>,
) -> CoreResult<NotePlan> {
    let text = match apply(existing, &edits)? {
        Applied::Unchanged => None,
        Applied::Changed(new) => Some(new),
    };
    let action = if text.is_some() {
        PlanAction::Upgrade
    } else {
        PlanAction::None
    };
    Ok(NotePlan {
        kind,
        path,
        action,
        text,
        edits,
        additions,
    })
}
