//! Reviews (the method's phase 6, "Maintenance"): weekly, monthly, quarterly
//! and annual review notes, what is due, carry-forward in the goals note,
//! Periodic Notes interop and the review calendar.
//!
//! - [`due`]: which reviews exist (by frontmatter) and which are due.
//! - [`carry`]: unfinished actions and milestones move to the next period.
//! - [`intentions`]: the next quarter's intention into the goals note.
//! - [`render`]: the review notes' text; [`annual`] the annual review's body.
//! - [`periodic`]: the review as a section of a Periodic Notes note.
//! - [`calendar`]: the cadence as an `.ics` file.
//!
//! [`plan_review`] is the one entry point the shells call: everything read
//! goes in as data, and the note to create (or the periodic note's edits)
//! and the goals-note edits come out, each with what it expects to find.

pub mod annual;
pub mod calendar;
pub mod carry;
pub mod due;
pub mod intentions;
pub mod periodic;
pub mod render;

use serde::{Deserialize, Serialize};

use crate::edit::{apply, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::model::read;
use crate::log::threads::all_open_threads;
use crate::periods::{FiscalYear, Period, PeriodKind};
use crate::settings::Settings;
use crate::templates::links::LinkFormat;
use crate::Day;

pub use calendar::calendar;
pub use carry::{Carried, Carry, Decision, Decisions};
pub use due::{
    due, due_in, due_since, planned_theme, reviews_in, started, status_line, Due, ExistingReview,
};
pub use periodic::periodic_note_name;

/// A note's vault path and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteText {
    /// Vault-relative path.
    pub path: String,
    /// The text as read.
    pub text: String,
}

/// The answers a quarterly or annual review asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Answers {
    /// Next quarter's intention.
    pub next_intention: Option<String>,
    /// Next quarter's focus.
    pub next_focus: Option<String>,
    /// Next year's theme.
    pub next_theme: Option<String>,
    /// Unfinished items (by text) to leave open where they are, not carry.
    pub keep: Vec<String>,
    /// Unfinished items (by text) to cancel, not carry.
    pub drop: Vec<String>,
}

/// Periodic Notes' moment.js formats (blank means its default).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PeriodicFormats {
    /// Weekly notes' format (`gggg-[W]ww`).
    pub weekly: String,
    /// Monthly notes' format (`YYYY-MM`).
    pub monthly: String,
    /// Quarterly notes' format (`YYYY-[Q]Q`).
    pub quarterly: String,
    /// Yearly notes' format (`YYYY`).
    pub yearly: String,
}

impl PeriodicFormats {
    /// The format for a kind of period.
    pub fn of(&self, kind: PeriodKind) -> &str {
        match kind {
            PeriodKind::Week => &self.weekly,
            PeriodKind::Month => &self.monthly,
            PeriodKind::Quarter => &self.quarterly,
            PeriodKind::Year => &self.yearly,
        }
    }
}

/// Everything a review needs, read by the shell.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewInput {
    /// The period to review (`2026-W03`); its kind is the review's kind.
    pub period: Option<Period>,
    /// Missed periods this review also covers (from [`due()`]); `period` is added.
    pub covers: Vec<Period>,
    /// Missed periods older than the catch-up's bound (from [`due()`]): the
    /// review lists them under `skipped:`.
    pub skipped: Vec<Period>,
    /// The day of the review, `YYYY-MM-DD`.
    pub today: String,
    /// The plugin settings: names, fiscal year, periodic mode.
    pub settings: Settings,
    /// How links are written.
    pub links: LinkFormat,
    /// The goals note of the period's year, when it exists.
    pub goals_text: Option<String>,
    /// Next year's goals note, when it exists (a Q4 review writes into it;
    /// the year's last week or month carries into it).
    pub next_goals_text: Option<String>,
    /// Last year's goals note, when it exists: a week's or month's review
    /// collects the unfinished items left there.
    pub previous_goals_text: Option<String>,
    /// The Career Index, when it exists.
    pub index_text: Option<String>,
    /// Session logs, oldest first.
    pub session_logs: Vec<NoteText>,
    /// Reviews that exist (from [`reviews_in`]).
    pub reviews: Vec<ExistingReview>,
    /// Quarterly and annual answers.
    pub answers: Answers,
    /// With `reviewsInPeriodicNotes`: the period's periodic note, if it exists.
    pub periodic: Option<NoteText>,
    /// With `reviewsInPeriodicNotes`: Periodic Notes' formats.
    pub periodic_formats: PeriodicFormats,
}

