//! Periodic Notes interop: the review as a `## Career review` section of the
//! user's own weekly/monthly/quarterly/yearly note.
//!
//! Periodic Notes names notes with moment.js formats. [`periodic_note_name`]
//! supports the tokens its defaults and common variants use (`YYYY`, `YY`,
//! `gggg`, `GGGG`, `ww`, `w`, `WW`, `W`, `MM`, `M`, `MMM`, `MMMM`, `Q` and
//! `[literal]` text; other characters such as `-` and `/` are kept) and
//! refuses any other token rather than guessing. Weeks are ISO weeks, so
//! `gggg`/`ww` are read as `GGGG`/`WW` (Career Coach plans in ISO weeks). A
//! period is formatted by its first day, as Periodic Notes does.
//!
//! Writing into the note is lossless: two frontmatter properties
//! (`career_review`, `career_period`) merged into its block (or a new block),
//! and one section appended at its end; every other byte stays.

use crate::edit::frontmatter::{set_scalar, yaml_scalar};
use crate::edit::lines::insert_lines;
use crate::edit::section::{insert, InsertAt};
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::frontmatter::{content_start, frontmatter, starts_with_delimiter};
use crate::note::outline::sections;
use crate::periods::{month_name, FiscalYear, Period, PeriodKind};
use crate::reviews::due::review_type;

/// The heading of the section a review adds to a periodic note.
pub const SECTION: &str = "Career review";

/// Periodic Notes' default format for a kind of period.
pub fn default_format(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Week => "gggg-[W]ww",
        PeriodKind::Month => "YYYY-MM",
        PeriodKind::Quarter => "YYYY-[Q]Q",
        PeriodKind::Year => "YYYY",
    }
}

/// The periodic note's path (without `.md`) for `period`, from its moment.js
/// format, with calendar quarters and years.
pub fn periodic_note_name(period: Period, moment_format: &str) -> CoreResult<String> {
    periodic_note_name_in(period, FiscalYear::default(), moment_format)
}

/// [`periodic_note_name`] with a fiscal year placing quarters and years.
pub fn periodic_note_name_in(
    period: Period,
    fiscal: FiscalYear,
    moment_format: &str,
) -> CoreResult<String> {
    let format = if moment_format.trim().is_empty() {
        default_format(period.kind())
    } else {
        moment_format.trim()
    };
    let day = period.first_day(fiscal);
    let (week_year, week) = day.iso_week();
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '[' {
            let mut closed = false;
            for l in chars.by_ref() {
                if l == ']' {
                    closed = true;
                    break;
                }
                out.push(l);
            }
            if !closed {
                return Err(refuse(format, "has a [ without its ]"));
            }
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            continue;
        }
        let mut count = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            count += 1;
        }
        let text = match (c, count) {
            ('Y', 4) => format!("{:04}", day.year()),
            ('Y', 2) => format!("{:02}", day.year().rem_euclid(100)),
            ('g' | 'G', 4) => format!("{week_year:04}"),
            ('w' | 'W', 2) => format!("{week:02}"),
            ('w' | 'W', 1) => week.to_string(),
            ('M', 4) => month_name(day.month()).to_string(),
            ('M', 3) => month_name(day.month()).chars().take(3).collect(),
            ('M', 2) => format!("{:02}", day.month()),
            ('M', 1) => day.month().to_string(),
            ('Q', 1) => ((day.month() - 1) / 3 + 1).to_string(),
            _ => {
                let token: String = std::iter::repeat_n(c, count).collect();
                return Err(refuse(
                    format,
                    &format!("uses the token {token}, which Career Coach does not support (use YYYY, YY, gggg, GGGG, ww, w, WW, W, MM, M, MMM, MMMM, Q or [text])"),
                ));
            }
        };
        out.push_str(&text);
    }
    Ok(out)
}

fn refuse(format: &str, why: &str) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidSettings,
        format!("The Periodic Notes format \"{format}\" {why}."),
    )
}

/// The edits that put a review into an existing periodic note: the
/// frontmatter properties and a `## Career review` section at the end.
/// `body` is the review's content with its own headings at level 3. `lists`
/// are the list properties a catch-up records (`career_covers`,
/// `career_skipped`, `career_kept`), so what is due reads a periodic review
/// exactly as it reads a review note; empty lists are left out, and a key the
/// person already has is left as it is.
pub fn append_review(
    text: &str,
    period: Period,
    body: &str,
    lists: &[(&str, Vec<String>)],
) -> CoreResult<Vec<TextEdit>> {
    let already = sections(text)
        .iter()
        .any(|s| normalize(&s.title) == normalize(SECTION));
    if already {
        return Err(CoreError::new(
            ErrorCode::NoteExists,
            format!("The periodic note already has a \"{SECTION}\" section; nothing was written."),
        ));
    }
    let kind = review_type(period.kind());
    let label = period.to_string();
    let existing = frontmatter(text);
    let mut list_lines = Vec::new();
    for (key, values) in lists {
        let taken = existing.as_ref().is_some_and(|f| f.get(key).is_some());
        if values.is_empty() || taken {
            continue;
        }
        list_lines.push(format!("{key}:"));
        list_lines.extend(values.iter().map(|v| format!("  - {}", yaml_scalar(v))));
    }
    let mut edits = match &existing {
        None if !starts_with_delimiter(text) => {
            let mut lines = vec![
                "---".to_string(),
                format!("career_review: {}", yaml_scalar(kind)),
                format!("career_period: {}", yaml_scalar(&label)),
            ];
            lines.extend(list_lines);
            lines.push("---".to_string());
            vec![insert_lines(text, content_start(text), &lines)]
        }
        _ => {
            let mut edits = set_scalar(text, "career_review", kind)?;
            edits.extend(set_scalar(text, "career_period", &label)?);
            if let (Some(front), false) = (&existing, list_lines.is_empty()) {
                edits.push(insert_lines(text, front.inner.end, &list_lines));
            }
            edits
        }
    };
    edits.push(insert(text, InsertAt::End, 2, SECTION, body));
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(period: &str, format: &str) -> CoreResult<String> {
        periodic_note_name(Period::parse(period).unwrap(), format)
    }

    #[test]
    fn formats_the_periodic_notes_defaults_and_variants() {
        assert_eq!(name("2026-W03", "").unwrap(), "2026-W03");
        assert_eq!(name("2026-W03", "gggg-[W]ww").unwrap(), "2026-W03");
        assert_eq!(name("2026-W53", "GGGG-[W]WW").unwrap(), "2026-W53");
        assert_eq!(name("2027-W01", "[Week] W, GGGG").unwrap(), "Week 1, 2027");
        assert_eq!(name("2026-01", "YYYY-MM").unwrap(), "2026-01");
        assert_eq!(
            name("2026-02", "YYYY/MMMM (MMM, M) YY").unwrap(),
            "2026/February (Feb, 2) 26"
        );
        assert_eq!(name("2026-Q3", "YYYY-[Q]Q").unwrap(), "2026-Q3");
        assert_eq!(name("2026", "YYYY").unwrap(), "2026");
    }

    #[test]
    fn refuses_tokens_it_does_not_know() {
        for bad in ["YYYY-MM-DD", "dddd", "YYY", "YYYY-[Q"] {
            let err = name("2026-01", bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidSettings, "{bad}");
            assert!(err.message.contains(bad), "{}", err.message);
        }
    }
}
