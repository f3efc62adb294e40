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
use career_core::reviews::intentions::{quarter_context, QuarterContext};
use career_core::reviews::{
    next_review, plan_review, Answers, Decision, ExistingReview, NoteText, PeriodicFormats,
    ReviewInput, ReviewPlan,
};
use career_core::{CoreError, ErrorCode};

use crate::commands::log::logs;
use crate::commands::notes::link_format;
use crate::output::Output;
use crate::vault::{scan, Vault};
use crate::Context;
use career_core::proposal::{Planned, Proposal};

/// Where Periodic Notes keeps its settings, relative to the vault.
fn periodic_data() -> String {
    crate::settings::config_path("plugins/periodic-notes/data.json")
}

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

/// The kinds in the order of [`PeriodicConfig::folders`].
const KINDS: [PeriodKind; 4] = [
    PeriodKind::Week,
    PeriodKind::Month,
    PeriodKind::Quarter,
    PeriodKind::Year,
];

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
    let Some(json) = crate::vault::read_text(&vault.join(periodic_data()))
        .ok()
        .flatten()
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
    let mut notes = scan(&career, &context.vault, false);
    if context.settings.reviews_in_periodic_notes {
        let config = periodic_config(&context.vault);
        let mut folders = Vec::new();
        for (kind, folder) in KINDS.iter().zip(&config.folders) {
            folders.push(periodic_folder(*kind, folder)?);
        }
        folders.sort();
        folders.dedup();
        for folder in folders {
            let dir = context.vault.join(folder);
            // Periodic Notes' formats may put notes in subfolders (`YYYY/[W]ww`).
            if dir != career {
                notes.extend(scan(&dir, &context.vault, true));
            }
        }
    }
    Ok(notes
        .iter()
        .filter_map(|(path, text)| review_of(path, text))
        .collect())
}

