//! `career goals`: the goal cascade in the terminal.
//!
//! `new` creates the year's goals note in one create (never overwriting) and
//! then links it from the Career Index's theme section; with `--goal`,
//! `--quarter`, `--milestone` or `--theme` it asks nothing, otherwise it
//! interviews one question at a time like `career coach` (each stdin line
//! answers when piped, so it can be scripted; see [`super::goals_interview`]). `status`, `action` and
//! `progress` work on an existing note. The year defaults to the planning
//! (fiscal) year that contains `--today`; `new` offers the next one in that
//! year's last quarter, and says so.

use career_core::edit::{apply, Applied, TextEdit};
use career_core::goals::edits::{add_action, set_status};
use career_core::goals::progress::{progress, render_text};
use career_core::goals::template::{
    render, CascadeContext, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft,
};
use career_core::{CoreError, ErrorCode, FiscalYear, Period, PeriodKind};
use clap::Subcommand;

use super::goals_interview::{interactive, INTERVIEW_KEY};
use crate::commands::notes::link_format;
use crate::output::Output;
use crate::vault::{ReadNote, Written};
use crate::Context;
use career_core::proposal::{Planned, Proposal};

/// `career goals …`
#[derive(Subcommand)]
pub enum GoalsCommand {
    /// Create the year's goals note (interactive unless --goal/--quarter/--milestone/--theme).
    #[command(after_help = super::grammar::HELP)]
    New {
        /// The planning year (default: the one containing today; from its last quarter, the next).
        #[arg(long)]
        year: Option<i32>,
        /// The year's theme (default: the Career Index's).
        #[arg(long)]
        theme: Option<String>,
        /// An annual goal as "outcome|success metric" (repeat, at most 3).
        #[arg(long = "goal", value_name = "OUTCOME|METRIC")]
        goals: Vec<String>,
        /// A quarter as "Q1|intention|focus" (repeat).
        #[arg(long = "quarter", value_name = "Q1|INTENTION|FOCUS")]
        quarters: Vec<String>,
        /// A milestone as "2026-03|text|G1" (repeat).
        #[arg(long = "milestone", value_name = "YYYY-MM|TEXT|GOAL")]
        milestones: Vec<String>,
        /// Start the interview over instead of resuming a paused one.
        #[arg(long)]
        restart: bool,
    },
    /// Set a goal's status: Not started, In progress, At risk or Complete.
    Status {
        /// The goal, e.g. G1.
        goal: String,
        /// The new status.
        status: String,
        /// The planning year (default: the one containing today).
        #[arg(long)]
        year: Option<i32>,
    },
    /// Add a weekly action (to this ISO week unless --week).
    Action {
        /// What to do.
        text: String,
        /// The goal it serves, e.g. G1.
        #[arg(long)]
        goal: Option<String>,
        /// The ISO week, e.g. 2026-W47 (default: today's).
        #[arg(long)]
        week: Option<String>,
        /// The planning year (default: the one containing the week).
        #[arg(long)]
        year: Option<i32>,
    },
    /// Show progress per goal, quarter and month (with --json: the numbers).
    Progress {
        /// The planning year (default: the one containing today).
        #[arg(long)]
        year: Option<i32>,
    },
}

