//! Reads a goals note into its parts, as spans into the note.
//!
//! The note is plain markdown (see `ARCHITECTURE.md`, "The goals note"):
//!
//! - `## Annual Goals`: a table whose first column is the goal's id (`G1`),
//!   then Outcome, Success Metric and Status, found by header name.
//! - `## Quarterly Intentions`: a table of Quarter (`Q1`), Intention, Focus.
//! - `## Monthly Milestones`: a `### 2026-01 January` heading per month with
//!   checkboxes tagged with the goal they serve (`#goal/G1`).
//! - `## Weekly Actions`: a `### 2026-W03` heading per ISO week, likewise.
//!
//! Hand edits are expected: headings are matched loosely, columns by name,
//! and a goal may be tagged `#goal/G1`, `#G1` or `[goal:: G1]`. Anything the
//! reader does not recognise is left alone, never an error.

use serde::Serialize;

use crate::dates::Day;
use crate::log::threads::split_carried;
use crate::note::aliases::normalize;
use crate::note::frontmatter::{frontmatter, Value};
use crate::note::outline::{sections, Section};
use crate::note::tables::{tables_in, Table};
use crate::note::tasks::{tasks_in, Task};
use crate::periods::{Period, PeriodKind};
use crate::span::Span;

/// A goal's status, as the Status column says it. Serialized as its label
/// ("In progress", or what the user wrote), which is what every shell shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalStatus {
    /// "Not started", or an empty cell.
    NotStarted,
    /// "In progress".
    InProgress,
    /// "At risk".
    AtRisk,
    /// "Complete" (or "Done").
    Complete,
    /// Anything else the user wrote.
    Other(String),
}

impl GoalStatus {
    /// The four statuses a user can choose, in their display form.
    pub const CHOICES: [&'static str; 4] = ["Not started", "In progress", "At risk", "Complete"];

    /// Reads a Status cell, forgiving case, markdown and extra words.
    pub fn parse(cell: &str) -> Self {
        let n = normalize(cell);
        match n.as_str() {
            "" | "not started" | "todo" | "to do" => Self::NotStarted,
            "in progress" | "started" | "ongoing" | "on track" => Self::InProgress,
            "at risk" | "blocked" | "slipping" | "off track" => Self::AtRisk,
            "complete" | "completed" | "done" | "achieved" => Self::Complete,
            _ => Self::Other(cell.trim().to_string()),
        }
    }

    /// Parses one of [`GoalStatus::CHOICES`] (loosely), refusing anything
    /// else, an empty status included: an empty cell reads as "Not started",
    /// but an empty answer is no choice at all.
    pub fn choice(text: &str) -> Option<Self> {
        if normalize(text).is_empty() {
            return None;
        }
        match Self::parse(text) {
            Self::Other(_) => None,
            status => Some(status),
        }
    }

    /// The status as the note writes it.
    pub fn label(&self) -> &str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::AtRisk => "At risk",
            Self::Complete => "Complete",
            Self::Other(text) => text,
        }
    }
}

impl Serialize for GoalStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

/// One row of the Annual Goals table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalRow {
    /// `G1`, as written in the first column (markdown stripped).
    pub id: String,
    /// What the goal achieves.
    pub outcome: String,
    /// How success is measured.
    pub metric: String,
    /// The Status column.
    pub status: GoalStatus,
    /// 0-based body row of the table.
    pub row: usize,
}

/// One row of the Quarterly Intentions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarterRow {
    /// 1–4, from `Q1`…`Q4` in the first column.
    pub quarter: u32,
    /// What the quarter is about.
    pub intention: String,
    /// Its specific priorities.
    pub focus: String,
    /// 0-based body row of the table.
    pub row: usize,
}

/// Where a checkbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemState {
    /// `[ ]` or any status the Tasks plugin treats as not done (`/`, `!`…).
    Open,
    /// `[x]` or `[X]`.
    Done,
    /// `[-]`: dropped.
    Cancelled,
    /// `[>]`: moved to a later period, where its copy counts.
    Forwarded,
}

