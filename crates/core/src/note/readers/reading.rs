//! One reading of a whole note that answers for its sections too.
//!
//! Reading a section's span on its own gives, in almost every note, the
//! entries the whole-note reading has on the same lines: a section starts
//! after a heading line, where the reader is outside any fence, comment,
//! table or paragraph, just as it is at the start of a span. Only an
//! entry's group differs: inside the span, an entry above the span's first
//! heading or label has none. [`Reading::span_filled`] takes a span's
//! entries from the reading when that is provably what reading the span
//! would give, and says `None` otherwise (the caller then reads the span).
//!
//! The entries are [`RawEntry`]s, their words borrowed from the note where
//! the markup left them as written: a reading copies little of the note.

use std::ops::Deref;

use super::parse::{is_separator, read, strip_quote, Read, Trace};
use super::{line_of, Entry, RawEntry};
use crate::note::lines::lines_in;
use crate::span::Span;

/// The entries of a stretch of a note (usually all of it), read once.
#[derive(Debug)]
pub struct Reading<'t> {
    /// Each line's content, as [`lines_in`] splits them.
    lines: Vec<&'t str>,
    /// Where each line starts.
    starts: Vec<usize>,
    /// Where the stretch read ends.
    end: usize,
    /// The 1-based number of its first line.
    first: usize,
    read: Read<'t>,
    trace: Trace,
    /// Per entry: [`RawEntry::is_nil`].
    nil: Vec<bool>,
}

/// An entry as a span read it: the entry, and its group within that span.
#[derive(Debug, Clone, Copy)]
pub struct Item<'r> {
    entry: &'r RawEntry<'r>,
    /// The nearest heading or label above it inside the span read (not the
    /// group it has in the whole note).
    pub group: Option<&'r str>,
}

impl<'r> Deref for Item<'r> {
    type Target = RawEntry<'r>;

    fn deref(&self) -> &RawEntry<'r> {
        self.entry
    }
}

impl Item<'_> {
    /// The entry as [`super::entries`] of the same span gives it.
    pub fn to_entry(&self) -> Entry {
        self.entry.to_entry(self.group)
    }
}

impl<'t> Reading<'t> {
    /// Reads every entry of `text`.
    pub fn new(text: &'t str) -> Self {
        Self::of(text, Span::new(0, text.len()))
    }

    /// Reads the entries of `text[span]` alone, as [`super::entries`] does.
    pub fn of(text: &'t str, span: Span) -> Self {
        let (starts, lines): (Vec<usize>, Vec<&str>) =
            lines_in(text, span).map(|l| (l.start, l.content)).unzip();
        let first = line_of(text, span.start);
        let mut trace = Trace::default();
        let read = read(first, &lines, Some(&mut trace));
        let nil = read.entries.iter().map(RawEntry::is_nil).collect();
        Reading {
            lines,
            starts,
            end: span.end.min(text.len()),
            first,
            read,
            trace,
            nil,
        }
    }

    /// Every entry read, nil ones included, as [`super::entries`] of the
    /// same stretch gives them.
    pub fn entries(&self) -> Vec<Entry> {
        self.read
            .entries
            .iter()
            .map(|e| e.to_entry(self.group_of(e)))
            .collect()
    }

    /// The entries read that say something (not [`RawEntry::is_nil`]).
    pub fn filled(&self) -> Vec<Item<'_>> {
        self.read
            .entries
            .iter()
            .zip(&self.nil)
            .filter(|(_, nil)| !**nil)
            .map(|(entry, _)| Item {
                entry,
                group: self.group_of(entry),
            })
            .collect()
    }

    fn group_of(&self, e: &RawEntry<'_>) -> Option<&str> {
        e.group
            .and_then(|g| self.read.groups.get(g))
            .map(String::as_str)
    }

    /// The entries that say something of `span` (inside the stretch read),
    /// as [`super::filled`] reads them; `None` when that is not certain
    /// (then read the span).
    pub fn span_filled(&self, span: Span) -> Option<Vec<Item<'_>>> {
        let (range, from) = self.within(span)?;
        let at = range.start;
        let entries = self.read.entries.get(range)?;
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
                    group: self.group_of(entry).filter(|_| set_at >= from),
                })
                .collect(),
        )
    }

    /// Which entries reading `span` alone would give, and the first line
    /// whose groups it would see; `None` when reading it alone may differ.
    fn within(&self, span: Span) -> Option<(std::ops::Range<usize>, usize)> {
        // As `lines_in` bounds a span.
        let end = span.end.min(self.end);
        let start = span.start.min(end);
        if span.end > self.end && span.start < span.end {
            return None;
        }
        if start >= end {
            return Some((0..0, 0));
        }
        // The span must be whole lines of the stretch read.
        let first = self.starts.binary_search(&start).ok()?;
        let past = if end == self.end {
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
        let (first_line, last_line) = (self.first + first, self.first + past - 1);
        let entries = &self.read.entries;
        let from = entries.partition_point(|e| e.line < first_line);
        let to = entries.partition_point(|e| e.line <= last_line);
        // No entry above runs into the span (an indented line continues the
        // last entry), and none inside runs past it.
        let above = from.checked_sub(1).and_then(|i| entries.get(i));
        if above.is_some_and(|e| e.end_line >= first_line) {
            return None;
        }
        let last = to.checked_sub(1).and_then(|i| entries.get(i));
        if last.is_some_and(|e| e.line >= first_line && e.end_line > last_line) {
            return None;
        }
        Some((from..to, first_line))
    }
}
