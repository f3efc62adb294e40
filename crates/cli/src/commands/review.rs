//! `career review weekly|monthly|quarterly|annual`: writes the review note
//! (or a `## Career review` section in the Periodic Notes note) and carries
//! unfinished items forward in the goals note.
//!
//! Writes: the goals note first (guarded: re-read, checked, replaced
//! atomically), then the review note in one create that never overwrites.
//! The goals edits are idempotent, so if the second write fails, running the
//! command again carries nothing twice.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use career_core::periods::{FiscalYear, Period, PeriodKind};
use career_core::reviews::due::review_of;
use career_core::reviews::{
    next_review, plan_review, Answers, Decision, ExistingReview, NoteText, PeriodicFormats,
    ReviewInput, ReviewPlan,
};
use career_core::{CoreError, ErrorCode};

use crate::commands::career_folder::markdown_notes;
use crate::commands::log::logs;
use crate::commands::notes::link_format;
use crate::output::Output;
use crate::vault::{read_note, update_note, Vault};
use crate::Context;

/// Where Periodic Notes keeps its settings, relative to the vault.
pub const PERIODIC_DATA: &str = ".obsidian/plugins/periodic-notes/data.json";

/// What the command line gave.
pub struct ReviewArgs {
    /// weekly, monthly, quarterly or annual.
    pub kind: PeriodKind,
    /// `--period`.
    pub period: Option<String>,
    /// `--intention`.
    pub intention: Option<String>,
    /// `--focus`.
    pub focus: Option<String>,
    /// `--theme`.
    pub theme: Option<String>,
    /// `--keep`: unfinished items to leave open where they are.
    pub keep: Vec<String>,
    /// `--drop`: unfinished items to cancel.
    pub drop: Vec<String>,
}

/// Periodic Notes' folder and format for each kind (blank when unset).
#[derive(Default)]
pub struct PeriodicConfig {
    /// The formats.
    pub formats: PeriodicFormats,
    /// Folders, weekly, monthly, quarterly, yearly.
    pub folders: [String; 4],
}

fn slot(kind: PeriodKind) -> usize {
    match kind {
        PeriodKind::Week => 0,
        PeriodKind::Month => 1,
        PeriodKind::Quarter => 2,
        PeriodKind::Year => 3,
    }
}

/// Reads Periodic Notes' settings: the 0.x layout (`weekly: {folder, format}`)
/// or the 1.x calendar sets (`calendarSets[].week`).
pub fn periodic_config(vault: &Path) -> PeriodicConfig {
    let mut config = PeriodicConfig::default();
    let Some(json) = std::fs::read_to_string(vault.join(PERIODIC_DATA))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    else {
        return config;
    };
    let set = json
        .get("calendarSets")
        .and_then(serde_json::Value::as_array)
        .and_then(|sets| {
            let active = json.get("activeCalendarSet").and_then(|a| a.as_str());
            sets.iter()
                .find(|s| s.get("id").and_then(|i| i.as_str()) == active)
                .or(sets.first())
        });
    for (kind, old, new) in [
        (PeriodKind::Week, "weekly", "week"),
        (PeriodKind::Month, "monthly", "month"),
        (PeriodKind::Quarter, "quarterly", "quarter"),
        (PeriodKind::Year, "yearly", "year"),
    ] {
        let entry = set.and_then(|s| s.get(new)).or_else(|| json.get(old));
        let text = |key: &str| {
            entry
                .and_then(|e| e.get(key))
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let format = text("format");
        match kind {
            PeriodKind::Week => config.formats.weekly = format,
            PeriodKind::Month => config.formats.monthly = format,
            PeriodKind::Quarter => config.formats.quarterly = format,
            PeriodKind::Year => config.formats.yearly = format,
        }
        if let Some(folder) = config.folders.get_mut(slot(kind)) {
            *folder = text("folder").trim_matches('/').to_string();
        }
    }
    config
}

/// The reviews that exist: notes in the career folder (and, in periodic
/// mode, in Periodic Notes' folders) whose frontmatter says they are reviews.
pub fn existing_reviews(context: &Context) -> Result<Vec<ExistingReview>, CoreError> {
    let career = crate::commands::career_folder::dir(context)?;
    let mut notes = markdown_notes(&career, &context.vault, false);
    if context.settings.reviews_in_periodic_notes {
        let config = periodic_config(&context.vault);
        let mut folders: Vec<&String> = config.folders.iter().collect();
        folders.sort();
        folders.dedup();
        for folder in folders {
            let dir = context.vault.join(folder);
            // Periodic Notes' formats may put notes in subfolders (`YYYY/[W]ww`).
            if dir != career {
                notes.extend(markdown_notes(&dir, &context.vault, true));
            }
        }
    }
    Ok(notes
        .iter()
        .filter_map(|(path, text)| review_of(path, text))
        .collect())
}

fn read_optional(context: &Context, relative: &str) -> Result<Option<String>, CoreError> {
    let path = context.vault.join(relative);
    if path.exists() {
        Ok(Some(read_note(&path)?.text))
    } else {
        Ok(None)
    }
}

/// Asks one question on stdin; a blank answer or the end of input is `None`.
fn ask(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    question: &str,
) -> Option<String> {
    if std::io::stdin().is_terminal() {
        eprint!("{question} (blank to skip): ");
        let _ = std::io::stderr().flush();
    }
    let line = lines.next()?.ok()?;
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_string())
}

