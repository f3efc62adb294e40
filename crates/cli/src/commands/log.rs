//! Session logs from the terminal: `career session-log new`, `career threads`,
//! and the log `career coach` writes when a session ends.

use career_core::coach::session::Decision;
use career_core::log::phases::{Recorded, Work};
use career_core::log::render::{log_name, render, LogInput};
use career_core::log::session_logs_row;
use career_core::log::threads::{all_open_threads, dispose, Disposition, Thread};
use career_core::ops::{run, Operation};
use career_core::proposal::{Planned, Proposal};
use career_core::{CoreError, ErrorCode};

use crate::commands::notes::link_format;
use crate::output::Output;

use crate::Context;

/// Every session log in the career folder, oldest name first: (vault path, text).
pub fn logs(context: &Context) -> Result<Vec<(String, String)>, CoreError> {
    let mut found: Vec<(String, String)> = crate::commands::career_folder::notes(context)?
        .into_iter()
        .filter(|(_, text)| career_core::log::threads::is_session_log(text))
        .collect();
    // By note name: "… Session" comes before "… Session 2" (a path sort puts
    // "Session 2.md" first, since a space sorts before the dot).
    found.sort_by(|a, b| a.0.trim_end_matches(".md").cmp(b.0.trim_end_matches(".md")));
    Ok(found)
}

/// The open threads across every session log.
pub fn open_threads(context: &Context) -> Result<Vec<Thread>, CoreError> {
    Ok(all_open_threads(&logs(context)?))
}

/// Marks a thread in its log (resolve, carry or drop), guarded against concurrent edits.
pub fn dispose_thread(
    context: &Context,
    thread: &Thread,
    disposition: Disposition,
) -> Result<(), CoreError> {
    let files = context.files()?;
    let note = files.read_existing(&thread.note)?;
    let edit = dispose(&note.text, thread.line, disposition)?;
    files.apply_edits(&note, &[edit])?;
    Ok(())
}