/// A note to create in one write (it must not exist).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    /// Vault-relative path.
    pub path: String,
    /// The name, as a link target.
    pub name: String,
    /// The full text.
    pub text: String,
}

/// Edits to an existing note: check each edit's `expected` (or that the note
/// still equals what was read), then write `newText`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteEdits {
    /// Vault-relative path.
    pub path: String,
    /// The edits, as byte spans into the text that was read.
    pub edits: Vec<TextEdit>,
    /// The text after the edits.
    pub new_text: String,
}

/// Something the review wants the person to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    /// Stable id: `no_goals_note`, `periodic_note_missing`,
    /// `intention_kept_in_review`, `carried_often`, `not_carried_next_year`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

/// What a review does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPlan {
    /// Which kind of review.
    pub kind: PeriodKind,
    /// The reviewed period.
    pub period: Period,
    /// Every period covered, oldest first.
    pub covers: Vec<Period>,
    /// Missed periods listed as skipped, oldest first.
    pub skipped: Vec<Period>,
    /// The review note to create (not in periodic mode).
    pub create: Option<NewNote>,
    /// In periodic mode: the edits to the existing periodic note.
    pub periodic: Option<NoteEdits>,
    /// Edits to this year's goals note (carry-forward, next quarter).
    pub goals: Option<NoteEdits>,
    /// Edits to next year's goals note (a Q4 review's next quarter, items
    /// carried out of the year's last week or month).
    pub next_goals: Option<NoteEdits>,
    /// Edits to last year's goals note (items left there, carried here).
    pub previous_goals: Option<NoteEdits>,
    /// Unfinished items, moved or left open.
    pub carried: Vec<Carried>,
    /// What the person should know.
    pub flags: Vec<Flag>,
    /// One line for people.
    pub summary: String,
}

fn flag(code: &str, message: impl Into<String>) -> Flag {
    Flag {
        code: code.into(),
        message: message.into(),
    }
}

/// The planning year whose goals note holds a period.
pub fn goals_year(period: Period, fiscal: FiscalYear) -> i32 {
    match Period::containing(PeriodKind::Year, period.anchor(fiscal), fiscal) {
        Period::Year { year } => year,
        _ => period.anchor(fiscal).year(),
    }
}

/// The period a review of `kind` should cover now, the missed ones it
/// catches up and the older ones it lists as skipped: the due review's, or
/// the newest period already due.
pub fn next_review(
    kind: PeriodKind,
    today: Day,
    fiscal: FiscalYear,
    start: Option<Day>,
    reviews: &[ExistingReview],
) -> (Period, Vec<Period>, Vec<Period>) {
    match due_since(today, fiscal, start, reviews)
        .into_iter()
        .find(|d| d.kind == kind)
    {
        Some(d) => (d.period, d.covers, d.skipped),
        None => {
            let p = due::newest_due(kind, today, fiscal);
            (p, vec![p], Vec::new())
        }
    }
}

/// The periods whose unfinished items a review of `period` collects: every
/// period up to it. Items in a period an earlier review settled are
/// collected too (added after that review, they would be stranded), except
/// those that review's person kept where they were (`left`).
fn collected_up_to(
    items: &[crate::goals::Item],
    period: Period,
    reviews: &[ExistingReview],
) -> (Vec<Period>, Vec<(Period, String)>) {
    let mut from: Vec<Period> = items
        .iter()
        .map(|i| i.period)
        .filter(|p| *p <= period)
        .collect();
    crate::order::sort(&mut from);
    from.dedup();
    let left = items
        .iter()
        .filter(|i| {
            reviews
                .iter()
                .any(|r| r.settled(i.period) && r.kept.iter().any(|k| k == i.text.trim()))
        })
        .map(|i| (i.period, i.text.trim().to_string()))
        .collect();
    (from, left)
}

fn edits_for(path: String, text: &str, edits: Vec<TextEdit>) -> CoreResult<Option<NoteEdits>> {
    if edits.is_empty() {
        return Ok(None);
    }
    match apply(text, &edits)? {
        Applied::Unchanged => Ok(None),
        Applied::Changed(new_text) => Ok(Some(NoteEdits {
            path,
            edits,
            new_text,
        })),
    }
}

