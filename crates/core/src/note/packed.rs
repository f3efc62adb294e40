//! The outline packed for the WASM boundary: numbers and one string table,
//! which cross as one `Uint32Array` and one `Uint8Array` (the table's UTF-8)
//! instead of thousands of JS objects.
//!
//! Building JS objects field by field was about half of an outline call on a
//! 30 KB note. Packed, the call copies two buffers; `plugin/src/core/outline.ts`
//! reads them and builds the objects only for the parts asked for. The layout
//! is read there and nowhere else, so the two files change together
//! (`tests/wasm/outline-packed.test.mjs` checks that the unpacked outline
//! equals the `outline` export's on every corpus note).
//!
//! It lives in the core, not in the glue, so that it is built and tested
//! natively with the outline it packs.
//!
//! The table crosses as bytes and each part's strings are decoded only when
//! that part is first read: decoding the whole table into one JS string was
//! a fifth of an outline call on a 100 KB note in Node, whose `TextDecoder`
//! takes a slow path for the whole input once it meets one non-ASCII byte
//! (about 3 ns a byte against 0.15).
//!
//! Layout, all `u32`: `[VERSION, sections, tables, tasks, links]` (the counts),
//! then where each of the four lists starts in the numbers, then where each
//! part's strings start in the table (byte offsets; a part's strings end
//! where the next part's start, the last part's at the table's end), then
//! the lists in that order, so a reader builds one part without walking the
//! others. A string is two numbers, its UTF-16 start and end in its part's
//! strings once decoded (JS slices by UTF-16 index); a missing string is
//! `NONE, NONE`. A span is its two byte offsets.
//! - section: path, title, level, heading_span, body_span
//! - table: span, alignment count, alignments (0 none, 1 left, 2 center,
//!   3 right), header row, delimiter row, row count, rows
//! - row: span, prefix, flags (1 leading pipe, 2 trailing pipe), cell count,
//!   cells (span, text, segment)
//! - task: line, span, status (a code point), status_span, text_span, text, depth
//! - link: span, kind (0 wiki, 1 markdown), embed (0/1), target, subpath, alias

use crate::note::{
    links::{Link, LinkKind},
    tables::{Align, Row, Table},
    tasks::Task,
    NoteOutline,
};
use crate::span::Span;

/// The layout's version, first in the numbers.
pub const VERSION: u32 = 2;
/// An absent string.
pub const NONE: u32 = u32::MAX;

/// The packed outline: numbers, and the strings they point into.
pub struct Packed {
    /// The numbers (see the module docs).
    pub numbers: Vec<u32>,
    /// Every string, back to back, part by part.
    pub strings: String,
    /// The current part's strings' length so far in UTF-16 units.
    utf16: u32,
}

/// Packs an outline.
pub fn pack(outline: &NoteOutline) -> Packed {
    let mut p = Packed {
        numbers: Vec::with_capacity(numbers_len(outline)),
        strings: String::with_capacity(4096),
        utf16: 0,
    };
    p.numbers.extend([
        VERSION,
        count(outline.sections.len()),
        count(outline.tables.len()),
        count(outline.tasks.len()),
        count(outline.links.len()),
    ]);
    let starts = p.numbers.len();
    p.numbers.extend([0; 8]);
    let mark = |p: &mut Packed, part: usize| {
        let (at, bytes) = (count(p.numbers.len()), count(p.strings.len()));
        if let Some(slot) = p.numbers.get_mut(starts + part) {
            *slot = at;
        }
        if let Some(slot) = p.numbers.get_mut(starts + 4 + part) {
            *slot = bytes;
        }
        p.utf16 = 0;
    };
    mark(&mut p, 0);
    for s in &outline.sections {
        p.string(&s.path);
        p.string(&s.title);
        p.numbers.push(u32::from(s.level));
        p.span(s.heading_span);
        p.span(s.body_span);
    }
    mark(&mut p, 1);
    for t in &outline.tables {
        p.table(t);
    }
    mark(&mut p, 2);
    for t in &outline.tasks {
        p.task(t);
    }
    mark(&mut p, 3);
    for l in &outline.links {
        p.link(l);
    }
    p
}

