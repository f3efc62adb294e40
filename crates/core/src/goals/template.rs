//! Writing a new goals note, and tying it to the Career Index.
//!
//! [`render`] turns a complete [`GoalsInput`] (from the interview, the CLI's
//! flags or the plugin's form) into the whole note, after checking what a
//! person could get wrong: no goal, more than three, a milestone outside the
//! planning year or serving a goal that does not exist. [`context`] reads
//! what the cascade starts from (north star, theme, success criteria) out of
//! the Career Index, forgiving hand edits. [`link_back`] adds the index's
//! `**→ [[2026 Goals]]** — Full cascade` line when the index has no link to
//! the goals note yet.

use serde::{Deserialize, Serialize};

use crate::dates::Day;
use crate::edit::lines::one_line;
use crate::edit::section::{append, insert, AppendAt, InsertAt};
use crate::edit::table::cell_text;
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::lines::lines_in;
use crate::note::links::links;
use crate::note::outline::{sections, Section};
use crate::note::placeholders::is_placeholder_line;
use crate::note::readers;
use crate::periods::{month_name, FiscalYear, Period};
use crate::templates::links::LinkFormat;

/// The most annual goals a note holds: the method asks for 2–3 outcomes.
pub const MAX_GOALS: usize = 3;

/// The seed's example intentions, one per quarter.
pub const QUARTER_HINTS: [&str; 4] = [
    "Stabilize the transition",
    "Build the thesis",
    "Go external",
    "Deliver and reflect",
];

/// The method's weekly review questions, written into every goals note.
pub const WEEKLY_QUESTIONS: [&str; 4] = [
    "What's the ONE thing this week that moves me toward my goals?",
    "Am I on track for this month's milestones?",
    "What's blocking me? Who can help?",
    "Am I protecting time for what matters?",
];

/// Everything a new goals note says.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GoalsInput {
    /// The planning (fiscal) year.
    pub year: i32,
    /// The year's theme, without quotes.
    pub theme: String,
    /// The north star sentence.
    pub vision: String,
    /// One to three annual goals; the first is `G1`.
    pub goals: Vec<GoalDraft>,
    /// Quarter intentions (any of the four; missing ones are left blank).
    pub quarters: Vec<QuarterDraft>,
    /// Monthly milestones.
    pub milestones: Vec<MilestoneDraft>,
}

/// One annual goal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GoalDraft {
    /// What will be achieved.
    pub outcome: String,
    /// How it is measured.
    pub metric: String,
}

/// One quarter's intention.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QuarterDraft {
    /// 1–4 (fiscal quarters).
    pub quarter: u32,
    /// What the quarter is about.
    pub intention: String,
    /// Its specific priorities.
    pub focus: String,
}

/// One monthly milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneDraft {
    /// The month (`2026-03`).
    pub month: Period,
    /// The checkpoint.
    pub text: String,
    /// The goal it serves (`G1`); empty for none.
    #[serde(default)]
    pub goal: String,
}

/// What the cascade starts from, read from the Career Index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CascadeContext {
    /// The north star sentence, when filled in.
    pub vision: Option<String>,
    /// The year's theme (quotes and emphasis removed), when filled in.
    pub theme: Option<String>,
    /// The year's success criteria, as written.
    pub success_criteria: Vec<String>,
    /// The title of the index's theme section for the year, when it has one.
    pub theme_section: Option<String>,
    /// Whether `theme` is the one last year's annual review chose (the index has none).
    #[serde(default)]
    pub theme_from_review: bool,
}

fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::new(ErrorCode::InvalidInput, message)
}

/// `G2` for the second goal.
pub fn goal_id(index: usize) -> String {
    format!("G{}", index + 1)
}

/// The years a goals note can be for: four digits, as period labels are.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9998;

/// Refuses a planning year that cannot be written as a four-digit label.
pub fn check_year(year: i32) -> CoreResult<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(invalid(format!(
            "{year} is not a planning year: use a four-digit year like 2026."
        )))
    }
}

/// The `note_missing` error when a planning year has no goals note yet (as
/// on 2027-01-01, before anyone planned 2027): it names both ways forward,
/// planning the year or acting on the previous year's note (`previous`, its
/// path, when it exists).
pub fn missing_note(year: i32, path: &str, previous: Option<&str>) -> CoreError {
    let plan = format!("plan {year} with `career goals new --year {year}`");
    let message = match previous {
        Some(before) => format!(
            "{path} does not exist: {year} has no goals note yet. Either {plan}, or add `--year {}` to act on {before}.",
            year - 1
        ),
        None => format!(
            "{path} does not exist: {year} has no goals note yet. Either {plan}, or add `--year YEAR` for another year's note."
        ),
    };
    CoreError::new(crate::error::ErrorCode::NoteMissing, message)
}

