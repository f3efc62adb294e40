//! Section readers: what a section says, however it is written.
//!
//! People keep a Career Index as tables, bullet lists (`- Name — role,
//! company`, `- **Name** (context)`), checklists or short paragraphs, under
//! headings at any level and under the names in [`super::aliases`]. The
//! readers turn any of these forms into the same [`Entry`] list, so blind
//! spots, reviews and charts judge a note by what it says, not by the layout
//! our template writes.
//!
//! - [`section`] finds a section by its canonical id (any alias, any level);
//! - [`entries`] reads the entries of a span, [`section_entries`] of a section;
//! - [`Reading`] reads a whole note once and answers for its sections too;
//! - [`people`] reads a group of people (sponsors, mentees…) whether it has a
//!   subsection of its own or is a labelled part of Network;
//! - [`employer`] recognises a company under its variants.
//!
//! Template prompts (see [`super::placeholders`]), table headers and
//! separators, code blocks, comments and rules are never entries.

pub mod employer;
mod parse;
mod reading;
pub mod roles;
mod text;

use std::borrow::Cow;
use std::sync::Arc;

use super::aliases::kind_of;
use super::outline::{sections, Section};
use crate::span::Span;

pub use parse::entries;
pub use reading::{Item, Reading};

/// How an entry was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A table row (its header, if any, names its fields).
    Row,
    /// A bullet or numbered list item.
    Bullet,
    /// A checklist item.
    Task {
        /// Whether it is ticked.
        done: bool,
    },
    /// A paragraph (consecutive non-blank lines), quotes included.
    Paragraph,
}

/// One entry of a section: a row, an item or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based line of its first line.
    pub line: usize,
    /// 1-based line of its last line (indented continuation lines included).
    pub end_line: usize,
    /// How it was written.
    pub form: Form,
    /// The leading name: the first cell, the bold lead, or the text before
    /// ` — `, ` – `, `: `, ` (` or `, `. Markup dropped.
    pub name: String,
    /// What follows the name (the other cells joined with `, `).
    pub detail: String,
    /// Table cells, markup dropped; for other forms `[name, detail]`.
    pub cells: Vec<String>,
    /// The table's header cells, lower-cased; empty for other forms. Shared
    /// by the rows of a table.
    pub headers: Arc<[String]>,
    /// The whole entry, markup dropped, continuation lines joined by `\n`.
    pub text: String,
    /// The nearest heading or label (`**Sponsors:**`, `Mentees:`) above it
    /// inside the span read, if any.
    pub group: Option<String>,
}

impl Entry {
    /// The cell under the first header that starts with one of `names`
    /// (lower-case), when it holds something.
    pub fn field(&self, names: &[&str]) -> Option<&str> {
        field_of(&self.headers, names, |at| {
            self.cells.get(at).map(String::as_str)
        })
    }

    /// Whether it says nothing: "none", "TBD", "n/a", "-".
    pub fn is_nil(&self) -> bool {
        says_nothing(&self.text)
    }
}

/// An entry as the reader finds it: its words borrowed from the note
/// wherever dropping the markup leaves them as written. [`Entry`] is the
/// same entry owning its words (and its group, which a [`Reading`] knows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry<'t> {
    /// 1-based line of its first line.
    pub line: usize,
    /// 1-based line of its last line.
    pub end_line: usize,
    /// How it was written.
    pub form: Form,
    /// As [`Entry::name`].
    pub name: Cow<'t, str>,
    /// As [`Entry::detail`].
    pub detail: Cow<'t, str>,
    /// A row's cells; empty for other forms (whose [`Entry::cells`] are
    /// `[name, detail]`).
    pub cells: Vec<Cow<'t, str>>,
    /// As [`Entry::headers`].
    pub headers: Arc<[String]>,
    /// As [`Entry::text`].
    pub text: Cow<'t, str>,
    /// Its group among the labels the reader met (see `parse::Read`).
    group: Option<usize>,
}

