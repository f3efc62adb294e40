//! One reading of a whole note that answers for its sections too.
//!
//! Reading a section's span on its own gives, in almost every note, the
//! entries the whole-note reading has on the same lines: a section starts
//! after a heading line, where the reader is outside any fence, comment,
//! table or paragraph, just as it is at the start of a span. Only an
//! entry's group differs: inside the span, an entry above the span's first
//! heading or label has none. [`Reading::span`] takes a span's entries from
//! the whole-note reading when that is provably what reading the span would
//! give, and says `None` otherwise (the caller then reads the span).

use std::ops::Deref;

use super::parse::{is_separator, read, strip_quote, Trace};
use super::Entry;
use crate::note::lines::lines;
use crate::span::Span;

/// The entries of a whole note, read once.
#[derive(Debug)]
pub struct Reading<'t> {
    /// Each line's content, as [`crate::note::lines::lines`] splits them.
    lines: Vec<&'t str>,
    /// Where each line starts.
    starts: Vec<usize>,
    /// The note's length.
    len: usize,
    entries: Vec<Entry>,
    trace: Trace,
    /// Per entry: [`Entry::is_nil`].
    nil: Vec<bool>,
}

/// An entry as a span read it: the entry, and its group within that span.
#[derive(Debug, Clone, Copy)]
pub struct Item<'r> {
    entry: &'r Entry,
    /// The nearest heading or label above it inside the span read (this,
    /// not the entry's own `group`, which is the whole note's).
    pub group: Option<&'r str>,
}

impl Deref for Item<'_> {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        self.entry
    }
}

impl<'r> Item<'r> {
    /// An entry read on its own: its group is its own.
    pub fn of(entry: &'r Entry) -> Self {
        Item {
            entry,
            group: entry.group.as_deref(),
        }
    }

    /// The entry as [`super::entries`] of the same span gives it.
    pub fn to_entry(&self) -> Entry {
        Entry {
            group: self.group.map(str::to_string),
            ..self.entry.clone()
        }
    }
}

impl<'t> Reading<'t> {
    /// Reads every entry of `text`.
    pub fn new(text: &'t str) -> Self {
        let (starts, lines): (Vec<usize>, Vec<&str>) =
            lines(text).map(|l| (l.start, l.content)).unzip();
        let mut trace = Trace::default();
        let entries = read(1, &lines, Some(&mut trace));
        let nil = entries.iter().map(Entry::is_nil).collect();
        Reading {
            lines,
            starts,
            len: text.len(),
            entries,
            trace,
            nil,
        }
    }

    /// Every entry of the note, nil ones included, as [`super::entries`]
    /// of the whole note gives them.
    pub fn all(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries of the whole note that say something.
    pub fn filled(&self) -> Vec<Item<'_>> {
        self.entries
            .iter()
            .zip(&self.nil)
            .filter(|(_, nil)| !**nil)
            .map(|(e, _)| Item::of(e))
            .collect()
    }

    /// The entries that say something of `span`, as [`super::filled`] reads
    /// them; `None` when that is not certain (then read the span).
    pub fn span_filled(&self, span: Span) -> Option<Vec<Item<'_>>> {
        let (range, from) = self.within(span)?;
        let at = range.start;
        let entries = self.entries.get(range)?;
        let nil = self.nil.get(at..)?;
        let group_lines = self.trace.group_lines.get(at..)?;
        Some(
            entries
                .iter()
                .zip(nil)
                .zip(group_lines)
                .filter(|((_, nil), _)| !**nil)
                .map(|((entry, _), &set_at)| Item {
                    entry,
                    group: entry.group.as_deref().filter(|_| set_at >= from),
                })
                .collect(),
        )
    }

    /// Which entries reading `span` alone would give, and the first line
    /// whose groups it would see; `None` when reading it alone may differ.
    fn within(&self, span: Span) -> Option<(std::ops::Range<usize>, usize)> {
        // As `lines_in` bounds a span.
        let end = span.end.min(self.len);
        let start = span.start.min(end);
        if start >= end {
            return Some((0..0, 0));
        }
        // The span must be whole lines of the note.
        let first = self.starts.binary_search(&start).ok()?;
        let past = if end == self.len {
            self.starts.len()
        } else {
            self.starts.binary_search(&end).ok()?
        };
        // The reader enters its first line as it enters any span's.
        if !self.trace.fresh.get(first).copied().unwrap_or(false) {
            return None;
        }
        // A table row on its last line looked at the line after it.
        if let Some(next) = self.lines.get(past) {
            if is_separator(strip_quote(next.trim())) {
                return None;
            }
        }
        let (first_line, last_line) = (first + 1, past);
        let from = self.entries.partition_point(|e| e.line < first_line);
        let to = self.entries.partition_point(|e| e.line <= last_line);
        // No entry above runs into the span (an indented line continues the
        // last entry), and none inside runs past it.
        let above = from.checked_sub(1).and_then(|i| self.entries.get(i));
        if above.is_some_and(|e| e.end_line >= first_line) {
            return None;
        }
        let last = to.checked_sub(1).and_then(|i| self.entries.get(i));
        if last.is_some_and(|e| e.line >= first_line && e.end_line > last_line) {
            return None;
        }
        Some((from..to, first_line))
    }
}