impl ItemState {
    fn of(status: char) -> Self {
        match status {
            'x' | 'X' => Self::Done,
            '-' => Self::Cancelled,
            '>' => Self::Forwarded,
            _ => Self::Open,
        }
    }

    /// Whether the item counts towards progress (done or still to do).
    pub fn counts(self) -> bool {
        matches!(self, Self::Open | Self::Done)
    }
}

/// A milestone or weekly action: a checkbox under a period's heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// The month (milestones) or ISO week (actions) it belongs to.
    pub period: Period,
    /// 1-based line of the checkbox in the note.
    pub line: usize,
    /// The text without goal tags or carried count.
    pub text: String,
    /// The checkbox text exactly as written after `] `.
    pub raw: String,
    /// The goals it serves (`G1`…), in the order written.
    pub goals: Vec<String>,
    /// How many times it has been carried forward.
    pub carried: u32,
    /// Done, open, dropped or forwarded.
    pub state: ItemState,
    /// The status character's bytes.
    #[serde(skip)]
    pub status_span: Span,
}

/// A goals note, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct GoalsNote {
    /// Frontmatter `year`.
    pub year: Option<i32>,
    /// Frontmatter `theme`.
    pub theme: Option<String>,
    /// The Annual Goals table's rows.
    pub goals: Vec<GoalRow>,
    /// The Quarterly Intentions table's rows.
    pub quarters: Vec<QuarterRow>,
    /// Checkboxes under month headings in Monthly Milestones.
    pub milestones: Vec<Item>,
    /// Checkboxes under week headings in Weekly Actions.
    pub actions: Vec<Item>,
    /// The Annual Goals table's span, when there is one.
    #[serde(skip)]
    pub goals_table: Option<Span>,
    /// The Quarterly Intentions table's span, when there is one.
    #[serde(skip)]
    pub quarters_table: Option<Span>,
}

/// Which top-level part of the note a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `Annual Goals`.
    AnnualGoals,
    /// `Quarterly Intentions`.
    QuarterlyIntentions,
    /// `Monthly Milestones`.
    MonthlyMilestones,
    /// `Weekly Actions`.
    WeeklyActions,
}

impl Part {
    /// The heading the template writes.
    pub fn title(self) -> &'static str {
        match self {
            Self::AnnualGoals => "Annual Goals",
            Self::QuarterlyIntentions => "Quarterly Intentions",
            Self::MonthlyMilestones => "Monthly Milestones",
            Self::WeeklyActions => "Weekly Actions",
        }
    }

    fn matches(self, title: &str) -> bool {
        let n = normalize(title);
        let words: &[&str] = match self {
            Self::AnnualGoals => &["annual goals", "goals"],
            Self::QuarterlyIntentions => &["quarterly intentions", "quarters", "quarterly goals"],
            Self::MonthlyMilestones => &["monthly milestones", "milestones"],
            Self::WeeklyActions => &["weekly actions", "actions", "this week"],
        };
        words
            .iter()
            .any(|w| n == *w || n.starts_with(&format!("{w} ")))
    }
}

/// The section of a part (the first whose title matches), if any.
pub fn part_section(sections: &[Section], part: Part) -> Option<&Section> {
    sections
        .iter()
        .filter(|s| s.level <= 3)
        .find(|s| part.matches(&s.title))
}

/// The period a subheading names by its first word (`2026-01 January`,
/// `2026-W03`), when it is of `kind`.
pub fn heading_period(title: &str, kind: PeriodKind) -> Option<Period> {
    let first = title
        .trim()
        .trim_start_matches(['*', '_'])
        .split(|c: char| c.is_whitespace() || c == '*' || c == '_' || c == ':')
        .next()?;
    Period::parse(first).ok().filter(|p| p.kind() == kind)
}

