//! Every change an assistant can propose, planned on the notes as they are:
//! an [`Intent`] (the tool's arguments) becomes a [`Proposal`] by calling the
//! core and the CLI's own planning functions, never by computing a change
//! here. The same intent is planned again when a confirmation finds a note
//! changed, so the person always confirms what would really be written.

use std::path::Path;

use career_core::assistant::{coach, Record};
use career_core::coach::session::{Decision, FollowUpAnswer, Session};
use career_core::log::threads::{Disposition, Thread};
use career_core::ops::{run, Operation, RowRef};
use career_core::proposal::{Planned, Proposal};
use career_core::templates::plan::{NoteKind, PlanAction};
use career_core::templates::profile_coach::{self, ProfileReading};
use career_core::{CoreError, ErrorCode, Period, PeriodKind};

use super::outputs::{FieldOut, ProposalOut};
use super::params::{
    CloseArgs, FollowUpArgs, GoalStatusArgs, GoalsNoteArgs, ProfileAnswerArgs, PropertyAction,
    PropertyEditArgs, ReviewArgs, RowAction, SectionAction, SectionAnswerArgs, SectionEditArgs,
    SetupArgs, SetupNote, TableEditArgs, TaskAction, TaskEditArgs, ThreadArgs, ThreadDisposition,
    WeeklyActionArgs,
};
use crate::commands;
use crate::Context;

/// What the person asked for, as the propose tool received it.
#[derive(Debug, Clone)]
pub enum Intent {
    /// Create or complete the profile, the Career Index, the methodology note.
    Setup(SetupArgs),
    /// A coaching answer.
    Section(SectionAnswerArgs),
    /// A deepening answer.
    FollowUp(FollowUpArgs),
    /// A profile answer.
    Profile(ProfileAnswerArgs),
    /// A section set, append or insert.
    SectionEdit(SectionEditArgs),
    /// A table row added, changed or removed.
    TableEdit(TableEditArgs),
    /// A task added or toggled.
    TaskEdit(TaskEditArgs),
    /// A property set or added to.
    PropertyEdit(PropertyEditArgs),
    /// The year's goals note.
    GoalsNote(GoalsNoteArgs),
    /// A goal's status.
    GoalStatus(GoalStatusArgs),
    /// A weekly action.
    WeeklyAction(WeeklyActionArgs),
    /// A review note.
    Review(ReviewArgs),
    /// The blind spot analysis saved as a note.
    BlindSpots,
    /// An earlier thread resolved, carried or dropped.
    Thread(ThreadArgs),
    /// The session log.
    Log(CloseArgs),
}

/// What a confirmed proposal adds to the session's record.
#[derive(Debug, Clone)]
pub enum Effect {
    /// A coaching answer: the one-section session after its Confirm.
    Section(Box<Session>),
    /// A deepening answer.
    FollowUp {
        /// Its section.
        section: String,
        /// The question and answer.
        answer: FollowUpAnswer,
    },
    /// A profile answer.
    Profile {
        /// What was written.
        reading: ProfileReading,
        /// The profile's name, as a link target.
        note: String,
    },
    /// Structure lines (sections added to the index).
    Structure(Vec<String>),
    /// Other work, one line.
    Did(String),
    /// Nothing beyond the notes it creates (a goals note, a saved analysis),
    /// which the record reads as the log's phase detection does.
    Created,
    /// A thread disposed of; `Some` when carried into this session.
    Thread(Option<Thread>),
    /// The session log: the session is closed.
    Log,
}

/// A planned change: the proposal, what confirming it records, and its output.
pub struct Plan {
    /// The change.
    pub proposal: Proposal,
    /// What confirming it adds to the record.
    pub effect: Effect,
    /// What the assistant is shown.
    pub out: ProposalOut,
}

fn plan_of(proposal: Proposal, effect: Effect) -> Plan {
    let out = ProposalOut::of(&proposal);
    Plan {
        proposal,
        effect,
        out,
    }
}

