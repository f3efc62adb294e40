//! The outline's fast scan: tables, list items and the code spans links must
//! skip, found in one pass over the lines, checked against comrak.
//!
//! [`outline`](crate::note::outline()) needs from a parse only where table
//! rows start, where list items start (and how deep they sit), and where code
//! is. This scan finds those for the common shapes of a note: paragraphs,
//! top-level tables, fenced code, thematic breaks, ATX and setext headings,
//! block quotes and nested lists, with inline code. It tracks the containers
//! as CommonMark (and comrak) do, and gives up (`None`) on anything it does
//! not model: indented code, HTML, tabs in indentation, link reference
//! definitions, tables inside containers, a code span across lines, and
//! each case its comments name. The caller then asks comrak.
//!
//! Invariant: whenever [`scan`] returns `Some`, the outline built from it equals
//! the one built from comrak's parse (`outline_by_comrak`); the agreement tests
//! check exactly that.

mod inline;
mod table_rows;

use crate::note::headings::blocks::{
    after_quote, atx_level, closes_fence, html_start, indentation, is_thematic_break, list_item,
    list_marker_then_tab, opens_fence, setext_level, Indented,
};
use crate::note::headings::{frontmatter_len, starts_block, starts_block_when_lazy};
use crate::note::lines::{find_byte, has_lone_cr, lines_in, Line, BOM};
use crate::note::tasks::Item;
use crate::span::Span;
use inline::code_spans;

/// What the scan found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Each table's header row start and body row starts.
    pub(crate) tables: Vec<(usize, Vec<usize>)>,
    /// Every list item, in document order.
    pub(crate) items: Vec<Item>,
    /// Code blocks, code spans and the frontmatter.
    pub(crate) excluded: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    /// A list item whose content starts `content_col` columns into its container's content.
    Item {
        content_col: usize,
    },
}

#[derive(Debug)]
enum Leaf {
    None,
    /// The content of each line (from its first non-space byte).
    Paragraph {
        lines: Vec<Span>,
        bracket: bool,
        last_has_pipe: bool,
    },
    /// Columns of a top-level table (the header's cell count).
    Table {
        columns: usize,
    },
    /// A fenced code block from `start`, opened by `len` of `ch`.
    Fence {
        ch: u8,
        len: usize,
        start: usize,
    },
}

struct Scan<'t> {
    text: &'t str,
    stack: Vec<Container>,
    leaf: Leaf,
    found: Found,
}