impl RawEntry<'_> {
    /// As [`Entry::field`].
    pub fn field(&self, names: &[&str]) -> Option<&str> {
        field_of(&self.headers, names, |at| self.cells.get(at).map(|c| &**c))
    }

    /// As [`Entry::is_nil`].
    pub fn is_nil(&self) -> bool {
        says_nothing(&self.text)
    }

    /// The entry owning its words, under `group`.
    pub fn to_entry(&self, group: Option<&str>) -> Entry {
        self.clone().into_entry(group.map(str::to_string))
    }

    fn into_entry(self, group: Option<String>) -> Entry {
        let cells = if self.form == Form::Row {
            self.cells.into_iter().map(Cow::into_owned).collect()
        } else {
            vec![self.name.to_string(), self.detail.to_string()]
        };
        Entry {
            line: self.line,
            end_line: self.end_line,
            form: self.form,
            name: self.name.into_owned(),
            detail: self.detail.into_owned(),
            cells,
            headers: self.headers,
            text: self.text.into_owned(),
            group,
        }
    }
}

/// The cell (given by position) under the first header that starts with one
/// of `names`, when it holds something.
fn field_of<'a>(
    headers: &[String],
    names: &[&str],
    cell: impl Fn(usize) -> Option<&'a str>,
) -> Option<&'a str> {
    let at = headers
        .iter()
        .position(|h| names.iter().any(|n| h.starts_with(n)))?;
    cell(at).filter(|c| !c.trim().is_empty())
}

/// Whether an entry's text says nothing: "none", "TBD", "n/a", "-".
fn says_nothing(text: &str) -> bool {
    // Every nil word is short: longer text says something.
    if text.len() > 16 {
        return false;
    }
    // Compared as normalised, without building the normalised text.
    const NIL: [&str; 9] = [
        "",
        "none",
        "nothing",
        "nothing yet",
        "tbd",
        "n a",
        "na",
        "todo",
        "none yet",
    ];
    NIL.iter()
        .any(|nil| super::aliases::normalized_chars(text).eq(nil.chars()))
}

/// The first section whose title names the canonical `kind` (an id of
/// [`super::aliases::SECTION_KINDS`]), at any heading level.
pub fn section(text: &str, kind: &str) -> Option<Section> {
    sections(text)
        .into_iter()
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
}

/// Every section whose title names `kind`.
pub fn sections_of(text: &str, kind: &str) -> Vec<Section> {
    sections(text)
        .into_iter()
        .filter(|s| kind_of(&s.title).is_some_and(|k| k.id == kind))
        .collect()
}

/// The entries of the first section of `kind`, subsections included.
pub fn section_entries(text: &str, kind: &str) -> Vec<Entry> {
    section(text, kind).map_or_else(Vec::new, |s| entries(text, s.body_span))
}

/// The entries of a span that say something (not [`Entry::is_nil`]).
pub fn filled(text: &str, span: Span) -> Vec<Entry> {
    entries(text, span)
        .into_iter()
        .filter(|e| !e.is_nil())
        .collect()
}

/// A group of people (`kind` is `sponsors`, `mentors`, `advisors` or
/// `mentees`), wherever the note lists them: a section of that kind; else
/// the entries of Network grouped under a label of that kind; else the
/// Network entries that name the role ("sponsor", "mentee"…).
pub fn people(text: &str, kind: &str) -> Vec<Entry> {
    if let Some(s) = section(text, kind) {
        return filled(text, s.body_span);
    }
    let Some(network) = section(text, "network") else {
        return Vec::new();
    };
    of_kind(filled(text, network.body_span), kind, |e| {
        (e.group.as_deref(), e.text.as_str())
    })
}

/// Of Network's entries `all`, those of a group of people `kind`: the ones
/// grouped under a label of that kind, else the ones that name the role.
/// `read` gives an entry's group label and text. [`people`] and the blind
/// spot rules' borrowed entries share this rule.
pub(crate) fn of_kind<'e, E: 'e>(
    all: Vec<E>,
    kind: &str,
    read: impl Fn(&E) -> (Option<&str>, &str),
) -> Vec<E> {
    let grouped = |e: &E| read(e).0.and_then(kind_of).is_some_and(|k| k.id == kind);
    if all.iter().any(grouped) {
        return all.into_iter().filter(grouped).collect();
    }
    let word = kind.trim_end_matches('s');
    all.into_iter()
        .filter(|e| read(e).1.to_lowercase().contains(word))
        .collect()
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |t| t.matches('\n').count() + 1)
}