/// A note named by the assistant (the Career Index when `None`): inside the
/// vault, and a markdown note.
pub fn note_path(context: &Context, note: Option<&str>) -> Result<String, CoreError> {
    match note {
        None => Ok(context.settings.note_paths(context.today)?.career_index),
        Some(note) => {
            let relative = context.files()?.note_arg(Path::new(note.trim()))?;
            if !relative.to_ascii_lowercase().ends_with(".md") {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    format!("\"{note}\" is not a markdown note (.md); Career Coach reads and edits notes only."),
                ));
            }
            Ok(relative)
        }
    }
}

/// The note's name (its file name without `.md`), as a link target.
pub fn name_of(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file).to_string()
}

fn missing_index(path: &str) -> CoreError {
    CoreError::new(
        ErrorCode::NoteMissing,
        format!("{path} does not exist yet: propose_setup creates it."),
    )
}

/// Plans an intent on the notes as they are now. `record` is the session so
/// far (the session log is made from it); `at` is the time, for the log.
pub fn plan(
    context: &Context,
    intent: &Intent,
    record: &Record,
    at: &str,
) -> Result<Plan, CoreError> {
    let files = context.files()?;
    let paths = context.settings.note_paths(context.today)?;
    match intent {
        Intent::Setup(args) => setup(context, args),
        Intent::Section(args) => {
            let index = files
                .read(&paths.career_index)?
                .ok_or_else(|| missing_index(&paths.career_index))?;
            let fields: Vec<(String, String)> = args
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let p = coach::propose_section(
                &paths.career_index,
                &index.text,
                &args.section.0,
                &args.answer,
                &fields,
                context.today,
                at,
            )?;
            let proposal = Proposal::new(
                format!("{} in {}", p.title, paths.career_index),
                p.read_back.clone(),
                vec![Planned::replace(
                    &paths.career_index,
                    &index.text,
                    &p.new_text,
                )],
            )?;
            let mut plan = plan_of(proposal, Effect::Section(Box::new(p.session)));
            plan.out.missing = p
                .missing
                .into_iter()
                .map(|f| FieldOut {
                    id: f.id,
                    label: f.label,
                })
                .collect();
            plan.out.next = p
                .follow_ups
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    format!("Deepen it: ask \"{q}\" and give the reply to propose_follow_up_answer (section `{}`, follow_up {i}).", p.section)
                })
                .collect();
            Ok(plan)
        }
        Intent::FollowUp(args) => {
            let index = files
                .read(&paths.career_index)?
                .ok_or_else(|| missing_index(&paths.career_index))?;
            let p = coach::propose_follow_up(
                &index.text,
                &args.section.0,
                args.follow_up,
                &args.answer,
                context.today,
            )?;
            let proposal = Proposal::new(
                format!(
                    "A deepening answer for {} in {}",
                    p.section, paths.career_index
                ),
                p.read_back.clone(),
                vec![Planned::replace(
                    &paths.career_index,
                    &index.text,
                    &p.new_text,
                )],
            )?;
            Ok(plan_of(
                proposal,
                Effect::FollowUp {
                    section: p.section,
                    answer: p.answer,
                },
            ))
        }
        Intent::Profile(args) => {
            let note = files.read(&paths.profile)?.ok_or_else(|| {
                CoreError::new(
                    ErrorCode::NoteMissing,
                    format!(
                        "{} does not exist yet: propose_setup creates it.",
                        paths.profile
                    ),
                )
            })?;
            let reading = profile_coach::read(&args.question.0, &args.answer)?;
            let outcome = profile_coach::write(&note.text, &reading)?;
            let proposal = Proposal::new(
                format!("Profile: {} in {}", args.question.0, paths.profile),
                vec![format!("Here is what I understood: {}", reading.read_back)],
                vec![Planned::edit(&paths.profile, &note.text, outcome.edits)],
            )?;
            let note_name = paths
                .profile
                .rsplit('/')
                .next()
                .unwrap_or(&paths.profile)
                .to_string();
            Ok(plan_of(
                proposal,
                Effect::Profile {
                    reading,
                    note: note_name,
                },
            ))
        }
        Intent::SectionEdit(args) => {
            let path = note_path(context, args.note.as_deref())?;
            let op = match args.action {
                SectionAction::Set => Operation::SectionSet {
                    section: required(&args.section, "section")?,
                    body: args.text.clone(),
                },
                SectionAction::Append => Operation::SectionAppend {
                    section: required(&args.section, "section")?,
                    text: args.text.clone(),
                    position: Default::default(),
                },
                SectionAction::Insert => Operation::SectionInsert {
                    heading: required(&args.heading, "heading")?,
                    level: args.level,
                    body: args.text.clone(),
                    before: None,
                    after: args.section.clone(),
                },
            };
            let what = match args.action {
                SectionAction::Set => format!("Rewrote {}", args.section.as_deref().unwrap_or("")),
                SectionAction::Append => {
                    format!("Added to {}", args.section.as_deref().unwrap_or(""))
                }
                SectionAction::Insert => format!(
                    "Added the section {}",
                    args.heading.as_deref().unwrap_or("")
                ),
            };
            operation(context, &path, &op, what)
        }
        Intent::TableEdit(args) => {
            let path = note_path(context, args.note.as_deref())?;
            let row = || -> Result<RowRef, CoreError> {
                let row = required(&args.row, "row")?;
                Ok(row.parse().map_or(RowRef::Key(row), RowRef::Index))
            };
            let (op, what) = match args.action {
                RowAction::Add => (
                    Operation::TableAddRow {
                        section: args.section.clone(),
                        table: args.table,
                        cells: args.cells.clone(),
                    },
                    format!("Added a row to {}", args.section),
                ),
                RowAction::Update => (
                    Operation::TableUpdateRow {
                        section: args.section.clone(),
                        table: args.table,
                        row: row()?,
                        cells: Vec::new(),
                        set: args.set.clone(),
                    },
                    format!("Changed a row of {}", args.section),
                ),
                RowAction::Remove => (
                    Operation::TableRemoveRow {
                        section: args.section.clone(),
                        table: args.table,
                        row: row()?,
                    },
                    format!("Removed a row from {}", args.section),
                ),
            };
            operation(context, &path, &op, what)
        }
        Intent::TaskEdit(args) => {
            let path = note_path(context, args.note.as_deref())?;
            let (op, what) = match args.action {
                TaskAction::Add => {
                    let section = required(&args.section, "section")?;
                    (
                        Operation::TaskAdd {
                            section: section.clone(),
                            text: required(&args.text, "text")?,
                        },
                        format!("Added a task to {section}"),
                    )
                }
                TaskAction::Toggle => {
                    let line = args.line.ok_or_else(|| needs("line"))?;
                    (
                        Operation::TaskToggle {
                            line,
                            today: Some(context.today.iso()),
                        },
                        format!("Toggled the task on line {line}"),
                    )
                }
            };
            operation(context, &path, &op, what)
        }
        Intent::PropertyEdit(args) => {
            let path = note_path(context, args.note.as_deref())?;
            let op = match args.action {
                PropertyAction::Set => Operation::FrontmatterSet {
                    key: args.key.clone(),
                    value: args.value.clone(),
                },
                PropertyAction::Add => Operation::FrontmatterAdd {
                    key: args.key.clone(),
                    value: args.value.clone(),
                },
            };
            operation(
                context,
                &path,
                &op,
                format!("Set the property {}", args.key),
            )
        }
        Intent::GoalsNote(args) => goals_note(context, args),
        Intent::GoalStatus(args) => {
            let fiscal = context.settings.fiscal()?;
            let year = args.year.unwrap_or_else(|| {
                commands::goals::year_of(Period::containing(
                    PeriodKind::Year,
                    context.today,
                    fiscal,
                ))
            });
            let note = commands::goals::goals_note(context, year)?;
            let status = args.status.label();
            let edits = career_core::goals::edits::set_status(&note.text, &args.goal, status)?;
            let id = args.goal.trim().to_ascii_uppercase();
            let proposal = Proposal::new(
                format!("{id} is {status} in {}", note.relative),
                vec![format!("{id}: {status}")],
                vec![Planned::edit(&note.relative, &note.text, edits)],
            )?;
            let did = format!("Set {id} to {status} in {}", name_of(&note.relative));
            Ok(plan_of(proposal, Effect::Did(did)))
        }
        Intent::WeeklyAction(args) => {
            let fiscal = context.settings.fiscal()?;
            let week = match &args.week {
                Some(w) => Period::parse(w)?,
                None => Period::containing(PeriodKind::Week, context.today, fiscal),
            };
            if week.kind() != PeriodKind::Week {
                return Err(CoreError::new(
                    ErrorCode::InvalidInput,
                    format!("{week} is not an ISO week (like 2026-W03)."),
                ));
            }
            let year = commands::goals::year_of(Period::containing(
                PeriodKind::Year,
                week.anchor(fiscal),
                fiscal,
            ));
            let note = commands::goals::goals_note(context, year)?;
            let edits = career_core::goals::edits::add_action(
                &note.text,
                week,
                &args.text,
                args.goal.as_deref(),
            )?;
            let goal = args.goal.as_deref().map_or(String::new(), |g| {
                format!(" ({})", g.trim().to_ascii_uppercase())
            });
            let proposal = Proposal::new(
                format!("A weekly action for {week} in {}", note.relative),
                vec![format!("{week}: {}{goal}", args.text.trim())],
                vec![Planned::edit(&note.relative, &note.text, edits)],
            )?;
            let did = format!(
                "Added a weekly action to {week}: {}{goal}",
                args.text.trim()
            );
            Ok(plan_of(proposal, Effect::Did(did)))
        }
        Intent::Review(args) => review(context, args),
        Intent::BlindSpots => {
            let index = files
                .read(&paths.career_index)?
                .ok_or_else(|| missing_index(&paths.career_index))?;
            let findings = commands::blindspots::findings_for(context, &index.text)?;
            let previous = commands::blindspots::latest_analysis(context)?;
            let date = context.today.iso();
            let name = career_core::blindspots::note::name(&date);
            let text = career_core::blindspots::note::render(
                &findings,
                &date,
                previous.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
            );
            let path = commands::career_folder::note_path(context, &name)?;
            if files.read(&path)?.is_some() {
                return Err(CoreError::new(
                    ErrorCode::NoteExists,
                    format!("{path} already exists: today's analysis is saved."),
                ));
            }
            let read_back = if findings.is_empty() {
                vec!["No gaps found.".to_string()]
            } else {
                findings
                    .iter()
                    .map(|f| format!("{}: {}", f.section, f.evidence))
                    .collect()
            };
            let proposal = Proposal::new(
                format!("Save the blind spot analysis as {path}"),
                read_back,
                vec![Planned::create(&path, &text)],
            )?;
            Ok(plan_of(proposal, Effect::Created))
        }
        Intent::Thread(args) => {
            let log_path = note_path(context, Some(&args.note))?;
            let note = files.read_existing(&log_path)?;
            let thread = career_core::log::threads::open_threads(&log_path, &note.text)
                .into_iter()
                .find(|t| t.line == args.line)
                .ok_or_else(|| {
                    CoreError::new(
                        ErrorCode::TaskNotFound,
                        format!(
                            "{log_path} has no open thread on line {}; list_threads shows them.",
                            args.line
                        ),
                    )
                })?;
            let disposition = match args.disposition {
                ThreadDisposition::Resolve => Disposition::Resolve,
                ThreadDisposition::Carry => Disposition::Carry,
                ThreadDisposition::Drop => Disposition::Drop,
            };
            let edit = career_core::log::threads::dispose(&note.text, args.line, disposition)?;
            let verb = match args.disposition {
                ThreadDisposition::Resolve => "Resolved",
                ThreadDisposition::Carry => "Carried into this session",
                ThreadDisposition::Drop => "Dropped",
            };
            let proposal = Proposal::new(
                format!("{verb}: {}", thread.text),
                vec![format!("{verb}: {}", thread.text)],
                vec![Planned::edit(&log_path, &note.text, vec![edit])],
            )?;
            let carried = (args.disposition == ThreadDisposition::Carry).then_some(thread);
            Ok(plan_of(proposal, Effect::Thread(carried)))
        }
        Intent::Log(args) => {
            let closing = career_core::assistant::Closing {
                focus: args.focus.clone(),
                decisions: args
                    .decisions
                    .iter()
                    .map(|d| Decision {
                        what: d.what.trim().to_string(),
                        why: d.why.trim().to_string(),
                    })
                    .collect(),
                threads: args.threads.clone(),
                worked: args.worked.clone(),
                improve: args.improve.clone(),
                frameworks: args.frameworks.clone(),
            };
            let input = record.log_input(closing);
            let plan = commands::log::plan_log(context, input, false)?;
            let mut out = plan_of(plan.proposal, Effect::Log);
            for path in plan.without_table {
                out.out.notes.push(format!(
                    "{path} has no Session Logs table, so no row is added there."
                ));
            }
            out.out.next.push(
                "The session is closed once this is confirmed; a new one starts with the next change."
                    .to_string(),
            );
            Ok(out)
        }
    }
}

