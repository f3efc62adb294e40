//! Changing a goals note in place: a goal's status, a new weekly action.
//!
//! Both return byte-span edits into the note as it is, hand edits and all:
//! a status change replaces the Status cell only, and an action is one
//! inserted line (plus its week's heading, and the `## Weekly Actions`
//! section, when they are missing). Every other byte stays. Each edit is
//! re-read before it is returned: an action that would not read back as an
//! action of its week (swallowed by an unclosed code block, say) is refused.

use crate::edit::lines::{insert_lines, one_line};
use crate::edit::table::update_row;
use crate::edit::task::add_task;
use crate::edit::{apply, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::goals::model::{
    goal_tags, heading_period, part_section, read, GoalStatus, GoalsNote, Part,
};
use crate::note::aliases::normalize;
use crate::note::lines::{has_lone_cr, lines_in};
use crate::note::outline::{sections, Section};
use crate::note::tables::tables_in;
use crate::periods::{Period, PeriodKind};

fn lone_cr(text: &str) -> CoreResult<()> {
    if has_lone_cr(text) {
        return Err(CoreError::new(
            ErrorCode::UnsupportedLineEndings,
            "This note breaks lines with a carriage return alone (old Mac line endings). Convert it to LF or CRLF first; nothing was changed.",
        ));
    }
    Ok(())
}

fn goal_not_found(note: &GoalsNote, id: &str) -> CoreError {
    let ids: Vec<&str> = note.goals.iter().map(|g| g.id.as_str()).collect();
    let known = if ids.is_empty() {
        "the note has no Annual Goals table rows".to_string()
    } else {
        format!("its goals are {}", ids.join(", "))
    };
    CoreError::new(
        ErrorCode::GoalNotFound,
        format!("The goals note has no goal {}; {known}.", id.trim()),
    )
}

/// Sets goal `goal`'s Status cell to `status`, one of
/// [`GoalStatus::CHOICES`] read loosely (`done` → `Complete`). Only that
/// cell changes; no edits when it already says so.
pub fn set_status(text: &str, goal: &str, status: &str) -> CoreResult<Vec<TextEdit>> {
    lone_cr(text)?;
    let Some(choice) = GoalStatus::choice(status) else {
        let choices = GoalStatus::CHOICES.join(", ");
        let status = one_line(status);
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            if status.is_empty() {
                format!("No goal status was given; nothing was changed. Use one of: {choices}.")
            } else {
                format!("\"{status}\" is not a goal status; nothing was changed. Use one of: {choices}.")
            },
        ));
    };
    let note = read(text);
    let all = sections(text);
    let section = part_section(&all, Part::AnnualGoals).ok_or_else(|| {
        CoreError::new(
            ErrorCode::SectionNotFound,
            "The goals note has no Annual Goals section.",
        )
    })?;
    let table = tables_in(text, section.body_span)
        .into_iter()
        .next()
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::TableNotFound,
                "The Annual Goals section has no table.",
            )
        })?;
    let row = note.goal(goal).ok_or_else(|| goal_not_found(&note, goal))?;
    let column = table
        .header
        .cells
        .iter()
        .position(|c| normalize(&c.text).starts_with("status"))
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::TableNotFound,
                "The Annual Goals table has no Status column; add one to track status.",
            )
        })?;
    let mut cells = vec![None; column + 1];
    if let Some(slot) = cells.get_mut(column) {
        *slot = Some(choice.label().to_string());
    }
    update_row(text, &table, row.row, &cells)
}

/// The line of an action: `text #goal/G1`, without a tag already written.
fn action_line(note: &GoalsNote, action: &str, goal: Option<&str>) -> CoreResult<String> {
    let body = one_line(action);
    if body.is_empty() {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            "An action needs some text.",
        ));
    }
    let tagged = goal_tags(&body);
    for id in &tagged {
        if note.goal(id).is_none() {
            return Err(goal_not_found(note, id));
        }
    }
    let Some(goal) = goal.map(str::trim).filter(|g| !g.is_empty()) else {
        return Ok(body);
    };
    let id = note
        .goal(goal)
        .map(|g| g.id.clone())
        .ok_or_else(|| goal_not_found(note, goal))?;
    if tagged.contains(&id) {
        return Ok(body);
    }
    Ok(format!("{body} #goal/{id}"))
}