/// Runs a `career goals` command.
pub fn run(context: &Context, command: GoalsCommand) -> Result<Output, CoreError> {
    let fiscal = context.settings.fiscal()?;
    let this_year = || year_of(Period::containing(PeriodKind::Year, context.today, fiscal));
    match command {
        GoalsCommand::New {
            year,
            theme,
            goals,
            quarters,
            milestones,
            restart,
        } => {
            // In a planning year's last quarter the next year is offered (issue 14).
            let year = year.unwrap_or_else(|| {
                let offered = career_core::goals::year::default_year(context.today, fiscal);
                if let Some(note) = &offered.note {
                    let current = offered.current;
                    eprintln!("note: {note} Use --year {current} to plan {current} instead.");
                }
                offered.year
            });
            let how = if theme.is_some()
                || !goals.is_empty()
                || !quarters.is_empty()
                || !milestones.is_empty()
            {
                How::Scripted {
                    theme,
                    goals,
                    quarters,
                    milestones,
                }
            } else {
                How::Interview { restart }
            };
            new(context, fiscal, year, how)
        }
        GoalsCommand::Status { goal, status, year } => {
            let note = goals_note(context, year.unwrap_or_else(this_year))?;
            let changed = write(context, &note, |text| set_status(text, &goal, &status))?;
            let label = career_core::goals::GoalStatus::choice(&status)
                .map(|s| s.label().to_string())
                .unwrap_or(status);
            let id = goal.trim().to_ascii_uppercase();
            let human = if changed {
                format!("{id} is now {label}.")
            } else {
                format!("{id} was already {label}; nothing changed.")
            };
            Ok(Output::new(
                human,
                serde_json::json!({ "goal": id, "status": label, "changed": changed }),
            ))
        }
        GoalsCommand::Action {
            text: text_arg,
            goal,
            week,
            year,
        } => {
            let week = match week {
                Some(w) => Period::parse(&w)?,
                None => Period::containing(PeriodKind::Week, context.today, fiscal),
            };
            let year = year.unwrap_or_else(|| {
                year_of(Period::containing(
                    PeriodKind::Year,
                    week.anchor(fiscal),
                    fiscal,
                ))
            });
            let note = goals_note(context, year)?;
            let edits = add_action(&note.text, week, &text_arg, goal.as_deref())?;
            if edits.is_empty() {
                return Ok(Output::new(
                    format!("Already in {week}: nothing was added."),
                    serde_json::json!({ "week": week, "line": null, "note": note_relative(context, year)? }),
                ));
            }
            write(context, &note, |text| {
                add_action(text, week, &text_arg, goal.as_deref())
            })?;
            let line = edits
                .iter()
                .flat_map(|e| e.new_text.lines())
                .find(|l| l.contains("[ ]"))
                .unwrap_or_default()
                .trim()
                .to_string();
            Ok(Output::new(
                format!("Added to {week}: {line}"),
                serde_json::json!({ "week": week, "line": line, "note": note_relative(context, year)? }),
            ))
        }
        GoalsCommand::Progress { year } => {
            let note = goals_note(context, year.unwrap_or_else(this_year))?;
            let p = progress(&career_core::goals::read(&note.text), fiscal, context.today);
            Ok(Output::new(
                render_text(&p),
                serde_json::to_value(&p).unwrap_or_default(),
            ))
        }
    }
}

/// The planning year a period belongs to.
pub fn year_of(period: Period) -> i32 {
    match period {
        Period::Year { year } | Period::Quarter { year, .. } | Period::Month { year, .. } => year,
        Period::Week { year, .. } => year,
    }
}

/// The goals note's vault path for a planning year.
pub fn note_relative(context: &Context, year: i32) -> Result<String, CoreError> {
    context.settings.goals_path(year)
}

/// The year's goals note, which must exist (with both ways forward when it does not).
pub fn goals_note(context: &Context, year: i32) -> Result<ReadNote, CoreError> {
    career_core::goals::template::check_year(year)?;
    let relative = note_relative(context, year)?;
    let files = context.files()?;
    match files.read(&relative)? {
        Some(note) => Ok(note),
        None => {
            // Name both ways forward: plan this year, or act on last year's note.
            let previous = note_relative(context, year - 1)
                .ok()
                .filter(|p| matches!(files.read(p), Ok(Some(_))));
            Err(career_core::goals::template::missing_note(
                year,
                &relative,
                previous.as_deref(),
            ))
        }
    }
}

/// Recomputes the edits on the note's text as it is when written (so a
/// change made meanwhile is kept) and writes it if anything changed.
fn write(
    context: &Context,
    note: &ReadNote,
    edits_for: impl Fn(&str) -> Result<Vec<TextEdit>, CoreError>,
) -> Result<bool, CoreError> {
    let written = context.files()?.update(&note.relative, &mut |text| {
        Ok(match apply(text, &edits_for(text)?)? {
            Applied::Changed(new) => Some(new),
            Applied::Unchanged => None,
        })
    })?;
    Ok(written != Written::Unchanged)
}

fn split(value: &str, parts: usize) -> Vec<String> {
    let mut out: Vec<String> = value
        .splitn(parts, '|')
        .map(|p| p.trim().to_string())
        .collect();
    out.resize(parts, String::new());
    out
}

fn part(parts: &[String], i: usize) -> String {
    parts.get(i).cloned().unwrap_or_default()
}

