//! What every rule shares: the index as the rules see it (sections by
//! their canonical kind, read through [`crate::note::readers`] so tables,
//! lists, checklists and paragraphs count alike), the finding builder, and
//! the tests of evidence (is a text quantified).

use super::super::{Finding, FindingAction, Severity};
use crate::coach::questions::for_section;
use std::cell::OnceCell;
use std::ops::Deref;

use crate::note::aliases::kind_of;
use crate::note::outline::Section;
use crate::note::placeholders::is_placeholder_only;
use crate::note::readers::employer::{employer_in, Employer};
use crate::note::readers::roles::roles_in;
use crate::note::readers::{self, Item, Reading};

/// The index as the rules read it: its sections (each with its kind) and
/// its entries are read once per analysis, not once per rule. A section's
/// entries come from the whole-note reading when it can give them (see
/// [`Reading`]); otherwise the section is read on its own, once.
pub(super) struct Index<'a> {
    pub(super) text: &'a str,
    sections: Vec<Sec<'a>>,
    reading: Reading<'a>,
    employer: OnceCell<Option<Employer>>,
}

/// A section of the index, its canonical kind, and its entries when they
/// had to be read on their own.
pub(super) struct Sec<'a> {
    section: &'a Section,
    kind: Option<&'static str>,
    body_alone: OnceCell<Reading<'a>>,
    own_alone: OnceCell<Reading<'a>>,
}

impl Deref for Sec<'_> {
    type Target = Section;

    fn deref(&self) -> &Section {
        self.section
    }
}

/// Which part of a section to read.
#[derive(Clone, Copy)]
enum Part {
    Body,
    Own,
}

impl<'a> Index<'a> {
    /// The index `text`, whose sections are `outline` (`outline::sections`).
    pub(super) fn new(text: &'a str, outline: &'a [Section]) -> Self {
        Index {
            text,
            sections: outline
                .iter()
                .map(|section| Sec {
                    kind: kind_of(&section.title).map(|k| k.id),
                    section,
                    body_alone: OnceCell::new(),
                    own_alone: OnceCell::new(),
                })
                .collect(),
            reading: Reading::new(text),
            employer: OnceCell::new(),
        }
    }

    /// The first section of a canonical kind, under any alias, at any level.
    pub(super) fn section(&self, kind: &str) -> Option<&Sec<'a>> {
        self.sections.iter().find(|s| s.kind == Some(kind))
    }

    /// Every section of a canonical kind, in note order.
    pub(super) fn sections_of(&self, kind: &str) -> Vec<&Sec<'a>> {
        self.sections
            .iter()
            .filter(|s| s.kind == Some(kind))
            .collect()
    }

    /// Every entry of the note that says something, wherever it is.
    pub(super) fn everything(&self) -> Vec<Item<'_>> {
        self.reading.filled()
    }

    /// The section, and whether it holds only the template's prompts.
    pub(super) fn state(&self, kind: &str) -> State<'_, 'a> {
        match self.section(kind) {
            None => State::Missing,
            Some(s) if self.is_empty(s) => State::Empty(s),
            Some(s) => State::Filled(s),
        }
    }

    /// Whether a section says nothing: only prompts, or only "none"/"TBD".
    pub(super) fn is_empty(&self, s: &Sec<'a>) -> bool {
        is_placeholder_only(self.text, s.body_span) || self.body(s).is_empty()
    }

    /// The entries of a section, subsections included, that say something.
    pub(super) fn body<'i>(&'i self, s: &'i Sec<'a>) -> Vec<Item<'i>> {
        self.read(s, Part::Body)
    }

    /// The entries of a section before its first subsection that say something.
    pub(super) fn own<'i>(&'i self, s: &'i Sec<'a>) -> Vec<Item<'i>> {
        self.read(s, Part::Own)
    }

    fn read<'i>(&'i self, s: &'i Sec<'a>, part: Part) -> Vec<Item<'i>> {
        let (span, alone) = match part {
            Part::Body => (s.body_span, &s.body_alone),
            Part::Own => (s.own_span(), &s.own_alone),
        };
        self.reading
            .span_filled(span)
            .unwrap_or_else(|| alone.get_or_init(|| Reading::of(self.text, span)).filled())
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        readers::line_of(self.text, offset)
    }

    /// The heading line of the first section of a kind.
    pub(super) fn heading_line(&self, kind: &str) -> Option<usize> {
        self.section(kind)
            .map(|s| self.line_of(s.heading_span.start))
    }

    /// The entries of the first section of a kind that say something.
    pub(super) fn entries(&self, kind: &str) -> Vec<Item<'_>> {
        self.section(kind).map_or_else(Vec::new, |s| self.body(s))
    }

    /// A group of people, as [`readers::people`] finds it.
    pub(super) fn people(&self, kind: &str) -> Vec<Item<'_>> {
        if let Some(s) = self.section(kind) {
            return self.body(s);
        }
        readers::of_kind(self.entries("network"), kind, |e| (e.group, &e.text))
    }

    /// The current employer, as [`readers::employer::employer`] finds it.
    pub(super) fn employer(&self) -> Option<&Employer> {
        self.employer
            .get_or_init(|| {
                let timeline = self
                    .entries("timeline")
                    .iter()
                    .map(Item::to_entry)
                    .collect();
                employer_in(self.text, &roles_in(timeline), || {
                    self.section("current_role").map(|s| s.section.clone())
                })
            })
            .as_ref()
    }
}