/// The goal ids an item's text is tagged with, in order, without repeats.
pub fn goal_tags(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let bytes = text.as_bytes();
    let mut push = |id: &str| {
        let id = id.to_ascii_uppercase();
        if !found.contains(&id) {
            found.push(id);
        }
    };
    for (at, _) in text.match_indices('#') {
        let before = at.checked_sub(1).and_then(|b| bytes.get(b));
        if before.is_some_and(|b| !b.is_ascii_whitespace() && *b != b'(') {
            continue;
        }
        let rest = text.get(at + 1..).unwrap_or("");
        let rest = rest
            .strip_prefix("goal/")
            .or_else(|| rest.strip_prefix("Goal/"))
            .unwrap_or(rest);
        if let Some(id) = goal_id_prefix(rest) {
            push(id);
        }
    }
    let mut from = 0;
    while let Some(at) = text[from..].find("[goal::") {
        let start = from + at + "[goal::".len();
        let inner = text[start..].split(']').next().unwrap_or("");
        for id in inner.split(',') {
            if let Some(id) = goal_id_prefix(id.trim()).filter(|id| id.len() == id.trim().len()) {
                push(id);
            }
        }
        from = start;
    }
    found
}

/// `G12` at the start of `text`, ending at a non-word character.
fn goal_id_prefix(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    if !matches!(bytes.first(), Some(b'G' | b'g')) {
        return None;
    }
    let digits = bytes
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = 1 + digits;
    let boundary = bytes
        .get(end)
        .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || *b == b'/'));
    text.get(..end).filter(|_| digits > 0 && boundary)
}