/// Builds the input from `--goal`, `--quarter` and `--milestone` values.
fn scripted_input(
    year: i32,
    theme: String,
    vision: String,
    goals: &[String],
    quarters: &[String],
    milestones: &[String],
) -> Result<GoalsInput, CoreError> {
    let bad = |what: &str, value: &str, form: &str| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!("--{what} \"{value}\" should look like \"{form}\"."),
        )
    };
    let mut input = GoalsInput {
        year,
        theme,
        vision,
        ..GoalsInput::default()
    };
    for g in goals {
        let p = split(g, 2);
        input.goals.push(GoalDraft {
            outcome: part(&p, 0),
            metric: part(&p, 1),
        });
    }
    for q in quarters {
        let p = split(q, 3);
        let label = part(&p, 0);
        let quarter = label
            .trim_start_matches(['Q', 'q'])
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=4).contains(n))
            .ok_or_else(|| bad("quarter", q, "Q1|intention|focus"))?;
        input.quarters.push(QuarterDraft {
            quarter,
            intention: part(&p, 1),
            focus: part(&p, 2),
        });
    }
    for m in milestones {
        let p = split(m, 3);
        let month = Period::parse(&part(&p, 0))
            .ok()
            .filter(|p| p.kind() == PeriodKind::Month)
            .ok_or_else(|| bad("milestone", m, "2026-03|text|G1"))?;
        input.milestones.push(MilestoneDraft {
            month,
            text: part(&p, 1),
            goal: part(&p, 2),
        });
    }
    Ok(input)
}

/// How `new` gets its input.
enum How {
    /// From flags, asking nothing.
    Scripted {
        theme: Option<String>,
        goals: Vec<String>,
        quarters: Vec<String>,
        milestones: Vec<String>,
    },
    /// By interview, resuming a paused one unless `restart`.
    Interview { restart: bool },
}

fn new(context: &Context, fiscal: FiscalYear, year: i32, how: How) -> Result<Output, CoreError> {
    career_core::goals::template::check_year(year)?;
    let relative = note_relative(context, year)?;
    let files = context.files()?;
    if files.read(&relative)?.is_some() {
        return Err(CoreError::new(
            ErrorCode::NoteExists,
            format!("{relative} already exists; nothing was written. Use `career goals status`, `action` or `progress` on it."),
        ));
    }
    let paths = context.settings.note_paths(context.today)?;
    let NewGoals {
        index,
        planned_theme: planned,
        cascade,
    } = new_goals(context, year)?;
    let interviewed = matches!(how, How::Interview { .. });
    let input = match how {
        How::Scripted {
            theme,
            goals,
            quarters,
            milestones,
        } => scripted_input(
            year,
            theme
                .or_else(|| cascade.theme.clone())
                .or_else(|| planned.clone())
                .unwrap_or_default(),
            cascade.vision.clone().unwrap_or_default(),
            &goals,
            &quarters,
            &milestones,
        )?,
        How::Interview { restart } => {
            match interactive(
                context,
                &paths.career_index,
                index.as_ref(),
                (year, planned.as_deref()),
                fiscal,
                restart,
            )? {
                Some(input) => input,
                None => {
                    return Ok(Output::new(
                        "Paused (end of input); nothing was written yet. Run `career goals new` to resume.",
                        serde_json::json!({ "created": null, "paused": true }),
                    ))
                }
            }
        }
    };
    // Planned on the notes as they are now (an interview may have taken minutes).
    let (proposal, unlinked) = plan_new(context, &input, &new_goals(context, year)?)?;
    let written = files.commit(&proposal, crate::vault::Commit::Moving);
    if files.read(&relative)?.is_none() {
        return Err(written.err().unwrap_or_else(|| {
            CoreError::new(ErrorCode::Io, format!("{relative} was not written."))
        }));
    }
    if interviewed {
        crate::settings::save_key(&context.vault, INTERVIEW_KEY, None)?;
    }
    let mut human = vec![format!("Created {relative}")];
    let goals_name = context.settings.goals_name(year).unwrap_or_default();
    let could_not = |reason: &str| {
        format!(
            "Could not link it from {} ({reason}): add **→ [[{goals_name}]]** — Full cascade to its {year} Theme section.",
            paths.career_index
        )
    };
    // The note exists now: a link that cannot be added is reported, not an
    // error, so the command's outcome matches the vault.
    let linked = match (&written, unlinked) {
        (Err(e), _) => {
            human.push(could_not(&e.message));
            false
        }
        (Ok(_), Some(Unlinked::NoIndex)) => {
            human.push(format!(
                "{} does not exist, so nothing links to the goals note yet: run `career init`.",
                paths.career_index
            ));
            false
        }
        (Ok(_), Some(Unlinked::Failed(reason))) => {
            human.push(could_not(&reason));
            false
        }
        (Ok(_), None) if proposal.changes.len() > 1 => {
            human.push(format!(
                "Linked it from {} ({year} Theme).",
                paths.career_index
            ));
            true
        }
        (Ok(_), None) => false,
    };
    Ok(Output::new(
        human.join("\n"),
        serde_json::json!({ "created": relative, "linked": linked }),
    ))
}