fn answers(args: &ReviewArgs, period: Period, fiscal: FiscalYear) -> Answers {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut answers = Answers {
        next_intention: args.intention.clone(),
        next_focus: args.focus.clone(),
        next_theme: args.theme.clone(),
        keep: args.keep.clone(),
        drop: args.drop.clone(),
    };
    match args.kind {
        PeriodKind::Quarter if args.intention.is_none() && args.focus.is_none() => {
            let next = period.next(fiscal);
            answers.next_intention = ask(&mut lines, &format!("{next}'s intention"));
            answers.next_focus = ask(&mut lines, &format!("{next}'s focus"));
        }
        PeriodKind::Year if args.theme.is_none() => {
            answers.next_theme = ask(&mut lines, "Next year's theme");
        }
        _ => {}
    }
    answers
}

/// Runs a review.
pub fn run(context: &Context, args: &ReviewArgs) -> Result<Output, CoreError> {
    let settings = &context.settings;
    let fiscal = settings.fiscal()?;
    let reviews = existing_reviews(context)?;
    let (period, covers) = match &args.period {
        Some(text) => {
            let period = Period::parse(text)?;
            if period.kind() != args.kind {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "{period} is not a period for a {} review.",
                        args.kind.adjective()
                    ),
                ));
            }
            let (due, covers) = next_review(args.kind, context.today, fiscal, &reviews);
            (period, if due == period { covers } else { vec![period] })
        }
        None => next_review(args.kind, context.today, fiscal, &reviews),
    };
    let year = career_core::reviews::goals_year(period, fiscal);
    let goals_path = settings.goals_path(year)?;
    let next_goals_path = settings.goals_path(year + 1)?;
    let index_path = settings.note_paths(context.today)?.career_index;
    let config = periodic_config(&context.vault);
    let periodic = if settings.reviews_in_periodic_notes {
        let name = career_core::reviews::periodic::periodic_note_name_in(
            period,
            fiscal,
            config.formats.of(args.kind),
        )?;
        let folder = config
            .folders
            .get(slot(args.kind))
            .cloned()
            .unwrap_or_default();
        let relative = if folder.is_empty() {
            format!("{name}.md")
        } else {
            format!("{folder}/{name}.md")
        };
        read_optional(context, &relative)?.map(|text| NoteText {
            path: relative,
            text,
        })
    } else {
        None
    };
    let input = ReviewInput {
        period: Some(period),
        covers,
        today: context.today.iso(),
        settings: settings.clone(),
        links: link_format(&context.vault),
        goals_text: read_optional(context, &goals_path)?,
        next_goals_text: if args.kind == PeriodKind::Quarter {
            read_optional(context, &next_goals_path)?
        } else {
            None
        },
        index_text: read_optional(context, &index_path)?,
        session_logs: logs(context)?
            .into_iter()
            .map(|(path, text)| NoteText { path, text })
            .collect(),
        reviews,
        answers: answers(args, period, fiscal),
        periodic,
        periodic_formats: config.formats,
    };
    let mut plan = plan_review(&input)?;
    // On a terminal, with no --keep or --drop: ask what happens to each unfinished item.
    if args.keep.is_empty() && args.drop.is_empty() && std::io::stdin().is_terminal() {
        let (keep, drop) = ask_decisions(&plan);
        if !keep.is_empty() || !drop.is_empty() {
            let mut decided = input;
            decided.answers.keep = keep;
            decided.answers.drop = drop;
            plan = plan_review(&decided)?;
        }
    }
    write(context, &plan)?;
    let mut human = vec![plan.summary.clone()];
    human.extend(plan.flags.iter().map(|f| format!("note: {}", f.message)));
    Ok(Output::new(
        human.join("\n"),
        serde_json::to_value(&plan).unwrap_or_default(),
    ))
}

/// Asks, item by item, whether to carry (Enter), keep (k) or drop (d) the
/// unfinished actions or milestones; returns the texts to keep and to drop.
fn ask_decisions(plan: &ReviewPlan) -> (Vec<String>, Vec<String>) {
    let (mut keep, mut drop) = (Vec::new(), Vec::new());
    let unfinished: Vec<_> = plan
        .carried
        .iter()
        .filter(|c| c.decision == Decision::Carry)
        .collect();
    if unfinished.is_empty() {
        return (keep, drop);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    eprintln!("Unfinished: carry each into the next period (Enter), keep it where it is (k) or drop it (d).");
    for item in unfinished {
        let flag = if item.flagged {
            format!(
                " — carried {} times already",
                item.carried.saturating_sub(1)
            )
        } else {
            String::new()
        };
        eprint!("  {}{flag} [C/k/d]: ", item.text);
        let _ = std::io::stderr().flush();
        let Some(Ok(answer)) = lines.next() else {
            break;
        };
        match answer.trim().to_ascii_lowercase().as_str() {
            "k" | "keep" => keep.push(item.text.clone()),
            "d" | "drop" => drop.push(item.text.clone()),
            _ => {}
        }
    }
    (keep, drop)
}

/// Writes a plan: the goals notes (guarded), then the review.
fn write(context: &Context, plan: &ReviewPlan) -> Result<(), CoreError> {
    let vault = Vault::open(&context.vault)?;
    if let Some(note) = &plan.create {
        if vault.resolve(&note.path).exists() {
            return Err(CoreError::new(
                ErrorCode::NoteExists,
                format!(
                    "{} already exists; nothing was written. Open it to continue that review.",
                    note.path
                ),
            ));
        }
    }
    for edits in [&plan.goals, &plan.next_goals, &plan.periodic]
        .into_iter()
        .flatten()
    {
        let note = read_note(&vault.resolve(&edits.path))?;
        career_core::edit::check(&note.text, &edits.edits)?;
        update_note(&note, &edits.new_text)?;
    }
    if let Some(note) = &plan.create {
        vault.create(&note.path, &note.text)?;
    }
    Ok(())
}