/// The item's text for people: goal tags and the carried count removed.
pub fn display_text(raw: &str) -> String {
    let (without_carried, _) = split_carried(raw);
    let mut out = String::with_capacity(without_carried.len());
    for word in without_carried.split(' ') {
        let tag = word
            .strip_prefix('#')
            .map(|w| w.strip_prefix("goal/").unwrap_or(w))
            .and_then(goal_id_prefix)
            .is_some_and(|id| word.ends_with(id));
        if tag || word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    strip_goal_fields(&out)
}

fn strip_goal_fields(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(at) = out.find("[goal::") {
        let end = out[at..].find(']').map_or(out.len(), |e| at + e + 1);
        out.replace_range(at..end, "");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell(table: &Table, row: usize, column: Option<usize>) -> String {
    column
        .and_then(|c| table.rows.get(row)?.cells.get(c))
        .map(|c| crate::edit::table::cell_text(&c.text))
        .unwrap_or_default()
}

fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table.header.cells.iter().position(|c| {
        let n = normalize(&c.text);
        names.iter().any(|name| n == *name || n.starts_with(name))
    })
}

fn first_table(text: &str, section: &Section) -> Option<Table> {
    tables_in(text, section.body_span).into_iter().next()
}

fn read_goals(text: &str, section: &Section) -> (Vec<GoalRow>, Option<Span>) {
    let Some(table) = first_table(text, section) else {
        return (Vec::new(), None);
    };
    let outcome = column(&table, &["outcome", "what"]);
    let metric = column(&table, &["success metric", "metric", "measure"]);
    let status = column(&table, &["status"]);
    let rows = (0..table.rows.len())
        .filter_map(|row| {
            let id = cell(&table, row, Some(0));
            let id = goal_id_prefix(id.trim().trim_matches(['*', '_', '`']))
                .map(str::to_ascii_uppercase)?;
            Some(GoalRow {
                id,
                outcome: cell(&table, row, outcome),
                metric: cell(&table, row, metric),
                status: GoalStatus::parse(&cell(&table, row, status)),
                row,
            })
        })
        .collect();
    (rows, Some(table.span))
}

fn read_quarters(text: &str, section: &Section) -> (Vec<QuarterRow>, Option<Span>) {
    let Some(table) = first_table(text, section) else {
        return (Vec::new(), None);
    };
    let intention = column(&table, &["intention", "theme"]);
    let focus = column(&table, &["focus", "priorities"]);
    let rows = (0..table.rows.len())
        .filter_map(|row| {
            let label = cell(&table, row, Some(0));
            let label = label.trim().trim_matches(['*', '_']);
            let quarter = label
                .strip_prefix(['Q', 'q'])
                .and_then(|q| q.get(..1))
                .and_then(|q| q.parse().ok())
                .filter(|q| (1..=4).contains(q))?;
            Some(QuarterRow {
                quarter,
                intention: strip_emphasis(&cell(&table, row, intention)),
                focus: cell(&table, row, focus),
                row,
            })
        })
        .collect();
    (rows, Some(table.span))
}

/// `*"Build the thesis"*` → `Build the thesis`: the seed writes intentions in
/// quoted italics; people want the words.
fn strip_emphasis(text: &str) -> String {
    text.trim()
        .trim_matches(['*', '_'])
        .trim_matches(['"', '“', '”'])
        .trim()
        .to_string()
}

fn read_items(text: &str, all: &[Section], part: &Section, kind: PeriodKind) -> Vec<Item> {
    let index_of = |s: &Section| all.iter().position(|o| o.heading_span == s.heading_span);
    let Some(part_index) = index_of(part) else {
        return Vec::new();
    };
    all.iter()
        .filter(|s| s.parent == Some(part_index))
        .filter_map(|s| Some((heading_period(&s.title, kind)?, s)))
        .flat_map(|(period, s)| {
            tasks_in(text, s.body_span)
                .into_iter()
                .filter(|t| !is_placeholder(t))
                .map(move |t| item(period, &t))
        })
        .collect()
}

fn is_placeholder(task: &Task) -> bool {
    task.text.trim().is_empty()
        || crate::note::placeholders::is_placeholder_line(&format!("- [ ] {}", task.text))
}

fn item(period: Period, task: &Task) -> Item {
    let (_, carried) = split_carried(&task.text);
    Item {
        period,
        line: task.line,
        text: display_text(&task.text),
        raw: task.text.clone(),
        goals: goal_tags(&task.text),
        carried,
        state: ItemState::of(task.status),
        status_span: task.status_span,
    }
}

/// Whether a note is a goals note, by its frontmatter `type`.
pub fn is_goals_note(text: &str) -> bool {
    frontmatter(text)
        .and_then(|f| f.get("type").map(|k| k.value.clone()))
        .is_some_and(|v| matches!(v, Value::Scalar(t) if t == "goals"))
}

/// Reads a goals note. Never fails: what is missing is empty.
pub fn read(text: &str) -> GoalsNote {
    let front = frontmatter(text);
    let scalar = |key: &str| {
        front
            .as_ref()
            .and_then(|f| f.get(key))
            .and_then(|k| match &k.value {
                Value::Scalar(s) if !s.is_empty() => Some(s.clone()),
                _ => None,
            })
    };
    let all = sections(text);
    let mut note = GoalsNote {
        year: scalar("year").and_then(|y| y.trim().parse().ok()),
        theme: scalar("theme"),
        ..GoalsNote::default()
    };
    if let Some(s) = part_section(&all, Part::AnnualGoals) {
        (note.goals, note.goals_table) = read_goals(text, s);
    }
    if let Some(s) = part_section(&all, Part::QuarterlyIntentions) {
        (note.quarters, note.quarters_table) = read_quarters(text, s);
    }
    if let Some(s) = part_section(&all, Part::MonthlyMilestones) {
        note.milestones = read_items(text, &all, s, PeriodKind::Month);
    }
    if let Some(s) = part_section(&all, Part::WeeklyActions) {
        note.actions = read_items(text, &all, s, PeriodKind::Week);
    }
    note
}

impl GoalsNote {
    /// The goal with this id (case-insensitive).
    pub fn goal(&self, id: &str) -> Option<&GoalRow> {
        self.goals
            .iter()
            .find(|g| g.id.eq_ignore_ascii_case(id.trim()))
    }

    /// The intention row of a quarter.
    pub fn quarter(&self, quarter: u32) -> Option<&QuarterRow> {
        self.quarters.iter().find(|q| q.quarter == quarter)
    }

    /// Milestones of one month.
    pub fn milestones_of(&self, month: Period) -> impl Iterator<Item = &Item> {
        self.milestones.iter().filter(move |m| m.period == month)
    }

    /// Actions of one ISO week.
    pub fn actions_of(&self, week: Period) -> impl Iterator<Item = &Item> {
        self.actions.iter().filter(move |a| a.period == week)
    }
}

/// Whether `day` is inside a goals note's year, given when it starts.
pub fn in_year(year: i32, day: Day, fiscal: crate::periods::FiscalYear) -> bool {
    Period::Year { year }.contains(day, fiscal)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "---\ntype: goals\nyear: 2026\ntheme: \"Year of visibility\"\n---\n# 2026 Goals\n\n## Annual Goals\n\n| Goal | Outcome | Success Metric | Status |\n|------|---------|----------------|--------|\n| **G1** | Visible | 3 talks | In progress |\n| G2 | Thesis | Paper | |\n\n## Quarterly Intentions\n\n| Quarter | Intention | Focus |\n|---|---|---|\n| Q1 | *\"Stabilize the transition\"* | Team |\n\n## Monthly Milestones\n\n### 2026-01 January\n\n- [x] Draft talk #goal/G1\n- [ ] Outline paper [goal:: G2] [carried:: 1]\n- [ ] \n\n### Notes\n\n- [ ] not a milestone #goal/G1\n\n## Weekly Actions\n\n### 2026-W03\n\n- [>] Email Ana #G1\n- [-] Dropped #goal/G2\n\n### 2026-W04\n\n- [ ] Email Ana #G1 [carried:: 1]\n\n```\n- [ ] in code #goal/G1\n```\n";

    #[test]
    fn reads_every_part_of_a_hand_edited_note() {
        let note = read(NOTE);
        assert_eq!(note.year, Some(2026));
        assert_eq!(note.theme.as_deref(), Some("Year of visibility"));
        assert_eq!(note.goals.len(), 2);
        assert_eq!(note.goals[0].id, "G1");
        assert_eq!(note.goals[0].status, GoalStatus::InProgress);
        assert_eq!(note.goals[1].status, GoalStatus::NotStarted);
        assert_eq!(
            note.quarter(1).unwrap().intention,
            "Stabilize the transition"
        );
        assert_eq!(
            note.milestones.len(),
            2,
            "placeholder and non-month checkboxes are skipped"
        );
        assert_eq!(note.milestones[0].state, ItemState::Done);
        assert_eq!(note.milestones[0].text, "Draft talk");
        assert_eq!(note.milestones[1].goals, ["G2"]);
        assert_eq!(note.milestones[1].carried, 1);
        assert_eq!(note.milestones[1].text, "Outline paper");
        assert_eq!(
            note.actions.len(),
            3,
            "the fenced checkbox is not an action"
        );
        assert_eq!(note.actions[0].state, ItemState::Forwarded);
        assert_eq!(note.actions[1].state, ItemState::Cancelled);
        assert_eq!(note.actions[2].period.to_string(), "2026-W04");
        assert_eq!(note.actions[2].goals, ["G1"]);
    }

    #[test]
    fn goal_tags_in_their_three_spellings() {
        assert_eq!(
            goal_tags("a #goal/G1 b #G2 [goal:: g3]"),
            ["G1", "G2", "G3"]
        );
        assert!(goal_tags("issue#G1 #G1x #Goals").is_empty());
        assert_eq!(display_text("Ship it #goal/G1 [carried:: 2]"), "Ship it");
        assert_eq!(display_text("Ship [goal:: G1] it"), "Ship it");
    }

    #[test]
    fn statuses_read_loosely() {
        assert_eq!(GoalStatus::parse("**Done**"), GoalStatus::Complete);
        assert_eq!(GoalStatus::parse("at-risk"), GoalStatus::AtRisk);
        assert_eq!(
            GoalStatus::parse("Paused"),
            GoalStatus::Other("Paused".into())
        );
        assert!(GoalStatus::choice("paused").is_none());
    }

    #[test]
    fn nothing_in_an_unrelated_note() {
        let note = read("# Shopping\n\n- [ ] milk\n");
        assert!(note.goals.is_empty() && note.milestones.is_empty() && note.actions.is_empty());
        assert!(!is_goals_note("# Shopping\n"));
        assert!(is_goals_note(NOTE));
    }
}