/// What a new goals note starts from: the Career Index (if any), the theme
/// last year's annual review chose, and the cascade's context in the index.
pub struct NewGoals {
    /// The Career Index as read.
    pub index: Option<ReadNote>,
    /// The theme an annual review planned for the year.
    pub planned_theme: Option<String>,
    /// North star, theme and success criteria from the index.
    pub cascade: CascadeContext,
}

/// Reads what a new goals note for `year` starts from.
pub fn new_goals(context: &Context, year: i32) -> Result<NewGoals, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let index = context.files()?.read(&paths.career_index)?;
    let planned_theme =
        career_core::reviews::planned_theme(year, &crate::commands::career_folder::notes(context)?);
    let cascade = index
        .as_ref()
        .map(|i| career_core::goals::template::context(&i.text, year))
        .unwrap_or_default();
    Ok(NewGoals {
        index,
        planned_theme,
        cascade,
    })
}

/// Why a new goals note is not linked from the Career Index.
pub enum Unlinked {
    /// There is no Career Index.
    NoIndex,
    /// The link could not be placed (the reason).
    Failed(String),
}

/// Plans a new goals note (one create, never over an existing note) and the
/// link to it from the Career Index's theme section: what `career goals new`
/// writes and the proposal an assistant confirms. Also says why the link is
/// left out, if it is.
pub fn plan_new(
    context: &Context,
    input: &GoalsInput,
    start: &NewGoals,
) -> Result<(Proposal, Option<Unlinked>), CoreError> {
    let fiscal = context.settings.fiscal()?;
    let year = input.year;
    career_core::goals::template::check_year(year)?;
    let relative = note_relative(context, year)?;
    if context.files()?.read(&relative)?.is_some() {
        return Err(CoreError::new(
            ErrorCode::NoteExists,
            format!("{relative} already exists; nothing was written. Use `career goals status`, `action` or `progress` on it."),
        ));
    }
    let paths = context.settings.note_paths(context.today)?;
    let links = link_format(&context.vault);
    let text = render(
        input,
        &paths.career_index_name,
        links,
        fiscal,
        context.today,
    )?;
    let mut planned = vec![Planned::create(&relative, &text)];
    let mut unlinked = None;
    match &start.index {
        Some(index) => {
            let name = context.settings.goals_name(year)?;
            match career_core::goals::template::link_back_themed(
                &index.text,
                year,
                &name,
                links,
                &input.theme,
            ) {
                Ok(edits) => planned.push(Planned::edit(&index.relative, &index.text, edits)),
                Err(e) => unlinked = Some(Unlinked::Failed(e.message)),
            }
        }
        None => unlinked = Some(Unlinked::NoIndex),
    }
    let mut read_back = vec![format!("{year} theme: \"{}\"", input.theme)];
    for (i, g) in input.goals.iter().enumerate() {
        read_back.push(format!("G{}: {} — metric: {}", i + 1, g.outcome, g.metric));
    }
    for q in &input.quarters {
        read_back.push(format!(
            "Q{}: {} — focus: {}",
            q.quarter, q.intention, q.focus
        ));
    }
    for m in &input.milestones {
        read_back.push(format!("{}: {} ({})", m.month, m.text, m.goal));
    }
    let proposal = Proposal::new(format!("Create {relative}"), read_back, planned)?;
    Ok((proposal, unlinked))
}
