//! The annual review's body: the year as a coach would review it.
//!
//! In order: the year's Success Criteria (each met, not checked off with
//! the evidence found, or not met), each goal's outcome, metric, status and
//! items done, the year's wins (completed goals with their metrics, done
//! milestones, and the lines of the Career Index's Wins section that belong
//! to this year only), the Career Index section by section with a one-line
//! state (filled, stale since a date, empty), the blind spots, and next
//! year's theme.
//!
//! Everything is read: a criterion counts as met when it is ticked in the
//! index (`- [x]`); otherwise the done milestones and Complete goals that
//! share a significant word with it are shown as evidence for the person to
//! judge, never as a verdict.

use crate::blindspots::{analyze, Severity};
use crate::coach::writers::find_kind;
use crate::goals::model::{GoalStatus, ItemState};
use crate::goals::progress::progress;
use crate::goals::template::context;
use crate::note::lines::lines_in;
use crate::note::outline::sections;
use crate::note::placeholders::{is_placeholder_line, is_placeholder_only};
use crate::periods::Period;
use crate::reviews::render::{goals_suffix, Context};

/// Words too common to tie a criterion to a milestone.
const COMMON: [&str; 12] = [
    "about", "after", "again", "being", "every", "first", "other", "their", "there", "these",
    "which", "would",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 5 && !COMMON.contains(&w.as_str()))
        .collect()
}

fn shares_a_word(a: &str, b: &str) -> bool {
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
}

/// Whether the index ticks `criterion` off (`- [x] criterion`).
fn ticked(index: &str, criterion: &str) -> bool {
    index.lines().any(|l| {
        let t = l
            .trim_start()
            .trim_start_matches(['-', '*', '+'])
            .trim_start();
        (t.starts_with("[x]") || t.starts_with("[X]"))
            && t.get(3..).is_some_and(|r| r.trim() == criterion)
    })
}

/// The years (standalone four-digit numbers from 1900 to 2199) `text` mentions.
fn years_in(text: &str) -> Vec<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..2200).contains(y))
        .collect()
}

/// The newest `YYYY-MM-DD` or `YYYY-MM` in `text`, as written.
fn newest_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let mut found: Vec<String> = Vec::new();
    for i in 0..bytes.len() {
        let starts_word = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_digit());
        if starts_word && digits(i, 4) && bytes.get(i + 4) == Some(&b'-') && digits(i + 5, 2) {
            let day = bytes.get(i + 7) == Some(&b'-') && digits(i + 8, 2);
            let len = if day { 10 } else { 7 };
            if bytes.get(i + len).is_none_or(|b| !b.is_ascii_digit()) {
                if let Some(date) = text.get(i..i + len) {
                    found.push(date.to_string());
                }
            }
        }
    }
    found.into_iter().max()
}