/// Whether `]:` is in `bytes`, found from its `:` (the rarer of the two in
/// notes) with the word-at-a-time [`find_byte`]: `str::contains` runs a
/// two-way search that WebAssembly, without SIMD, does byte by byte.
fn has_bracket_colon(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(at) = bytes.get(from..).and_then(|rest| find_byte(rest, b':')) {
        let at = from + at;
        if at > 0 && bytes.get(at - 1) == Some(&b']') {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Scans `text`; `None` means "ask comrak".
pub(crate) fn scan(text: &str) -> Option<Found> {
    let bytes = text.as_bytes();
    // comrak reads NUL as U+FFFD (which moves every later position), and link
    // reference definitions change what inline text means.
    if find_byte(bytes, 0).is_some() || has_bracket_colon(bytes) {
        return None;
    }
    let has_cr = find_byte(bytes, b'\r').is_some();
    if has_cr && has_lone_cr(text) {
        return None;
    }
    let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let body_start = bom + frontmatter_len(text.get(bom..).unwrap_or(""), has_cr);
    let mut scan = Scan {
        text,
        stack: Vec::new(),
        leaf: Leaf::None,
        found: Found::default(),
    };
    if body_start > bom {
        scan.found.excluded.push(Span::new(bom, body_start));
    }
    for line in lines_in(text, Span::new(body_start, text.len())) {
        scan.line(&line)?;
    }
    if let Leaf::Fence { start, .. } = scan.leaf {
        // Left open: the code runs to the end of the note.
        scan.found.excluded.push(Span::new(start, text.len()));
        scan.leaf = Leaf::None;
    }
    scan.close_leaf()?;
    Some(scan.found)
}

fn is_blank(rest: &str) -> bool {
    rest.bytes().all(|b| b == b' ' || b == b'\t')
}

impl Scan<'_> {
    fn line(&mut self, line: &Line<'_>) -> Option<()> {
        let content = line.content;
        let content_end = line.start + content.len();
        let mut rest = content;
        let mut matched = 0;
        for container in &self.stack {
            let ind = indentation(rest);
            if ind.has_tab {
                return None;
            }
            match *container {
                Container::Quote => match after_quote(&ind) {
                    Some(after) => rest = after?,
                    None => break,
                },
                Container::Item { content_col } => {
                    if !is_blank(rest) {
                        if ind.cols < content_col {
                            break;
                        }
                        rest = rest.get(content_col..)?;
                    }
                }
            }
            matched += 1;
        }
        let all = matched == self.stack.len();
        let ind = indentation(rest);
        if ind.has_tab {
            return None;
        }
        let first_nonspace = content_end - ind.rest.len();
        if let Leaf::Fence { ch, len, start } = self.leaf {
            if all {
                if ind.cols <= 3 && closes_fence(ind.rest, ch, len) {
                    self.found.excluded.push(Span::new(start, content_end));
                    self.leaf = Leaf::None;
                }
                return Some(());
            }
            // A container that ends closes the code block with it. comrak
            // then places the block's end wrongly when a blank line came
            // first (inside the opening fence), so its links would not be
            // excluded where the reference excludes them: comrak decides.
            return None;
        }
        if is_blank(ind.rest) {
            self.close_leaf()?;
            self.stack.truncate(matched);
            return Some(());
        }
        if !all {
            if let Leaf::Paragraph { lines, .. } = &mut self.leaf {
                let lazy = ind.cols >= 4 || !starts_block_when_lazy(&ind)?;
                if lazy {
                    lines.push(Span::new(first_nonspace, content_end));
                    return Some(());
                }
            }
            self.close_leaf()?;
            self.stack.truncate(matched);
            return self.open_blocks(rest, content_end);
        }
        match &mut self.leaf {
            Leaf::Table { columns } => {
                let columns = *columns;
                if ind.cols >= 4 || starts_block(&ind) != Some(false) {
                    return None;
                }
                // Most rows hold no code: only whether comrak reads a row here matters.
                if !ind.rest.bytes().any(|b| b == b'`' || b == b'<') {
                    return table_rows::is_row(ind.rest).then(|| {
                        if let Some((_, rows)) = self.found.tables.last_mut() {
                            rows.push(first_nonspace);
                        }
                    });
                }
                let row = table_rows::cells(ind.rest)?;
                for (start, end) in row.into_iter().take(columns) {
                    let raw = ind.rest.get(start..end)?;
                    inline::cell_code_spans(
                        self.text,
                        first_nonspace + start,
                        raw,
                        &mut self.found.excluded,
                    )?;
                }
                let (_, rows) = self.found.tables.last_mut()?;
                rows.push(first_nonspace);
                Some(())
            }
            Leaf::Paragraph {
                lines,
                bracket,
                last_has_pipe,
            } => {
                let (single, bracket, last_has_pipe) = match lines.as_slice() {
                    [one] => (Some(*one), *bracket, *last_has_pipe),
                    _ => (None, *bracket, *last_has_pipe),
                };
                self.in_paragraph(&ind, rest, content_end, single, bracket || last_has_pipe)
            }
            _ => self.open_blocks(rest, content_end),
        }
    }

    /// A line that may continue the open paragraph (all containers matched);
    /// `single` is the paragraph's line when it has only one, and `unsure_setext`
    /// tells that an underline would make a heading the heading scan leaves to comrak.
    fn in_paragraph(
        &mut self,
        ind: &Indented<'_>,
        rest: &str,
        content_end: usize,
        single: Option<Span>,
        unsure_setext: bool,
    ) -> Option<()> {
        let first_nonspace = content_end - ind.rest.len();
        let r = ind.rest;
        if ind.cols < 4 {
            if html_start(r).is_some() || list_marker_then_tab(r) {
                return None;
            }
            if after_quote(ind).is_some() || atx_level(r).is_some() || opens_fence(r).is_some() {
                self.close_leaf()?;
                return self.open_blocks(rest, content_end);
            }
            if setext_level(r).is_some() {
                if !self.stack.is_empty() || unsure_setext {
                    return None;
                }
                // A setext heading: its lines are read as a paragraph's.
                return self.close_leaf();
            }
            if is_thematic_break(r) {
                return self.close_leaf();
            }
            if list_item(r).is_some_and(|i| i.content_empty.is_none() && i.may_interrupt) {
                self.close_leaf()?;
                return self.open_blocks(rest, content_end);
            }
            if table_rows::is_delimiter_row(r) {
                // Only a one-line paragraph at the top level becomes a table here.
                let header = single.filter(|_| self.stack.is_empty())?;
                return self.open_table(header, r);
            }
        }
        if let Leaf::Paragraph {
            lines,
            last_has_pipe,
            ..
        } = &mut self.leaf
        {
            lines.push(Span::new(first_nonspace, content_end));
            *last_has_pipe = r.contains('|');
        }
        Some(())
    }

    /// Turns the one-line paragraph `header` into a table with `delimiter` as
    /// its delimiter row, when their cell counts agree (else comrak decides).
    fn open_table(&mut self, header: Span, delimiter: &str) -> Option<()> {
        let header_text = header.of(self.text);
        let header_cells = table_rows::cells(header_text)?;
        let delimiter_cells = table_rows::cells(delimiter)?;
        if header_cells.len() != delimiter_cells.len() || header_cells.is_empty() {
            return None;
        }
        for (start, end) in header_cells.iter().copied() {
            let raw = header_text.get(start..end)?;
            inline::cell_code_spans(
                self.text,
                header.start + start,
                raw,
                &mut self.found.excluded,
            )?;
        }
        self.found.tables.push((header.start, Vec::new()));
        self.leaf = Leaf::Table {
            columns: header_cells.len(),
        };
        Some(())
    }

    /// Opens the blocks that `rest` (a line's content after its matched
    /// containers) starts, innermost last.
    fn open_blocks(&mut self, mut rest: &str, content_end: usize) -> Option<()> {
        loop {
            let ind: Indented<'_> = indentation(rest);
            if ind.has_tab {
                return None;
            }
            let first_nonspace = content_end - ind.rest.len();
            let r = ind.rest;
            if is_blank(r) {
                self.leaf = Leaf::None;
                return Some(());
            }
            if ind.cols >= 4 {
                return None;
            }
            if let Some(after) = after_quote(&ind) {
                rest = after?;
                self.stack.push(Container::Quote);
                continue;
            }
            if let Some(level) = atx_level(r) {
                let from = first_nonspace + usize::from(level);
                self.inline(&[Span::new(from, content_end)])?;
                self.leaf = Leaf::None;
                return Some(());
            }
            if let Some((ch, len)) = opens_fence(r) {
                self.leaf = Leaf::Fence {
                    ch,
                    len,
                    start: first_nonspace,
                };
                return Some(());
            }
            if html_start(r).is_some() {
                return None;
            }
            if is_thematic_break(r) {
                self.leaf = Leaf::None;
                return Some(());
            }
            if list_marker_then_tab(r) {
                return None;
            }
            if let Some(item) = list_item(r) {
                if item.left_to_comrak() {
                    return None;
                }
                task_is_plain(item.content)?;
                let depth = self
                    .stack
                    .iter()
                    .filter(|c| matches!(c, Container::Item { .. }))
                    .count();
                self.found.items.push(Item {
                    start: first_nonspace,
                    depth,
                    task: None,
                });
                self.stack.push(Container::Item {
                    content_col: ind.cols + item.width,
                });
                rest = item.content;
                continue;
            }
            self.leaf = Leaf::Paragraph {
                lines: vec![Span::new(first_nonspace, content_end)],
                bracket: r.starts_with('['),
                last_has_pipe: r.contains('|'),
            };
            return Some(());
        }
    }

    /// Ends the open leaf block: a paragraph's inline code is found.
    fn close_leaf(&mut self) -> Option<()> {
        match std::mem::replace(&mut self.leaf, Leaf::None) {
            Leaf::Paragraph { lines, .. } => self.inline(&lines),
            Leaf::Fence { .. } => None,
            Leaf::None | Leaf::Table { .. } => Some(()),
        }
    }

    /// Finds the code spans of inline content made of `lines`.
    fn inline(&mut self, lines: &[Span]) -> Option<()> {
        if let [one] = lines {
            for (start, end) in code_spans(one.of(self.text).as_bytes())? {
                self.found
                    .excluded
                    .push(Span::new(one.start + start, one.start + end));
            }
            return Some(());
        }
        let mut joined = Vec::new();
        let mut starts = Vec::with_capacity(lines.len());
        for line in lines {
            if !joined.is_empty() {
                joined.push(b'\n');
            }
            starts.push((joined.len(), line.start));
            joined.extend_from_slice(line.of(self.text).as_bytes());
        }
        for (start, end) in code_spans(&joined)? {
            let at = starts.partition_point(|&(from, _)| from <= start);
            let (from, base) = *starts.get(at.checked_sub(1)?)?;
            self.found
                .excluded
                .push(Span::new(base + start - from, base + end - from));
        }
        Some(())
    }
}

/// Gives up on an item whose `[c]` box comrak could read as a task where
/// [`relaxed_status`](crate::note::tasks::relaxed_status) does not: the box
/// followed by anything but a space or the line's end, or an entity.
fn task_is_plain(content: &str) -> Option<()> {
    let Some(after) = content.strip_prefix('[') else {
        return Some(());
    };
    if after.starts_with('&') {
        return None;
    }
    let mut chars = after.chars();
    if let (Some(_), Some(']')) = (chars.next(), chars.next()) {
        if !matches!(chars.as_str().bytes().next(), None | Some(b' ' | b'\t')) {
            return None;
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reference_definition_sends_the_note_to_comrak() {
        for (text, has) in [
            ("[ref]: https://example.com\n", true),
            ("]:", true),
            ("text\n\n[a]:b", true),
            (": a ] b :]", false),
            ("Role: lead] and [x] :", false),
            (":", false),
            ("", false),
        ] {
            assert_eq!(has_bracket_colon(text.as_bytes()), has, "{text:?}");
            assert_eq!(scan(text).is_none(), has, "{text:?}");
        }
    }
}