/// Checks a goals input: the year, 1–3 goals with outcomes, quarters 1–4
/// once each, milestones inside the (fiscal) year serving existing goals.
pub fn validate(input: &GoalsInput, fiscal: FiscalYear) -> CoreResult<()> {
    check_year(input.year)?;
    if input.goals.is_empty() {
        return Err(invalid(
            "A goals note needs at least one annual goal (outcome and success metric).",
        ));
    }
    if input.goals.len() > MAX_GOALS {
        return Err(invalid(format!(
            "{} goals were given; a year holds at most {MAX_GOALS}. Keep the ones that serve the theme and drop the rest.",
            input.goals.len()
        )));
    }
    for (i, goal) in input.goals.iter().enumerate() {
        if goal.outcome.trim().is_empty() {
            return Err(invalid(format!("{} has no outcome.", goal_id(i))));
        }
    }
    for (i, q) in input.quarters.iter().enumerate() {
        if !(1..=4).contains(&q.quarter) {
            return Err(invalid(format!(
                "Q{} is not a quarter: use Q1 to Q4.",
                q.quarter
            )));
        }
        if input
            .quarters
            .iter()
            .take(i)
            .any(|o| o.quarter == q.quarter)
        {
            return Err(invalid(format!("Q{} is given twice.", q.quarter)));
        }
    }
    let months = Period::Year { year: input.year }.months(fiscal);
    for m in &input.milestones {
        if !months.contains(&m.month) {
            let first = months.first().map(ToString::to_string).unwrap_or_default();
            let last = months.last().map(ToString::to_string).unwrap_or_default();
            return Err(invalid(format!(
                "The milestone \"{}\" is in {}, outside the {} planning year ({first} to {last}).",
                m.text.trim(),
                m.month,
                input.year
            )));
        }
        if m.text.trim().is_empty() {
            return Err(invalid(format!("A milestone in {} has no text.", m.month)));
        }
        let goal = m.goal.trim();
        if !goal.is_empty()
            && !(0..input.goals.len()).any(|i| goal_id(i).eq_ignore_ascii_case(goal))
        {
            return Err(CoreError::new(
                ErrorCode::GoalNotFound,
                format!(
                    "The milestone \"{}\" serves {goal}, but the goals are {}.",
                    m.text.trim(),
                    (0..input.goals.len())
                        .map(goal_id)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// `Q1 (Jan–Mar)`: the quarter with its months, so a fiscal year reads right.
pub fn quarter_label(year: i32, quarter: u32, fiscal: FiscalYear) -> String {
    let months = Period::Quarter { year, quarter }.months(fiscal);
    let short = |p: Option<&Period>| match p {
        Some(Period::Month { month, .. }) => month_name(*month).get(..3).unwrap_or(""),
        _ => "",
    };
    format!(
        "Q{quarter} ({}–{})",
        short(months.first()),
        short(months.last())
    )
}

fn row(cells: &[&str]) -> String {
    let inner: Vec<String> = cells
        .iter()
        .map(|c| match cell_text(&one_line(c)) {
            t if t.is_empty() => " ".to_string(),
            t => format!(" {t} "),
        })
        .collect();
    format!("|{}|", inner.join("|"))
}

/// Renders a new goals note.
pub fn render(
    input: &GoalsInput,
    index_name: &str,
    links: LinkFormat,
    fiscal: FiscalYear,
    today: Day,
) -> CoreResult<String> {
    validate(input, fiscal)?;
    let year = input.year;
    let theme = one_line(&input.theme);
    let vision = one_line(&input.vision);
    let theme_heading = format!("{year} Theme");
    let vision_link = links.link(index_name, Some("Vision"), Some("Vision"));
    let theme_link = links.link(index_name, Some(&theme_heading), Some(&theme_heading));
    let mut out = vec![
        "---".to_string(),
        "type: goals".into(),
        format!("year: {year}"),
        format!("theme: {}", quoted(&theme)),
        format!("created: {}", today.iso()),
        "tags:".into(),
        "  - career/goals".into(),
        "---".into(),
        format!("# {year} Goals"),
        String::new(),
        // Two list items, not two lines of one paragraph, which reading view would join.
        if vision.is_empty() {
            format!("- **Vision:** {vision_link}")
        } else {
            format!("- **Vision:** {vision} — {vision_link}")
        },
        if theme.is_empty() {
            format!("- **Theme:** {theme_link}")
        } else {
            format!("- **Theme:** \"{theme}\" — {theme_link}")
        },
        String::new(),
        "## Annual Goals".into(),
        String::new(),
        "| Goal | Outcome | Success Metric | Status |".into(),
        "|------|---------|----------------|--------|".into(),
    ];
    for (i, g) in input.goals.iter().enumerate() {
        out.push(row(&[&goal_id(i), &g.outcome, &g.metric, "Not started"]));
    }
    out.extend([
        String::new(),
        "## Quarterly Intentions".into(),
        String::new(),
        "| Quarter | Intention | Focus |".into(),
        "|---------|-----------|-------|".into(),
    ]);
    for quarter in 1..=4 {
        let q = input.quarters.iter().find(|q| q.quarter == quarter);
        out.push(row(&[
            &quarter_label(year, quarter, fiscal),
            q.map_or("", |q| q.intention.as_str()),
            q.map_or("", |q| q.focus.as_str()),
        ]));
    }
    out.extend([String::new(), "## Monthly Milestones".into()]);
    for month in (Period::Year { year }).months(fiscal) {
        let items: Vec<&MilestoneDraft> = input
            .milestones
            .iter()
            .filter(|m| m.month == month)
            .collect();
        // Every month gets its heading, so a milestone added later has its place.
        out.extend([String::new(), format!("### {}", month.title())]);
        if !items.is_empty() {
            out.push(String::new());
        }
        for m in items {
            let goal = m.goal.trim().to_ascii_uppercase();
            let tag = if goal.is_empty() {
                String::new()
            } else {
                format!(" #goal/{goal}")
            };
            out.push(format!("- [ ] {}{tag}", one_line(&m.text)));
        }
    }
    out.extend([
        String::new(),
        "## Weekly Actions".into(),
        String::new(),
        "## Weekly Review Questions".into(),
        String::new(),
    ]);
    for (i, q) in WEEKLY_QUESTIONS.iter().enumerate() {
        out.push(format!("{}. {q}", i + 1));
    }
    out.extend([
        String::new(),
        "## Progress Tracker".into(),
        String::new(),
        "```career-progress".into(),
        "```".into(),
        String::new(),
        "```career-chart".into(),
        "kind: progress".into(),
        format!("year: {year}"),
        "```".into(),
        String::new(),
        "The blocks above show live progress in Obsidian with Career Coach (a table, then bars and a burn-up of the weekly actions); in a terminal, run `career goals progress` or `career chart progress`.".into(),
    ]);
    Ok(out.join("\n") + "\n")
}

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The index's theme section for `year`: a title naming the year and
/// "theme" (`2026 Theme`, `Theme for 2026`), else a theme section naming no
/// year at all (`Annual Theme`). A theme of another year never matches.
pub fn theme_section(all: &[Section], year: i32) -> Option<&Section> {
    let year_text = year.to_string();
    let is_theme = |s: &&Section| normalize(&s.title).split(' ').any(|w| w == "theme");
    let years_in = |s: &Section| {
        normalize(&s.title)
            .split(' ')
            .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    all.iter()
        .filter(is_theme)
        .find(|s| years_in(s).contains(&year_text))
        .or_else(|| {
            all.iter()
                .filter(is_theme)
                .find(|s| s.level <= 2 && years_in(s).is_empty())
        })
}

/// Drops quote markers, emphasis and quotation marks around a value.
fn bare(text: &str) -> String {
    let mut t = text.trim();
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    t.trim_matches(|c: char| matches!(c, '*' | '_' | '"' | '“' | '”' | '\'') || c.is_whitespace())
        .to_string()
}

/// Reads the north star, the theme and the success criteria for `year`.
///
/// Sections are found under any of their names ([`crate::note::aliases`]).
/// The vision is its `North Star:` line, else the first thing the Vision
/// section says; the theme is the first line of its section, else what the
/// heading says after `:` (`## 2026 Theme: Build in public`); the criteria
/// are the lines (bullets and checklist items as written) of the Success
/// Criteria section under the theme, else anywhere.
pub fn context(index_text: &str, year: i32) -> CascadeContext {
    let all = sections(index_text);
    let mut out = CascadeContext {
        vision: vision(index_text),
        ..CascadeContext::default()
    };
    if let Some(theme) = theme_section(&all, year) {
        out.theme_section = Some(theme.title.clone());
        out.theme = lines_in(index_text, theme.own_span())
            .map(|l| l.content.trim())
            .filter(|l| !l.is_empty() && !is_placeholder_line(l))
            .filter(|l| !l.starts_with("**→") && !l.starts_with('→') && !l.contains("[["))
            .map(bare)
            .find(|l| !l.is_empty())
            .or_else(|| {
                let (_, named) = theme.title.split_once([':', '—', '–'])?;
                let named = bare(named);
                (!named.is_empty()).then_some(named)
            });
        let criteria = readers::sections_of(index_text, "success_criteria");
        let criteria = criteria
            .iter()
            .find(|s| theme.body_span.contains(s.heading_span))
            .or_else(|| criteria.first());
        if let Some(criteria) = criteria {
            out.success_criteria = criterion_lines(index_text, criteria);
        }
    }
    out
}

/// The north star: the Vision section's `North Star:` line, else the first
/// thing its own text says (not its subsections, which hold the picture).
fn vision(index_text: &str) -> Option<String> {
    let section = readers::section(index_text, "vision");
    let span = section
        .as_ref()
        .map_or(crate::span::Span::new(0, index_text.len()), |s| s.body_span);
    let labelled = lines_in(index_text, span)
        .map(|l| l.content)
        .find(|l| normalize(l).contains("north star"))
        .and_then(|l| {
            let lower = l.to_lowercase();
            let at = lower.find("north star")?;
            let rest = l.get(at..)?;
            let value = rest.split_once(':').map_or("", |(_, v)| v);
            let value = bare(value);
            (!value.is_empty() && !is_placeholder_line(&value)).then_some(value)
        });
    labelled.or_else(|| {
        let own = section.as_ref()?.own_span();
        lines_in(index_text, own)
            .map(|l| l.content.trim())
            .filter(|l| !l.is_empty() && !is_placeholder_line(l))
            .filter(|l| !l.starts_with('|') && !l.starts_with("```") && !l.starts_with("<!--"))
            .map(|l| bare(l.trim_start_matches(['-', '*', '+']).trim_start()))
            .find(|l| !l.is_empty() && !normalize(l).contains("north star"))
    })
}

fn criterion_lines(text: &str, section: &Section) -> Vec<String> {
    lines_in(text, section.own_span())
        .map(|l| l.content.trim())
        .filter(|l| !l.is_empty() && !is_placeholder_line(l))
        .map(|l| {
            let l = l.trim_start_matches(['-', '*', '+']).trim_start();
            let l = l
                .strip_prefix("[ ]")
                .or_else(|| l.strip_prefix("[x]"))
                .or_else(|| l.strip_prefix("[X]"))
                .unwrap_or(l);
            l.trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a link target (`2026 Goals`, `Career/2026 Goals.md`) names the note.
fn names(target: &str, goals_name: &str) -> bool {
    let file = target.rsplit('/').next().unwrap_or(target);
    let file = file.strip_suffix(".md").unwrap_or(file);
    file.trim().eq_ignore_ascii_case(goals_name.trim())
}

/// Adds `**→ [[2026 Goals]]** — Full cascade` to the index's theme section for
/// `year`, unless that section already links to the goals note (then: no
/// edits).
///
/// An index without a theme section for the year gets one (`## 2026 Theme`,
/// holding just the link) after its Vision section, or at the end: the goals
/// note is new and the index should lead to it, and inserting only adds
/// bytes, so nothing the person wrote changes.
pub fn link_back(
    index_text: &str,
    year: i32,
    goals_name: &str,
    links_format: LinkFormat,
) -> CoreResult<Vec<TextEdit>> {
    link_back_themed(index_text, year, goals_name, links_format, "")
}

/// [`link_back`], writing the year's `theme` into a theme section it creates
/// (the theme last year's annual review chose, so `## 2027 Theme` is never
/// created empty); an existing section is only linked.
pub fn link_back_themed(
    index_text: &str,
    year: i32,
    goals_name: &str,
    links_format: LinkFormat,
    theme_text: &str,
) -> CoreResult<Vec<TextEdit>> {
    let all = sections(index_text);
    let line = format!(
        "**→ {}** — Full cascade",
        links_format.link(goals_name, None, None)
    );
    let Some(theme) = theme_section(&all, year) else {
        let vision = all
            .iter()
            .find(|s| s.level == 2 && normalize(&s.title) == "vision");
        let at = vision.map_or(InsertAt::End, InsertAt::After);
        let said = one_line(theme_text);
        let said = said.trim().trim_matches('"');
        let body = if said.is_empty() {
            line
        } else {
            format!("> **\"{said}\"**\n\n{line}")
        };
        return Ok(vec![insert(
            index_text,
            at,
            2,
            &format!("{year} Theme"),
            &body,
        )]);
    };
    let linked = links(index_text)
        .iter()
        .any(|l| theme.body_span.contains(l.span) && names(&l.target, goals_name));
    if linked {
        return Ok(Vec::new());
    }
    Ok(
        append(index_text, theme, &line, AppendAt::BeforeSubsections)
            .into_iter()
            .collect(),
    )
}