fn name_of(
    settings: &Settings,
    formats: &PeriodicFormats,
    fiscal: FiscalYear,
    period: Period,
) -> CoreResult<String> {
    if settings.reviews_in_periodic_notes {
        let path = periodic::periodic_note_name_in(period, fiscal, formats.of(period.kind()))?;
        Ok(path.rsplit('/').next().unwrap_or(&path).to_string())
    } else {
        settings.review_name(period)
    }
}

/// Plans a review: the note (or periodic-note section) and the goals-note edits.
pub fn plan_review(input: &ReviewInput) -> CoreResult<ReviewPlan> {
    let today = Day::parse(&input.today)?;
    let settings = &input.settings;
    let fiscal = settings.fiscal()?;
    let period = input.period.ok_or_else(|| {
        CoreError::new(
            ErrorCode::InvalidInput,
            "A review needs a period such as 2026-W03, 2026-01, 2026-Q1 or 2026.",
        )
    })?;
    // The review, and the period it carries into or plans for, must have
    // four-digit labels: never `10000` or `0999`.
    period.in_range(fiscal)?;
    period.next(fiscal).in_range(fiscal)?;
    let kind = period.kind();
    let mut covers: Vec<Period> = input
        .covers
        .iter()
        .copied()
        .filter(|p| p.kind() == kind && *p < period)
        .collect();
    covers.push(period);
    crate::order::sort(&mut covers);
    covers.dedup();
    let mut skipped: Vec<Period> = input
        .skipped
        .iter()
        .copied()
        .filter(|p| p.kind() == kind && *p < period && !covers.contains(p))
        .collect();
    crate::order::sort(&mut skipped);
    skipped.dedup();
    let year = goals_year(period, fiscal);
    let goals_name = settings.goals_name(year)?;
    let goals_path = settings.goals_path(year)?;
    let index_name = settings.note_paths(today)?.career_index_name;
    let goals_text = input.goals_text.as_deref().filter(|t| !t.trim().is_empty());
    let goals = goals_text.map(read).unwrap_or_default();
    let mut flags = Vec::new();
    if goals_text.is_none() && kind != PeriodKind::Year {
        flags.push(flag(
            "no_goals_note",
            format!(
                "{goals_path} does not exist, so there are no milestones or actions to review."
            ),
        ));
    }

    // Carry-forward (weekly, monthly): from last year's note and this one,
    // into the next period, in this note or next year's.
    let mut goals_edits: Vec<TextEdit> = Vec::new();
    let mut next_goals_edits: Vec<TextEdit> = Vec::new();
    let mut previous_edits: Vec<TextEdit> = Vec::new();
    let mut carried = Vec::new();
    let previous_text = input
        .previous_goals_text
        .as_deref()
        .filter(|t| !t.trim().is_empty());
    let next_text = input
        .next_goals_text
        .as_deref()
        .filter(|t| !t.trim().is_empty());
    if let (Some(text), true) = (
        goals_text,
        matches!(kind, PeriodKind::Week | PeriodKind::Month),
    ) {
        let to = period.next(fiscal);
        let note_year = goals.year.unwrap_or(year);
        let to_in_note = Period::Year { year: note_year }.contains(to.anchor(fiscal), fiscal);
        let movable = to_in_note || next_text.is_some();
        let mut lines = Vec::new();
        let mut sources = vec![(text, true)];
        if let Some(prev) = previous_text {
            sources.insert(0, (prev, false));
        }
        for (source, this_note) in sources {
            let items = carry::items_of(&read(source), kind);
            let (mut from, left) = collected_up_to(&items, period, &input.reviews);
            if this_note {
                from.extend(covers.iter().chain(&skipped).copied());
                crate::order::sort(&mut from);
                from.dedup();
            }
            let decisions = carry::Decisions {
                keep: input.answers.keep.clone(),
                drop: input.answers.drop.clone(),
                left,
            };
            let (carry, more) = carry::select(source, &from, period, fiscal, &decisions, movable);
            if this_note {
                goals_edits.extend(carry.edits);
            } else {
                previous_edits.extend(carry.edits);
            }
            carried.extend(carry.items);
            lines.extend(more);
        }
        let target = if to_in_note { Some(text) } else { next_text };
        if let Some(target) = target {
            let already: Vec<String> = carry::items_of(&read(target), kind)
                .iter()
                .filter(|i| i.period == to && i.state == crate::goals::ItemState::Open)
                .map(|i| crate::goals::model::display_text(&i.raw))
                .collect();
            lines.retain(|l| !already.contains(&crate::goals::model::display_text(l)));
            let edits = carry::insert(target, kind, to, &lines);
            if to_in_note {
                goals_edits.extend(edits);
            } else {
                next_goals_edits.extend(edits);
            }
        }
    }
    for c in carried.iter().filter(|c| c.flagged) {
        flags.push(flag(
            "carried_often",
            format!(
                "\"{}\" has been carried {} times: keep, re-scope or drop it?",
                c.text, c.carried
            ),
        ));
    }
    if let Some(c) = carried
        .iter()
        .find(|c| !c.moved && c.decision == carry::Decision::Carry)
    {
        flags.push(flag(
            "not_carried_next_year",
            format!(
                "Unfinished items stay open: {} belongs to next year's goals note.",
                c.to
            ),
        ));
    }

    // Next quarter (quarterly).
    let mut next_goals = None;
    let mut next_quarter = None;
    if kind == PeriodKind::Quarter {
        let next = period.next(fiscal);
        let intention = clean(input.answers.next_intention.as_deref());
        let focus = clean(input.answers.next_focus.as_deref());
        let Period::Quarter {
            year: next_year,
            quarter,
        } = next
        else {
            return Err(CoreError::new(ErrorCode::InvalidInput, "Not a quarter."));
        };
        // What is set stays unless the person changed it.
        let current = intentions::quarter_context(
            period,
            fiscal,
            goals_text,
            input.next_goals_text.as_deref(),
        )
        .next;
        let intention_change = intentions::changed(intention.as_deref(), &current.intention);
        let focus_change = intentions::changed(focus.as_deref(), &current.focus);
        let was_set = !current.intention.is_empty() || !current.focus.is_empty();
        let target = if next_year == year {
            goals_name.clone()
        } else {
            settings.goals_name(next_year)?
        };
        let written = if intention_change.is_none() && focus_change.is_none() {
            if was_set {
                format!(
                    "Kept as set in {}'s Quarterly Intentions table.",
                    input.links.link(&target, None, None)
                )
            } else {
                "Not answered yet: write them into the goals note's Quarterly Intentions table."
                    .to_string()
            }
        } else if next_year == year {
            match goals_text {
                Some(text) => {
                    goals_edits.extend(intentions::set_intention(
                        text,
                        quarter,
                        intention_change.as_deref(),
                        focus_change.as_deref(),
                    )?);
                    changed_sentence(&input.links.link(&goals_name, None, None), &current)
                }
                None => kept(&mut flags, &goals_path),
            }
        } else {
            let next_path = settings.goals_path(next_year)?;
            match input.next_goals_text.as_deref() {
                Some(text) => {
                    let edits = intentions::set_intention(
                        text,
                        quarter,
                        intention_change.as_deref(),
                        focus_change.as_deref(),
                    )?;
                    next_goals_edits.extend(edits);
                    changed_sentence(&input.links.link(&target, None, None), &current)
                }
                None => kept(&mut flags, &next_path),
            }
        };
        let set = |answer: Option<String>, now: &str| {
            answer.or_else(|| (!now.is_empty()).then(|| now.to_string()))
        };
        let intention = set(intention_change.or(intention), &current.intention);
        let focus = set(focus_change.or(focus), &current.focus);
        next_quarter = Some(render::NextQuarter {
            period: next,
            intention,
            focus,
            written,
        });
    }

    // Names up the cascade.
    let formats = &input.periodic_formats;
    let mut up = Vec::new();
    let anchor = period.anchor(fiscal);
    for up_kind in [PeriodKind::Month, PeriodKind::Quarter] {
        if up_kind > kind {
            up.push(name_of(
                settings,
                formats,
                fiscal,
                Period::containing(up_kind, anchor, fiscal),
            )?);
        }
    }
    let logs: Vec<(String, String)> = input
        .session_logs
        .iter()
        .map(|n| (n.path.clone(), n.text.clone()))
        .collect();
    let threads = all_open_threads(&logs);
    let next_theme = if kind == PeriodKind::Year {
        clean(input.answers.next_theme.as_deref())
    } else {
        None
    };
    let ctx = render::Context {
        period,
        covers: &covers,
        skipped: &skipped,
        today,
        fiscal,
        links: input.links,
        goals_name,
        index_name,
        up,
        goals: &goals,
        has_goals: goals_text.is_some(),
        goals_text,
        index_text: input.index_text.as_deref(),
        logs: &logs,
        threads: &threads,
        reviews: &input.reviews,
        carried: &carried,
        next_quarter,
        next_theme: next_theme.clone(),
    };

    // Where the review goes.
    let mut create = None;
    let mut periodic_edits = None;
    let own_note = |ctx: &render::Context<'_>| -> CoreResult<NewNote> {
        Ok(NewNote {
            path: settings.review_path(period)?,
            name: settings.review_name(period)?,
            text: render::note(ctx),
        })
    };
    if settings.reviews_in_periodic_notes {
        match &input.periodic {
            Some(note) => {
                let mut body = format!("{}\n\n{}", render::up_line(&ctx), render::body(&ctx, 3));
                if let Some(theme) = &next_theme {
                    body.push_str(&format!("\nnext_theme:: {theme}\n"));
                }
                let periods = |list: &[Period]| list.iter().map(ToString::to_string).collect();
                let lists = [
                    (
                        "career_covers",
                        if covers.len() > 1 {
                            periods(&covers)
                        } else {
                            Vec::new()
                        },
                    ),
                    ("career_skipped", periods(&skipped)),
                    (
                        "career_kept",
                        carried
                            .iter()
                            .filter(|c| c.decision == Decision::Keep)
                            .map(|c| c.text.clone())
                            .collect(),
                    ),
                ];
                let edits = periodic::append_review(&note.text, period, &body, &lists)?;
                periodic_edits = edits_for(note.path.clone(), &note.text, edits)?;
            }
            None => {
                let name = name_of(settings, formats, fiscal, period)?;
                flags.push(flag(
                    "periodic_note_missing",
                    format!("There is no periodic note \"{name}\" for {period}, so the review is a note of its own."),
                ));
                create = Some(own_note(&ctx)?);
            }
        }
    } else {
        create = Some(own_note(&ctx)?);
    }
    let goals = match goals_text {
        Some(text) => edits_for(goals_path, text, goals_edits)?,
        None => None,
    };
    if let Some(text) = next_text {
        next_goals = edits_for(settings.goals_path(year + 1)?, text, next_goals_edits)?;
    }
    let previous_goals = match previous_text {
        Some(text) => edits_for(settings.goals_path(year - 1)?, text, previous_edits)?,
        None => None,
    };
    let moved = carried.iter().filter(|c| c.moved).count();
    let adjective = kind.adjective();
    let mut summary = format!(
        "{}{} review {period}",
        adjective.get(..1).unwrap_or("").to_uppercase(),
        adjective.get(1..).unwrap_or("")
    );
    if covers.len() > 1 {
        summary.push_str(&format!(" (catching up {})", covers.len()));
    }
    if let Some(note) = &create {
        summary.push_str(&format!(": {}", note.path));
    } else if let Some(p) = &periodic_edits {
        summary.push_str(&format!(": a Career review section in {}", p.path));
    }
    if moved > 0 {
        let to = carried
            .iter()
            .find(|c| c.moved)
            .map(|c| c.to.to_string())
            .unwrap_or_default();
        summary.push_str(&format!("; {moved} carried into {to}"));
    }
    for (decision, word) in [(Decision::Keep, "kept"), (Decision::Drop, "dropped")] {
        let count = carried.iter().filter(|c| c.decision == decision).count();
        if count > 0 {
            summary.push_str(&format!("; {count} {word}"));
        }
    }
    Ok(ReviewPlan {
        kind,
        period,
        covers,
        skipped,
        create,
        periodic: periodic_edits,
        goals,
        next_goals,
        previous_goals,
        carried,
        flags,
        summary,
    })
}

fn clean(text: Option<&str>) -> Option<String> {
    text.map(crate::edit::lines::one_line)
        .filter(|t| !t.is_empty())
}

fn changed_sentence(link: &str, before: &intentions::QuarterPlan) -> String {
    let mut was = Vec::new();
    if !before.intention.is_empty() {
        was.push(format!("intention \"{}\"", before.intention));
    }
    if !before.focus.is_empty() {
        was.push(format!("focus {}", before.focus));
    }
    if was.is_empty() {
        format!("Written into {link}'s Quarterly Intentions table.")
    } else {
        format!(
            "Written into {link}'s Quarterly Intentions table (it said: {}).",
            was.join(", ")
        )
    }
}

fn kept(flags: &mut Vec<Flag>, path: &str) -> String {
    flags.push(flag(
        "intention_kept_in_review",
        format!("{path} does not exist yet, so next quarter's intention and focus are kept in this review; copy them there when you create it."),
    ));
    format!("Kept here: {path} does not exist yet. Copy them into its Quarterly Intentions table when you create it.")
}
