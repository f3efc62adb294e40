//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `blindspots::rules::support`.
use career_core::blindspots::{Finding, FindingAction, Severity};
use career_core::coach::questions::for_section;
use std::cell::{OnceCell, RefCell};

use crate::reference::placeholders::is_placeholder_only;
use crate::reference::readers::{self, Entry};
use career_core::note::aliases::kind_of;
use career_core::note::outline::{sections, Section};

/// The index as the rules read it. Its sections and its whole-note entries
/// are read once per analysis, not once per rule.
pub(super) struct Index<'a> {
    pub(super) text: &'a str,
    sections: Vec<Section>,
    everything: OnceCell<Vec<Entry>>,
    read: RefCell<Vec<(career_core::Span, Vec<Entry>)>>,
}

impl<'a> Index<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Index {
            text,
            sections: sections(text),
            everything: OnceCell::new(),
            read: RefCell::new(Vec::new()),
        }
    }

    /// The first section of a canonical kind, under any alias, at any level.
    pub(super) fn section(&self, kind: &str) -> Option<Section> {
        self.sections_of(kind).into_iter().next()
    }

    /// Every section of a canonical kind, in note order.
    pub(super) fn sections_of(&self, kind: &str) -> Vec<Section> {
        self.sections
            .iter()
            .filter(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
            .cloned()
            .collect()
    }

    /// Every entry of the note that says something, wherever it is.
    pub(super) fn everything(&self) -> &[Entry] {
        self.everything
            .get_or_init(|| readers::filled(self.text, career_core::Span::new(0, self.text.len())))
    }

    /// The section, and whether it holds only the template's prompts.
    pub(super) fn state(&self, kind: &str) -> State {
        match self.section(kind) {
            None => State::Missing,
            Some(s) if self.is_empty(&s) => State::Empty(s),
            Some(s) => State::Filled(s),
        }
    }

    /// Whether a section says nothing: only prompts, or only "none"/"TBD".
    pub(super) fn is_empty(&self, s: &Section) -> bool {
        is_placeholder_only(self.text, s.body_span) || self.filled(s.body_span).is_empty()
    }

    /// The entries of a span that say something, read once per span.
    pub(super) fn filled(&self, span: career_core::Span) -> Vec<Entry> {
        let mut read = self.read.borrow_mut();
        if let Some((_, entries)) = read.iter().find(|(s, _)| *s == span) {
            return entries.clone();
        }
        let entries = readers::filled(self.text, span);
        read.push((span, entries.clone()));
        entries
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
    pub(super) fn entries(&self, kind: &str) -> Vec<Entry> {
        self.section(kind)
            .map_or_else(Vec::new, |s| self.filled(s.body_span))
    }
}

pub(super) enum State {
    Missing,
    Empty(Section),
    Filled(Section),
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
    f.lines.sort_unstable();
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
    let t = text.to_lowercase();
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