fn needs(what: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        format!("This action needs `{what}`."),
    )
}

fn required(value: &Option<String>, what: &str) -> Result<String, CoreError> {
    value
        .as_ref()
        .filter(|v| !v.trim().is_empty())
        .cloned()
        .ok_or_else(|| needs(what))
}

/// A surgical edit: the operation run on the note as it is.
fn operation(
    context: &Context,
    path: &str,
    op: &Operation,
    what: String,
) -> Result<Plan, CoreError> {
    let note = context.files()?.read_existing(path)?;
    let outcome = run(&note.text, op)?;
    let proposal = Proposal::new(
        format!("{what} in {path}"),
        vec![what.clone()],
        vec![Planned::edit(path, &note.text, outcome.edits)],
    )?;
    Ok(plan_of(
        proposal,
        Effect::Did(format!("{what} in {}", name_of(path))),
    ))
}

fn setup(context: &Context, args: &SetupArgs) -> Result<Plan, CoreError> {
    let mut kinds: Vec<SetupNote> = args.notes.clone();
    if kinds.is_empty() {
        kinds = vec![SetupNote::Profile, SetupNote::Index];
        if context.settings.methodology_note {
            kinds.push(SetupNote::Methodology);
        }
    }
    kinds.dedup();
    let mut planned = Vec::new();
    let mut read_back = Vec::new();
    let mut structure = Vec::new();
    for kind in kinds {
        let kind = match kind {
            SetupNote::Profile => NoteKind::Profile,
            SetupNote::Index => NoteKind::CareerIndex,
            SetupNote::Methodology => NoteKind::Methodology,
        };
        let (plan, existing) = commands::notes::plan(context, kind)?;
        match (plan.action, &plan.text, existing) {
            (PlanAction::Create, Some(text), None) => {
                read_back.push(format!("Create {}", plan.path));
                planned.push(Planned::create(&plan.path, text));
            }
            (PlanAction::Create | PlanAction::Upgrade, Some(_), Some(note)) => {
                let what: Vec<String> =
                    plan.additions.iter().flat_map(|a| a.what.clone()).collect();
                let what = if what.is_empty() {
                    "the template".to_string()
                } else {
                    what.join(", ")
                };
                read_back.push(format!("Add {what} to {}", plan.path));
                if kind == NoteKind::CareerIndex {
                    structure.push(format!("Added {what} to the Career Index"));
                }
                planned.push(Planned::edit(&plan.path, &note.text, plan.edits.clone()));
            }
            _ => read_back.push(format!("{} is complete", plan.path)),
        }
    }
    let proposal = Proposal::new("Set up the career notes", read_back, planned)?;
    Ok(plan_of(proposal, Effect::Structure(structure)))
}