/// Adds `- [ ] action #goal/G1` to `week` (an ISO week) under
/// `## Weekly Actions`.
///
/// The week's `### 2026-W47` heading is created when missing, between the
/// weeks before and after it; the `## Weekly Actions` section is created
/// when missing (after Monthly Milestones, else before Weekly Review
/// Questions, else at the end). A goal the note does not have, given or
/// tagged in the text, is refused with `goal_not_found`. The same open
/// action already in that week is not added again (no edits).
pub fn add_action(
    text: &str,
    week: Period,
    action: &str,
    goal: Option<&str>,
) -> CoreResult<Vec<TextEdit>> {
    lone_cr(text)?;
    if week.kind() != PeriodKind::Week {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!("{week} is not an ISO week: use a week like 2026-W47."),
        ));
    }
    let note = read(text);
    let line = action_line(&note, action, goal)?;
    // The same open action already in that week (a script run twice): nothing to add.
    if note
        .actions_of(week)
        .any(|a| a.state == crate::goals::ItemState::Open && a.raw.trim() == line.trim())
    {
        return Ok(Vec::new());
    }
    let all = sections(text);
    let edit = match part_section(&all, Part::WeeklyActions) {
        Some(part) => add_to_period(text, &all, part, week, std::slice::from_ref(&line)),
        None => new_part(text, &all, week, &line),
    };
    let edits = vec![edit];
    verify(text, &note, &edits, week, &line)?;
    Ok(edits)
}

/// Adds `lines` as open checkboxes under `period`'s heading in `part` (the
/// Weekly Actions or Monthly Milestones section), in the list already there;
/// a missing heading is created in chronological order among its siblings,
/// one level below `part`. Shared by weekly actions and carry-forward.
pub(crate) fn add_to_period(
    text: &str,
    all: &[Section],
    part: &Section,
    period: Period,
    lines: &[String],
) -> TextEdit {
    let part_index = all.iter().position(|s| s.heading_span == part.heading_span);
    let periods: Vec<(Period, &Section)> = all
        .iter()
        .filter(|s| part_index.is_some() && s.parent == part_index)
        .filter_map(|s| Some((heading_period(&s.title, period.kind())?, s)))
        .collect();
    if let Some((_, s)) = periods.iter().find(|(p, _)| *p == period) {
        return add_tasks(text, s.own_span(), lines);
    }
    let level = part.level.saturating_add(1).min(6);
    let heading = format!("{} {}", "#".repeat(usize::from(level)), period.title());
    let mut block = vec![heading, String::new()];
    block.extend(lines.iter().map(|l| format!("- [ ] {l}")));
    match periods.iter().find(|(p, _)| *p > period) {
        Some((_, next)) => insert_before(text, next, block),
        None => append_block(text, part.heading_span.end, part.body_span.end, &block),
    }
}

/// Adds open tasks to `region`: the first where [`add_task`] puts one, the
/// rest right after it in the same list style; under an empty heading, after
/// a blank line.
fn add_tasks(text: &str, region: crate::span::Span, lines: &[String]) -> TextEdit {
    // An empty period (a month heading the template wrote): a blank line after
    // the heading, then the list, as a new heading would have it.
    if region.of(text).trim().is_empty() {
        let mut block = vec![String::new()];
        block.extend(lines.iter().map(|l| format!("- [ ] {l}")));
        return insert_lines(text, region.start, &block);
    }
    let mut rest = lines.iter();
    let Some(first_line) = rest.next() else {
        return TextEdit::insert(region.start, String::new());
    };
    let mut first = add_task(text, region, first_line);
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let prefix = first
        .new_text
        .trim_end_matches(['\r', '\n'])
        .rsplit('\n')
        .next()
        .and_then(|l| l.split_once(" [ ]").map(|(p, _)| p.to_string()))
        .unwrap_or_else(|| "-".into());
    for line in rest {
        let task = format!("{prefix} [ ] {line}");
        if first.new_text.ends_with('\n') {
            first.new_text.push_str(&task);
            first.new_text.push_str(ending);
        } else {
            first.new_text.push_str(ending);
            first.new_text.push_str(&task);
        }
    }
    first
}

