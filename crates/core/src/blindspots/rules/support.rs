//! What every rule shares: the index as the rules see it (sections by
//! their canonical kind, filled table rows, content lines), the finding
//! builder, and the tests of evidence (is a text quantified, who is the
//! employer, does a text mention it).

use super::super::{Finding, FindingAction, Severity};
use crate::coach::questions::for_section;
use crate::coach::writers::find_kind;
use crate::note::lines::lines_in;
use crate::note::outline::Section;
use crate::note::placeholders::{is_placeholder_line, is_placeholder_only};
use crate::note::tables::{tables_in, Table};

pub(super) struct Index<'a> {
    pub(super) text: &'a str,
}

impl Index<'_> {
    pub(super) fn section(&self, kind: &str) -> Option<Section> {
        find_kind(self.text, kind)
    }

    /// The section, and whether it holds only the template's prompts.
    pub(super) fn state(&self, kind: &str) -> State {
        match self.section(kind) {
            None => State::Missing,
            Some(s) if is_placeholder_only(self.text, s.body_span) => State::Empty(s),
            Some(s) => State::Filled(s),
        }
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .map_or(1, |t| t.matches('\n').count() + 1)
    }

    /// Body rows of the first table in a section that hold real content.
    pub(super) fn rows(&self, kind: &str) -> Vec<Vec<String>> {
        let Some(s) = self.section(kind) else {
            return Vec::new();
        };
        tables_in(self.text, s.body_span)
            .first()
            .map(filled_rows)
            .unwrap_or_default()
    }

    /// Content lines of a section (not headings, not prompts).
    pub(super) fn content_lines(&self, s: &Section) -> Vec<(usize, String)> {
        lines_in(self.text, s.body_span)
            .filter(|l| !is_placeholder_line(l.content) && !l.content.trim_start().starts_with('#'))
            .map(|l| (self.line_of(l.start), l.content.trim().to_string()))
            .collect()
    }
}

pub(super) enum State {
    Missing,
    Empty(Section),
    Filled(Section),
}

pub(super) fn filled_rows(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .filter(|r| {
            !is_placeholder_line(
                &r.cells
                    .iter()
                    .map(|c| format!("| {} ", c.text))
                    .collect::<String>(),
            )
        })
        .map(|r| r.cells.iter().map(|c| c.text.trim().to_string()).collect())
        .collect()
}

pub(super) fn question(section: &str) -> String {
    for_section(section)
        .map(|q| q.question.to_string())
        .unwrap_or_default()
}

pub(super) fn finding(
    id: &str,
    severity: Severity,
    section: &str,
    evidence: String,
    line: Option<usize>,
    question: &str,
    action: FindingAction,
) -> Finding {
    Finding {
        id: id.into(),
        severity,
        section: section.into(),
        evidence,
        line,
        question: question.into(),
        action,
    }
}

pub(super) fn coach(section: &str) -> FindingAction {
    FindingAction::Coach {
        section: section.into(),
    }
}

/// Whether text states an amount or a measured outcome: money, a percentage,
/// or a number with a unit of scale ("3x", "40 hours", "2M").
pub(super) fn is_quantified(text: &str) -> bool {
    let t = text.to_lowercase();
    if t.contains(['$', '€', '£', '%']) {
        return true;
    }
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let has_number =
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
        let is_year = w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit());
        let scaled = w.len() > digits.len()
            || words.get(i + 1).is_some_and(|n| {
                [
                    "k",
                    "m",
                    "million",
                    "billion",
                    "x",
                    "hours",
                    "days",
                    "weeks",
                    "people",
                    "users",
                    "customers",
                    "percent",
                    "times",
                ]
                .contains(n)
            });
        has_number && !is_year && scaled
    })
}

/// The current employer, from the Timeline's current row or Current Role's text.
pub(super) fn employer(index: &Index<'_>) -> Option<String> {
    let rows = index.rows("timeline");
    let current = rows.iter().find(|r| {
        r.first().is_some_and(|y| {
            let y = y.to_lowercase();
            y.contains("now")
                || y.contains("present")
                || y.contains("current")
                || y.trim_end().ends_with('–')
                || y.trim_end().ends_with('-')
        })
    });
    if let Some(company) = current
        .or(rows.first())
        .and_then(|r| r.get(2))
        .filter(|c| !c.is_empty())
    {
        return Some(company.clone());
    }
    let role = index.section("current_role")?;
    let text = role.body_span.of(index.text);
    let at = text.find(" at ")?;
    text.get(at + 4..)?
        .split(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '&'))
        .next()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub(super) fn mentions(text: &str, name: &str) -> bool {
    !name.is_empty() && text.to_lowercase().contains(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::is_quantified;

    #[test]
    fn quantified_means_money_percentages_or_scaled_numbers_not_years() {
        for yes in [
            "$4M yearly savings",
            "cut cost 30%",
            "3x faster",
            "saved 40 hours a week",
            "€200k",
        ] {
            assert!(is_quantified(yes), "{yes}");
        }
        for no in [
            "GAS Summit, three years running",
            "Ran the summit in 2025",
            "Chennai to Trivandrum",
        ] {
            assert!(!is_quantified(no), "{no}");
        }
    }
}