fn goals_note(context: &Context, args: &GoalsNoteArgs) -> Result<Plan, CoreError> {
    let fiscal = context.settings.fiscal()?;
    let offered = career_core::goals::year::default_year(context.today, fiscal);
    let year = args.year.unwrap_or(offered.year);
    let start = commands::goals::new_goals(context, year)?;
    let mut milestones = Vec::new();
    for m in &args.milestones {
        let month = Period::parse(&m.month)
            .ok()
            .filter(|p| p.kind() == PeriodKind::Month)
            .ok_or_else(|| {
                CoreError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "The milestone month \"{}\" should look like 2026-03.",
                        m.month
                    ),
                )
            })?;
        milestones.push(career_core::goals::template::MilestoneDraft {
            month,
            text: m.text.clone(),
            goal: m.goal.clone(),
        });
    }
    let input = career_core::goals::template::GoalsInput {
        year,
        theme: args
            .theme
            .clone()
            .or_else(|| start.cascade.theme.clone())
            .or_else(|| start.planned_theme.clone())
            .unwrap_or_default(),
        vision: start.cascade.vision.clone().unwrap_or_default(),
        goals: args
            .goals
            .iter()
            .map(|g| career_core::goals::template::GoalDraft {
                outcome: g.outcome.clone(),
                metric: g.metric.clone(),
            })
            .collect(),
        quarters: args
            .quarters
            .iter()
            .map(|q| career_core::goals::template::QuarterDraft {
                quarter: q.quarter,
                intention: q.intention.clone(),
                focus: q.focus.clone(),
            })
            .collect(),
        milestones,
    };
    let (proposal, unlinked) = commands::goals::plan_new(context, &input, &start)?;
    let mut plan = plan_of(proposal, Effect::Created);
    if args.year.is_none() {
        if let Some(note) = offered.note {
            plan.out.notes.push(note);
        }
    }
    match unlinked {
        Some(commands::goals::Unlinked::NoIndex) => plan.out.notes.push(
            "There is no Career Index, so nothing will link to the goals note (propose_setup creates the index).".into(),
        ),
        Some(commands::goals::Unlinked::Failed(reason)) => plan.out.notes.push(format!(
            "It will not be linked from the Career Index ({reason}); the person can add the link to the year's theme section."
        )),
        None => {}
    }
    plan.out.next.push(
        "Add this week's actions with propose_weekly_action, each tied to a goal.".to_string(),
    );
    Ok(plan)
}