pub(super) enum State<'i, 'a> {
    Missing,
    Empty(&'i Sec<'a>),
    Filled(&'i Sec<'a>),
}

pub(super) fn question(section: &str) -> String {
    for_section(section)
        .map(|q| q.question.to_string())
        .unwrap_or_default()
}

/// A finding; its evidence lines start as `line` (see [`cites`]).
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
        lines: line.into_iter().collect(),
        question: question.into(),
        action,
    }
}

/// The finding, citing `lines` too (sorted, once each).
pub(super) fn cites(mut f: Finding, lines: impl IntoIterator<Item = usize>) -> Finding {
    f.lines.extend(lines);
    crate::order::sort(&mut f.lines);
    f.lines.dedup();
    f
}

pub(super) fn coach(section: &str) -> FindingAction {
    FindingAction::Coach {
        section: section.into(),
        entry: None,
    }
}

/// Coach the section when it exists, else add it.
pub(super) fn coach_or_add(line: Option<usize>, coach_id: &str, kind: &str) -> FindingAction {
    if line.is_some() {
        coach(coach_id)
    } else {
        FindingAction::AddSection {
            section: kind.into(),
        }
    }
}

/// Whether text states an amount or a measured outcome: money, a percentage,
/// a number with a unit of scale ("3x", "40 hours", "2M"), or a before and
/// after ("from 4 to 11", "von 4 auf 11", "4 → 11"), in any language.
pub(super) fn is_quantified(text: &str) -> bool {
    // Lower-casing changes no digit, `.`, `,`, currency sign or `%`, and
    // makes none: every test but the last reads the text as written.
    let t = text;
    if t.contains(['$', '€', '£', '¥', '₹', '%']) {
        return true;
    }
    let counts = t
        .split(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
        .map(|w| w.trim_matches(['.', ',']))
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        .filter(|w| !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))))
        .count();
    if counts >= 2 {
        return true;
    }
    // A count with a thousands separator ("20,000 merchants", "1.200 Kunden").
    let b = t.as_bytes();
    let grouped = b.windows(5).enumerate().any(|(i, w)| {
        w.first().is_some_and(u8::is_ascii_digit)
            && matches!(w.get(1), Some(b',' | b'.'))
            && w.get(2..5)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && b.get(i + 5).is_none_or(|c| !c.is_ascii_digit())
    });
    if grouped {
        return true;
    }
    let t = text.to_lowercase();
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
                    "attendees",
                    "merchants",
                    "clients",
                    "subscribers",
                    "downloads",
                    "minutes",
                    "ms",
                    "kunden",
                    "stunden",
                    "tage",
                    "prozent",
                    "mitarbeiter",
                    "mitarbeitende",
                    "nutzer",
                    "wochen",
                    "monate",
                    "mio",
                    "mrd",
                    "personnes",
                    "utilisateurs",
                    "heures",
                    "jours",
                    "personas",
                    "usuarios",
                    "horas",
                ]
                .contains(n)
            });
        has_number && !is_year && scaled
    })
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
            "grew the team from 4 to 11",
            "Team-Aufbau — von 4 auf 11 Mitarbeiter",
            "12 Mitarbeiter eingestellt",
        ] {
            assert!(is_quantified(yes), "{yes}");
        }
        for no in [
            "GAS Summit, three years running",
            "Ran the summit in 2025",
            "Chennai to Trivandrum",
            "Moved from 2019 to 2021 tooling",
            "Shipped v2",
        ] {
            assert!(!is_quantified(no), "{no}");
        }
    }
}