/// How many numbers [`pack`] writes for `outline`, so that it writes them
/// without growing its buffer.
fn numbers_len(outline: &NoteOutline) -> usize {
    let row = |r: &Row| 6 + 6 * r.cells.len();
    let tables: usize = outline
        .tables
        .iter()
        .map(|t| {
            4 + t.alignments.len()
                + row(&t.header)
                + row(&t.delimiter)
                + t.rows.iter().map(row).sum::<usize>()
        })
        .sum();
    13 + 9 * outline.sections.len() + tables + 11 * outline.tasks.len() + 10 * outline.links.len()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Packed {
    fn span(&mut self, span: Span) {
        self.numbers.push(count(span.start));
        self.numbers.push(count(span.end));
    }

    fn string(&mut self, s: &str) {
        let len = if s.is_ascii() {
            count(s.len())
        } else {
            count(s.encode_utf16().count())
        };
        let start = self.utf16;
        self.strings.push_str(s);
        self.utf16 = start.saturating_add(len);
        self.numbers.push(start);
        self.numbers.push(self.utf16);
    }

    fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => {
                self.numbers.push(NONE);
                self.numbers.push(NONE);
            }
        }
    }

    fn row(&mut self, row: &Row) {
        self.span(row.span);
        self.span(row.prefix);
        self.numbers
            .push(u32::from(row.leading_pipe) | (u32::from(row.trailing_pipe) << 1));
        self.numbers.push(count(row.cells.len()));
        for cell in &row.cells {
            self.span(cell.span);
            self.string(&cell.text);
            self.span(cell.segment);
        }
    }

    fn table(&mut self, t: &Table) {
        self.span(t.span);
        self.numbers.push(count(t.alignments.len()));
        self.numbers.extend(t.alignments.iter().map(|a| match a {
            Align::None => 0,
            Align::Left => 1,
            Align::Center => 2,
            Align::Right => 3,
        }));
        self.row(&t.header);
        self.row(&t.delimiter);
        self.numbers.push(count(t.rows.len()));
        for row in &t.rows {
            self.row(row);
        }
    }

    fn task(&mut self, t: &Task) {
        self.numbers.push(count(t.line));
        self.span(t.span);
        self.numbers.push(u32::from(t.status));
        self.span(t.status_span);
        self.span(t.text_span);
        self.string(&t.text);
        self.numbers.push(count(t.depth));
    }

    fn link(&mut self, l: &Link) {
        self.span(l.span);
        self.numbers.push(match l.kind {
            LinkKind::Wiki => 0,
            LinkKind::Markdown => 1,
        });
        self.numbers.push(u32::from(l.embed));
        self.string(&l.target);
        self.optional(l.subpath.as_deref());
        self.optional(l.alias.as_deref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_is_sized_exactly_for_every_kind_of_part() {
        let note = "---\ntags: [a]\n---\n# Career\n\n## Roles\n\n| Years | Role | Note |\n| :-- | --: | :-: |\n| 2024 | Lead | [[Ana\\|A]] |\n| 2025 | | |\n\n- [ ] ask [[feedback#Q1|Q1]]\n  - [x] done ![[img.png]]\n\nSee [doc](Doc%20Page.md#Top) and [[#Roles]].\n";
        let outline = crate::note::outline(note);
        assert!(
            !outline.tables.is_empty() && !outline.tasks.is_empty() && !outline.links.is_empty()
        );
        let packed = pack(&outline);
        assert_eq!(numbers_len(&outline), packed.numbers.len());
        let empty = crate::note::outline("");
        assert_eq!(numbers_len(&empty), pack(&empty).numbers.len());
    }
}