pub(crate) fn annual(ctx: &Context<'_>, h: &str, out: &mut String) {
    let year = match ctx.period {
        Period::Year { year } => year,
        other => other.year(),
    };
    let first_day = ctx.period.first_day(ctx.fiscal).iso();
    let goals_link = |section: &str| {
        ctx.links
            .link(&ctx.goals_name, Some(section), Some(section))
    };
    let done_milestones: Vec<_> = ctx
        .goals
        .milestones
        .iter()
        .filter(|m| m.state == ItemState::Done && m.period.within(ctx.period, ctx.fiscal))
        .collect();
    let complete: Vec<_> = ctx
        .goals
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Complete)
        .collect();

    // Success criteria.
    out.push_str(&format!("{h} Success criteria\n\n"));
    let criteria = ctx
        .index_text
        .map(|index| context(index, year).success_criteria)
        .unwrap_or_default();
    if criteria.is_empty() {
        out.push_str(&format!(
            "No success criteria for {year} in {}: next year, write two or three under its theme.\n\n",
            ctx.links.link(&ctx.index_name, None, None)
        ));
    }
    for criterion in &criteria {
        let mut evidence: Vec<String> = complete
            .iter()
            .filter(|g| shares_a_word(criterion, &format!("{} {}", g.outcome, g.metric)))
            .map(|g| format!("{} complete ({})", g.id, goals_link("Annual Goals")))
            .collect();
        evidence.extend(
            done_milestones
                .iter()
                .filter(|m| shares_a_word(criterion, &m.text))
                .map(|m| {
                    format!(
                        "\"{}\" done in {} ({})",
                        m.text,
                        m.period,
                        goals_link("Monthly Milestones")
                    )
                }),
        );
        let index = ctx.index_text.unwrap_or("");
        let state = if ticked(index, criterion) {
            "Met"
        } else if evidence.is_empty() {
            "Not met"
        } else {
            "Not checked off"
        };
        out.push_str(&format!("- **{state}** — {criterion}"));
        if !evidence.is_empty() {
            out.push_str(&format!(" — evidence: {}", evidence.join("; ")));
        }
        out.push('\n');
    }
    if !criteria.is_empty() {
        out.push('\n');
    }

    // Each goal's outcome and status.
    if !ctx.goals.goals.is_empty() {
        let p = progress(ctx.goals, ctx.fiscal, ctx.today);
        out.push_str(&format!(
            "{h} Goals: outcome and status\n\n| Goal | Outcome | Success metric | Status | Items done |\n|---|---|---|---|---|\n"
        ));
        for g in &p.goals {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {}/{} ({}%) |\n",
                g.id,
                g.outcome.replace('|', "\\|"),
                g.metric.replace('|', "\\|"),
                g.status.label().replace('|', "\\|"),
                g.tally.done,
                g.tally.total,
                g.tally.percent
            ));
        }
        out.push_str(&format!(
            "\nOverall: {}/{} items done ({}%): a goal's items count as done once it is Complete.\n\n",
            p.overall.done, p.overall.total, p.overall.percent
        ));
    }

    // Wins: this year's only.
    out.push_str(&format!("{h} Wins of {year}\n\n"));
    let mut wins = Vec::new();
    for g in &complete {
        let metric = if g.metric.is_empty() {
            String::new()
        } else {
            format!(" (metric: {})", g.metric)
        };
        wins.push(format!(
            "- **Goal {} complete** — {}{metric}",
            g.id, g.outcome
        ));
    }
    for m in &done_milestones {
        wins.push(format!(
            "- **Milestone done** ({}) — {}{}",
            m.period,
            m.text,
            goals_suffix(&m.goals)
        ));
    }
    if let Some(index) = ctx.index_text {
        if let Some(section) = find_kind(index, "wins") {
            let mut heading_year: Option<bool> = None;
            for line in lines_in(index, section.body_span) {
                let t = line.content.trim();
                if t.starts_with('#') {
                    // A `### 2026` subheading dates the lines under it.
                    let years = years_in(t);
                    heading_year = (!years.is_empty()).then(|| years.contains(&year));
                    continue;
                }
                if t.is_empty()
                    || is_placeholder_line(t)
                    || t.starts_with("|-")
                    || t.starts_with("| -")
                {
                    continue;
                }
                let years = years_in(t);
                let this_year = if years.is_empty() {
                    heading_year.unwrap_or(false)
                } else {
                    years.contains(&year)
                };
                if !this_year {
                    continue;
                }
                let text = if t.starts_with('|') {
                    t.trim_matches('|')
                        .split('|')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(" — ")
                } else {
                    t.trim_start_matches(['-', '*', '+']).trim().to_string()
                };
                wins.push(format!("- {text}"));
            }
        }
    }
    if wins.is_empty() {
        out.push_str(&format!("- None recorded for {year} yet.\n"));
    }
    for w in wins {
        out.push_str(&w);
        out.push('\n');
    }
    out.push('\n');

    // The Career Index, section by section.
    out.push_str(&format!("{h} Career Index review\n\n"));
    match ctx.index_text {
        None => out.push_str(&format!(
            "{} does not exist yet.\n\n",
            ctx.links.link(&ctx.index_name, None, None)
        )),
        Some(index) => {
            let all = sections(index);
            let top = all
                .iter()
                .map(|s| s.level)
                .filter(|&l| l >= 2)
                .min()
                .unwrap_or(2);
            for s in all.iter().filter(|s| s.level == top) {
                let link = ctx
                    .links
                    .link(&ctx.index_name, Some(&s.title), Some(&s.title));
                let body = s.body_span.of(index);
                let state = if is_placeholder_only(index, s.body_span) {
                    "**Empty** — worth a coaching session".to_string()
                } else {
                    match newest_date(body) {
                        Some(date) if date.as_str() < first_day.as_str() => {
                            format!("**Stale since {date}** — nothing dated this year")
                        }
                        Some(date) => format!("**Filled** — last dated {date}"),
                        None => "**Filled** — no dates to tell how current it is".to_string(),
                    }
                };
                out.push_str(&format!("- {link}: {state}\n"));
            }
            out.push('\n');
            let findings = analyze(index, ctx.goals_text, ctx.logs, ctx.today);
            out.push_str(&format!("{h} Blind spots\n\n"));
            if findings.is_empty() {
                out.push_str("No blind spots found.\n\n");
            }
            for f in &findings {
                let severity = match f.severity {
                    Severity::High => "High",
                    Severity::Medium => "Medium",
                    Severity::Low => "Low",
                };
                out.push_str(&format!(
                    "- **{severity}** — {}: {}\n  Ask: {}\n",
                    f.section, f.evidence, f.question
                ));
            }
            if !findings.is_empty() {
                out.push('\n');
            }
        }
    }

    // The year in pictures: `career-chart` blocks, drawn live by the plugin
    // (`career chart KIND --year YEAR` in a terminal); plain code blocks elsewhere.
    out.push_str(&format!("{h} The year in pictures\n\n"));
    for kind in [
        "progress", "streak", "timeline", "skills", "network", "risks",
    ] {
        out.push_str(&format!(
            "```career-chart\nkind: {kind}\nyear: {year}\n```\n\n"
        ));
    }
    out.push_str(&format!("{h} Next year's theme\n\n"));
    match &ctx.next_theme {
        Some(theme) => out.push_str(&format!(
            "> **\"{theme}\"**\n\nRecorded as `next_theme` in this note's properties: `career goals new --year {}` (or Create goals note) starts the next cascade from it.\n\n",
            year + 1
        )),
        None => out.push_str("*Not set yet.* Add `next_theme` to this note's properties when you know it.\n\n"),
    }
}