/// The day the person started (see `reviews::due`): the goals notes' `created`
/// in the career folder, or the first review.
pub fn started(context: &Context) -> Result<Option<career_core::Day>, CoreError> {
    let career = crate::commands::career_folder::dir(context)?;
    let notes = scan(&career, &context.vault, false);
    let fiscal = context.settings.fiscal()?;
    let goals_start = career_core::reviews::started(&notes, fiscal);
    let reviews = existing_reviews(context)?;
    let first = reviews
        .iter()
        .flat_map(|r| r.covers.iter().chain(&r.skipped).copied())
        .map(|p| career_core::reviews::due::due_from(p, fiscal))
        .min();
    Ok(match (goals_start, first) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

/// Periodic Notes' folder for a kind, confined to the vault.
fn periodic_folder(kind: PeriodKind, folder: &str) -> Result<String, CoreError> {
    career_core::vault_path::confine(
        &format!("Periodic Notes {} folder", kind.adjective()),
        folder,
    )
}

/// The vault path of the period's Periodic Notes note, confined to the vault.
fn periodic_path(
    config: &PeriodicConfig,
    kind: PeriodKind,
    period: Period,
    fiscal: FiscalYear,
) -> Result<String, CoreError> {
    let name = career_core::reviews::periodic::periodic_note_name_in(
        period,
        fiscal,
        config.formats.of(kind),
    )?;
    let name = career_core::vault_path::confine_file(
        &format!("Periodic Notes {} format", kind.adjective()),
        &name,
    )?;
    let folder = periodic_folder(kind, config.folders.get(slot(kind)).map_or("", |f| f))?;
    let joined = if folder.is_empty() {
        format!("{name}.md")
    } else {
        format!("{folder}/{name}.md")
    };
    career_core::vault_path::confine_file(
        &format!("Periodic Notes {} folder and format", kind.adjective()),
        &joined,
    )
}

fn read_optional(vault: &Vault, relative: &str) -> Result<Option<String>, CoreError> {
    Ok(vault.read(relative)?.map(|n| n.text))
}

/// Asks one question on stdin; a blank answer or the end of input is `None`.
fn ask(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    question: &str,
) -> Option<String> {
    if std::io::stdin().is_terminal() {
        if question.contains("blank") {
            eprint!("{question}: ");
        } else {
            eprint!("{question} (blank to skip): ");
        }
        let _ = std::io::stderr().flush();
    }
    let line = lines.next()?.ok()?;
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// The answers: from the command line, or asked on stdin. A quarterly review
/// first shows the reviewed quarter's intention and focus and next quarter's
/// as set (read only for showing them; the plan is made from a fresh read).
fn answers(
    args: &ReviewArgs,
    period: Period,
    fiscal: FiscalYear,
    current: Option<&QuarterContext>,
) -> Answers {
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
            let shown = |text: &str| {
                if text.is_empty() {
                    "not set".to_string()
                } else {
                    format!("\"{text}\"")
                }
            };
            let (intention, focus) = match current {
                Some(c) => {
                    if std::io::stdin().is_terminal() {
                        eprintln!(
                            "{period}: intention {}, focus {}.",
                            shown(&c.reviewed.intention),
                            shown(&c.reviewed.focus)
                        );
                    }
                    (shown(&c.next.intention), shown(&c.next.focus))
                }
                None => ("not set".into(), "not set".into()),
            };
            answers.next_intention = ask(
                &mut lines,
                &format!("{next}'s intention, now {intention} (blank keeps it)"),
            );
            answers.next_focus = ask(
                &mut lines,
                &format!("{next}'s focus, now {focus} (blank keeps it)"),
            );
        }
        PeriodKind::Year if args.theme.is_none() => {
            answers.next_theme = ask(&mut lines, "Next year's theme");
        }
        _ => {}
    }
    answers
}

/// Runs a review.
///
/// The questions come first (next quarter's intention, next year's theme),
/// then the notes are read and the plan made, so nothing is computed from a
/// note read before a person spent time answering. The keep/carry/drop
/// decisions are asked on the plan; if a note then changed in the lines the
/// plan replaces, a terminal shows the review again on the notes as they are
/// now (the answers given are kept); a script gets `conflict`.
pub fn run(context: &Context, args: &ReviewArgs) -> Result<Output, CoreError> {
    let settings = &context.settings;
    let fiscal = settings.fiscal()?;
    let (period, covers, skipped) = which_period(context, args, fiscal)?;
    let interactive = std::io::stdin().is_terminal();
    let vault = context.files()?;
    let current = if args.kind == PeriodKind::Quarter {
        let year = career_core::reviews::goals_year(period, fiscal);
        Some(quarter_context(
            period,
            fiscal,
            read_optional(&vault, &settings.goals_path(year)?)?.as_deref(),
            read_optional(&vault, &settings.goals_path(year + 1)?)?.as_deref(),
        ))
    } else {
        None
    };
    let answers = answers(args, period, fiscal, current.as_ref());
    let plan = loop {
        let mut input = review_input(context, &vault, args, period, &covers, answers.clone())?;
        input.skipped = skipped.clone();
        let mut plan = plan_review(&input)?;
        // On a terminal, with no --keep or --drop: ask what happens to each unfinished item.
        if args.keep.is_empty() && args.drop.is_empty() && interactive {
            let (keep, drop) = ask_decisions(&plan);
            if !keep.is_empty() || !drop.is_empty() {
                let mut decided = input.clone();
                decided.answers.keep = keep;
                decided.answers.drop = drop;
                plan = plan_review(&decided)?;
            }
        }
        match write(&vault, &input, &plan) {
            Err(e) if e.code == ErrorCode::Conflict && interactive => {
                eprintln!(
                    "{} Here is the review again, on the notes as they are now.",
                    e.message
                );
            }
            Err(e) => return Err(e),
            Ok(()) => break plan,
        }
    };
    let mut human = vec![plan.summary.clone()];
    human.extend(plan.flags.iter().map(|f| format!("note: {}", f.message)));
    Ok(Output::new(
        human.join("\n"),
        serde_json::to_value(&plan).unwrap_or_default(),
    ))
}

/// The period to review, the periods it covers (a catch-up covers several)
/// and the older missed ones it lists as skipped.
pub fn which_period(
    context: &Context,
    args: &ReviewArgs,
    fiscal: FiscalYear,
) -> Result<(Period, Vec<Period>, Vec<Period>), CoreError> {
    let reviews = existing_reviews(context)?;
    let start = started(context)?;
    Ok(match &args.period {
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
            let (due, covers, skipped) =
                next_review(args.kind, context.today, fiscal, start, &reviews);
            if due == period {
                (period, covers, skipped)
            } else {
                (period, vec![period], Vec::new())
            }
        }
        None => next_review(args.kind, context.today, fiscal, start, &reviews),
    })
}