fn review(context: &Context, args: &ReviewArgs) -> Result<Plan, CoreError> {
    let cli_args = commands::review::ReviewArgs {
        kind: args.kind.period_kind(),
        period: args.period.clone(),
        intention: args.intention.clone(),
        focus: args.focus.clone(),
        theme: args.theme.clone(),
        keep: args.keep.clone(),
        drop: args.drop.clone(),
    };
    let fiscal = context.settings.fiscal()?;
    let (period, covers, skipped) = commands::review::which_period(context, &cli_args, fiscal)?;
    let vault = context.files()?;
    let answers = career_core::reviews::Answers {
        next_intention: args.intention.clone(),
        next_focus: args.focus.clone(),
        next_theme: args.theme.clone(),
        keep: args.keep.clone(),
        drop: args.drop.clone(),
    };
    let mut input =
        commands::review::review_input(context, &vault, &cli_args, period, &covers, answers)?;
    input.skipped = skipped;
    let plan = career_core::reviews::plan_review(&input)?;
    let proposal = commands::review::proposal(&vault, &input, &plan)?;
    let name = plan
        .create
        .as_ref()
        .map_or_else(|| period.to_string(), |n| n.name.clone());
    let did = format!(
        "Wrote the {} review {name}",
        args.kind.period_kind().adjective()
    );
    let mut out = plan_of(proposal, Effect::Did(did));
    out.out.notes = plan.flags.iter().map(|f| f.message.clone()).collect();
    if plan
        .carried
        .iter()
        .any(|c| c.decision == career_core::reviews::Decision::Carry)
    {
        out.out.next.push("Before confirming, ask about each unfinished item: carry it (the default), keep it where it is (`keep`) or drop it (`drop`); propose again with their choices.".into());
    }
    Ok(out)
}