/// Inserts `block` as whole lines just before `section`'s heading, with a
/// blank line on each side.
fn insert_before(text: &str, section: &Section, block: Vec<String>) -> TextEdit {
    let at = text
        .get(..section.heading_span.start)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let mut lines = Vec::new();
    if !blank_before(text, at) {
        lines.push(String::new());
    }
    lines.extend(block);
    lines.push(String::new());
    insert_lines(text, at, &lines)
}

/// Appends `block` after the last content line between `from` and `to`
/// (ignoring trailing blank lines and `---` breaks), with blank lines around.
fn append_block(text: &str, from: usize, to: usize, block: &[String]) -> TextEdit {
    let region = crate::span::Span::new(from, to);
    let last = lines_in(text, region)
        .filter(|l| !l.is_blank() && !is_break(l.content))
        .last();
    let at = match last {
        Some(l) => l.end,
        None => end_of_line(text, from),
    };
    let mut lines = vec![String::new()];
    lines.extend(block.iter().cloned());
    let followed = text
        .get(at..)
        .and_then(|rest| rest.lines().next())
        .is_some_and(|next| !next.trim().is_empty());
    if followed {
        lines.push(String::new());
    }
    insert_lines(text, at, &lines)
}

/// The start of the next line after `at` (or the end of the text).
fn end_of_line(text: &str, at: usize) -> usize {
    match text.get(at..).and_then(|rest| rest.find('\n')) {
        Some(i) => at + i + 1,
        None => text.len(),
    }
}

fn is_break(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.bytes().all(|b| b == b'-')
            || t.bytes().all(|b| b == b'*')
            || t.bytes().all(|b| b == b'_'))
}

fn blank_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let Some(previous) = before.strip_suffix('\n') else {
        return before.is_empty();
    };
    previous
        .rsplit('\n')
        .next()
        .is_none_or(|l| l.trim().is_empty())
}

fn new_part(text: &str, all: &[Section], week: Period, line: &str) -> TextEdit {
    let milestones = part_section(all, Part::MonthlyMilestones);
    let level = milestones.map_or(2, |s| s.level);
    let hashes = |l: u8| "#".repeat(usize::from(l.clamp(1, 6)));
    let block = vec![
        format!("{} {}", hashes(level), Part::WeeklyActions.title()),
        String::new(),
        format!("{} {week}", hashes(level.saturating_add(1))),
        String::new(),
        format!("- [ ] {line}"),
    ];
    let questions = all
        .iter()
        .find(|s| normalize(&s.title).starts_with("weekly review"));
    match (milestones, questions) {
        (Some(m), _) => append_block(text, m.heading_span.end, m.body_span.end, &block),
        (None, Some(q)) => insert_before(text, q, block),
        (None, None) => append_block(text, 0, text.len(), &block),
    }
}

/// Re-reads the note with the edits applied: exactly one more action, in
/// `week`, with the line's text.
fn verify(
    text: &str,
    before: &GoalsNote,
    edits: &[TextEdit],
    week: Period,
    line: &str,
) -> CoreResult<()> {
    let after = match apply(text, edits)? {
        Applied::Changed(t) => t,
        Applied::Unchanged => text.to_string(),
    };
    let note = read(&after);
    let ok = note.actions.len() == before.actions.len() + 1
        && note
            .actions
            .iter()
            .any(|a| a.period == week && a.raw.trim() == line.trim())
        && note.goals == before.goals
        && note.milestones.len() == before.milestones.len();
    if ok {
        Ok(())
    } else {
        Err(CoreError::new(
            ErrorCode::WouldBeHidden,
            format!(
                "The action could not be added so that it reads as an action of {week} (an unclosed code block or an unusual layout is in the way); nothing was changed."
            ),
        ))
    }
}