/// Reads every note the review needs, as they are now.
pub fn review_input(
    context: &Context,
    vault: &Vault,
    args: &ReviewArgs,
    period: Period,
    covers: &[Period],
    answers: Answers,
) -> Result<ReviewInput, CoreError> {
    let settings = &context.settings;
    let fiscal = settings.fiscal()?;
    let year = career_core::reviews::goals_year(period, fiscal);
    let goals_path = settings.goals_path(year)?;
    let next_goals_path = settings.goals_path(year + 1)?;
    let index_path = settings.note_paths(context.today)?.career_index;
    let config = periodic_config(&context.vault);
    let periodic = if settings.reviews_in_periodic_notes {
        let relative = periodic_path(&config, args.kind, period, fiscal)?;
        read_optional(vault, &relative)?.map(|text| NoteText {
            path: relative,
            text,
        })
    } else {
        None
    };
    Ok(ReviewInput {
        period: Some(period),
        covers: covers.to_vec(),
        skipped: Vec::new(),
        today: context.today.iso(),
        settings: settings.clone(),
        links: link_format(&context.vault),
        goals_text: read_optional(vault, &goals_path)?,
        next_goals_text: read_optional(vault, &next_goals_path)?,
        previous_goals_text: match args.kind {
            PeriodKind::Week | PeriodKind::Month => {
                read_optional(vault, &settings.goals_path(year - 1)?)?
            }
            _ => None,
        },
        index_text: read_optional(vault, &index_path)?,
        session_logs: logs(context)?
            .into_iter()
            .map(|(path, text)| NoteText { path, text })
            .collect(),
        reviews: existing_reviews(context)?,
        answers,
        periodic,
        periodic_formats: config.formats,
    })
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

/// A review plan as a proposal: the goals notes' edits, each on the text the
/// plan was computed from, then the periodic note's edits or the new review
/// (created last, so a failure in between is safe to run again: the goals
/// edits are idempotent). A review note that exists already is `note_exists`.
pub fn proposal(
    vault: &Vault,
    input: &ReviewInput,
    plan: &ReviewPlan,
) -> Result<Proposal, CoreError> {
    if let Some(note) = &plan.create {
        if vault.read(&note.path)?.is_some() {
            return Err(CoreError::new(
                ErrorCode::NoteExists,
                format!(
                    "{} already exists; nothing was written. Open it to continue that review.",
                    note.path
                ),
            ));
        }
    }
    let mut planned = Vec::new();
    for edits in [
        &plan.previous_goals,
        &plan.goals,
        &plan.next_goals,
        &plan.periodic,
    ]
    .into_iter()
    .flatten()
    {
        let base = planned_from(input, &edits.path).ok_or_else(|| {
            CoreError::new(
                ErrorCode::Conflict,
                format!(
                    "{} was not read for this review; nothing was written.",
                    edits.path
                ),
            )
        })?;
        planned.push(Planned::edit(&edits.path, base, edits.edits.clone()));
    }
    if let Some(note) = &plan.create {
        planned.push(Planned::create(&note.path, &note.text));
    }
    let mut read_back = vec![plan.summary.clone()];
    for c in &plan.carried {
        let flag = if c.flagged {
            format!(
                ", carried {} times already: keep, re-scope or drop?",
                c.carried.saturating_sub(1)
            )
        } else {
            String::new()
        };
        read_back.push(format!(
            "{:?}: {} ({} → {}){flag}",
            c.decision, c.text, c.from, c.to
        ));
    }
    Proposal::new(
        format!("The {} review of {}", plan.kind.adjective(), plan.period),
        read_back,
        planned,
    )
}

/// Writes a plan through its proposal, moving each note's edits past a
/// change made elsewhere meanwhile; a change in the lines they replace is a
/// `conflict` and that note is not written.
pub fn write(vault: &Vault, input: &ReviewInput, plan: &ReviewPlan) -> Result<(), CoreError> {
    vault
        .commit(&proposal(vault, input, plan)?, crate::vault::Commit::Moving)
        .map(|_| ())
}

/// The text of `path` that the plan was computed from.
pub fn planned_from<'a>(input: &'a ReviewInput, path: &str) -> Option<&'a str> {
    let settings = &input.settings;
    let fiscal = settings.fiscal().ok()?;
    let year = career_core::reviews::goals_year(input.period?, fiscal);
    if let Some(note) = input.periodic.as_ref().filter(|n| n.path == path) {
        return Some(&note.text);
    }
    if settings.goals_path(year).ok()? == path {
        return input.goals_text.as_deref();
    }
    if settings.goals_path(year + 1).ok()? == path {
        return input.next_goals_text.as_deref();
    }
    if settings.goals_path(year - 1).ok()? == path {
        return input.previous_goals_text.as_deref();
    }
    None
}