/// `career threads`
pub fn threads(context: &Context) -> Result<Output, CoreError> {
    let open = open_threads(context)?;
    let human = if open.is_empty() {
        "No open threads.".to_string()
    } else {
        open.iter()
            .map(|t| {
                format!(
                    "- {}{}  ({}:{})",
                    t.text,
                    if t.carried > 0 {
                        format!(" (carried {}×)", t.carried)
                    } else {
                        String::new()
                    },
                    t.note,
                    t.line
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    Ok(Output::new(
        human,
        serde_json::to_value(&open).unwrap_or_default(),
    ))
}

/// A session log, planned: the log note and the Session Logs rows it adds.
pub struct LogPlan {
    /// The log's vault path.
    pub path: String,
    /// Create the log, then add its row to the Career Index and the
    /// methodology note (those that have a Session Logs table).
    pub proposal: Proposal,
    /// Notes that have no Session Logs table (nothing is added there).
    pub without_table: Vec<String>,
}

/// Plans a new log and its Session Logs rows, on the notes as they are now.
///
/// The caller says what the log is about; this fills in what the vault
/// decides: the date, duration, a distinct name, the methodology note and the
/// link format. `detect` adds what the career folder shows was done today
/// (a session run here); a session held elsewhere claims only what it says.
pub fn plan_log(
    context: &Context,
    mut input: LogInput<'_>,
    detect: bool,
) -> Result<LogPlan, CoreError> {
    let paths = context.settings.note_paths(context.today)?;
    let taken = crate::commands::career_folder::note_names(context)?;
    let date = context.today.iso();
    let name = log_name(
        &context.settings.session_log_name_pattern,
        &date,
        context.today.year(),
        &taken,
    );
    let links = link_format(&context.vault);
    input.date = date;
    input.duration = input.session.and_then(career_core::log::render::duration);
    input.name = name.clone();
    input.methodology = paths.methodology_name.clone();
    input.links = links;
    if detect && (input.session.is_some() || !input.phases.profile.is_empty()) {
        // A session run here (coaching, or the profile questions): everything
        // else done today (index created or upgraded, blind spots saved and
        // sections added for them, goals note created) joins the log; a session
        // held elsewhere claims only what it was told.
        let notes = crate::commands::career_folder::notes(context)?;
        let known =
            std::mem::take(&mut input.phases).with_recorded(&recorded(context), &input.date);
        input.phases = career_core::log::phases::merged(known, &input.date, &notes);
    }
    let path = crate::commands::career_folder::note_path(context, &name)?;
    let files = context.files()?;
    let mut planned = vec![Planned::create(&path, &render(&input))];
    let output_names: Vec<String> = input
        .outputs
        .iter()
        .map(|(label, _)| label.clone())
        .collect();
    let row = session_logs_row(&name, &input.focus, &output_names, links);
    let mut without_table = Vec::new();
    for note_path in [&paths.career_index, &paths.methodology] {
        let Some(note) = files.read(note_path)? else {
            continue;
        };
        let op = Operation::TableAddRow {
            section: "Session Logs".into(),
            table: 0,
            cells: row.clone(),
        };
        match run(&note.text, &op) {
            Ok(outcome) => {
                planned.push(Planned::edit(note_path.as_str(), &note.text, outcome.edits))
            }
            Err(e)
                if matches!(
                    e.code,
                    ErrorCode::SectionNotFound | ErrorCode::TableNotFound
                ) =>
            {
                without_table.push(note_path.clone());
            }
            Err(e) => return Err(e),
        }
    }
    let proposal = Proposal::new(
        format!("Session log {name}"),
        vec![format!("Focus: {}", input.focus)],
        planned,
    )?;
    Ok(LogPlan {
        path,
        proposal,
        without_table,
    })
}

/// Writes a new log in one create, then appends its row to the Session Logs
/// tables of the Career Index and the methodology note (when they exist),
/// through the same proposal an assistant confirms.
pub fn write_log(context: &Context, input: LogInput<'_>) -> Result<String, CoreError> {
    let plan = plan_log(context, input, true)?;
    for note_path in &plan.without_table {
        eprintln!(
            "note: {note_path} has no Session Logs table; run `career index upgrade` to add one."
        );
    }
    context
        .files()?
        .commit(&plan.proposal, crate::vault::Commit::Moving)?;
    Ok(plan.path)
}

/// The key of today's recorded work in the plugin's data.json (the plugin writes it too).
const RECORDED_KEY: &str = "phasesToday";

/// Today's work recorded so far (an unreadable record counts as none: it only
/// adds to a log).
fn recorded(context: &Context) -> Recorded {
    crate::settings::load_key(&context.vault, RECORDED_KEY)
        .ok()
        .flatten()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Records `work` as done today, for the next session log (see
/// [`career_core::log::phases::Recorded`]).
pub fn record_work(context: &Context, work: Work) -> Result<(), CoreError> {
    let next = recorded(context).with(&context.today.iso(), work);
    crate::settings::save_key(
        &context.vault,
        RECORDED_KEY,
        serde_json::to_value(next).ok(),
    )
}

fn pairs(values: &[String]) -> Vec<Decision> {
    values
        .iter()
        .map(|v| {
            let (what, why) = v.split_once('|').unwrap_or((v, ""));
            Decision {
                what: what.trim().into(),
                why: why.trim().into(),
            }
        })
        .collect()
}

/// Options of `career session-log new`.
pub struct NewLogArgs {
    /// Focus line.
    pub focus: String,
    /// Notes changed (names).
    pub outputs: Vec<String>,
    /// "what|why" decisions.
    pub decisions: Vec<String>,
    /// New threads.
    pub threads: Vec<String>,
    /// Work done.
    pub did: Vec<String>,
    /// What worked well.
    pub worked: Vec<String>,
    /// What to improve.
    pub improve: Vec<String>,
    /// Frameworks used.
    pub frameworks: Vec<String>,
    /// Carry every open thread into this log.
    pub carry: bool,
}

/// `career session-log new`
pub fn new_log(context: &Context, args: NewLogArgs) -> Result<Output, CoreError> {
    if args.focus.trim().is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "A session log needs a focus (--focus \"...\").",
        ));
    }
    let carried = if args.carry {
        open_threads(context)?
    } else {
        Vec::new()
    };
    for thread in &carried {
        dispose_thread(context, thread, Disposition::Carry)?;
    }
    let path = write_log(
        context,
        LogInput {
            focus: args.focus,
            outputs: args
                .outputs
                .iter()
                .map(|o| (o.clone(), o.clone()))
                .collect(),
            decisions: pairs(&args.decisions),
            did: args.did,
            worked: args.worked,
            improve: args.improve,
            frameworks: args.frameworks,
            carried,
            threads: args.threads,
            ..LogInput::default()
        },
    )?;
    Ok(Output::new(
        format!("Created {path}"),
        serde_json::json!({ "created": path }),
    ))
}
