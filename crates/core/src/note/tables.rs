//! GFM tables: header, delimiter, rows and cells, as spans into the note.
//!
//! comrak finds the tables and their rows (so a table is exactly what a
//! renderer would show, including tables inside list items and block
//! quotes); the cells are then split from each row's own line here, because
//! an edit must know where every pipe is, and comrak only reports the cells
//! it renders.
//!
//! Splitting follows GFM: cells are separated by unescaped `|`; a backslash
//! escapes the next ASCII punctuation character, so `\|` stays inside the
//! cell (as in `[[Note\|Alias]]`), also inside backticks, while an unescaped
//! pipe inside backticks does split. Leading and trailing pipes are optional.
//!
//! Invariants:
//! - Every span lies inside the row's line, so edits never cross lines.
//! - A cell's `span` covers its trimmed content, or is empty (at the middle
//!   of its whitespace) when the cell is blank; `segment` covers all bytes
//!   between the cell's delimiting pipes.

use serde::Serialize;

use crate::note::lines::Line;
use crate::note::sourcepos::{parse, Kind, Node};
use crate::span::Span;

/// A column's alignment, from the delimiter row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// `---`
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The trimmed content; an empty span at the middle of the cell when blank.
    pub span: Span,
    /// The trimmed raw text (escapes such as `\|` kept as written).
    pub text: String,
    /// Every byte between the cell's delimiting pipes (or the row's ends),
    /// padding included.
    pub segment: Span,
}

/// One line of a table: the header, the delimiter or a body row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The whole line's content without its line ending, container prefix
    /// (`> `, list indentation) included.
    pub span: Span,
    /// The container prefix and indentation before the row's first byte
    /// (`"> "` in a block quote, `"  "` under a list item); often empty.
    pub prefix: Span,
    /// The cells, in order, as written on the line (possibly more or fewer
    /// than the header has).
    pub cells: Vec<Cell>,
    /// Whether the row starts with a `|`.
    pub leading_pipe: bool,
    /// Whether the row ends with an unescaped `|`.
    pub trailing_pipe: bool,
}

impl Row {
    /// Whether every cell is blank (a template's placeholder row).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.is_empty())
    }
}

/// A GFM table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// From the start of the header's line to the end of the last row's
    /// content (no final line ending).
    pub span: Span,
    /// The header row; its cell count is the table's column count.
    pub header: Row,
    /// The delimiter row (`|---|:-:|`).
    pub delimiter: Row,
    /// The body rows, top to bottom.
    pub rows: Vec<Row>,
    /// One alignment per delimiter cell.
    pub alignments: Vec<Align>,
}

impl Table {
    /// The number of columns: the header's cell count.
    pub fn columns(&self) -> usize {
        self.header.cells.len()
    }
}

/// Lists the tables inside `region` of `text`, top to bottom.
pub fn tables_in(text: &str, region: Span) -> Vec<Table> {
    tables_from_nodes(text, &parse(text, region))
}

/// The tables among `nodes`, a parse of `text` (or of a region of it): lets
/// [`outline`](crate::note::outline()) share one parse between tables, tasks and links.
pub fn tables_from_nodes(text: &str, nodes: &[Node]) -> Vec<Table> {
    let mut found: Vec<(usize, Vec<&Node>)> = Vec::new();
    for (index, node) in nodes.iter().enumerate() {
        match node.kind {
            Kind::Table => found.push((index, Vec::new())),
            Kind::TableRow { .. } => {
                if let Some((table, rows)) = found.last_mut() {
                    if node.parent == Some(*table) {
                        rows.push(node);
                    }
                }
            }
            _ => {}
        }
    }
    found
        .into_iter()
        .filter_map(|(_, rows)| {
            let (first, rest) = rows.split_first()?;
            if first.kind != (Kind::TableRow { header: true }) {
                return None;
            }
            build_table(text, first.span.start, rest.iter().map(|n| n.span.start))
        })
        .collect()
}

/// A table given where its header row and each body row start (after any
/// container prefix), as comrak's row nodes (or the outline's fast scan) tell.
pub(crate) fn build_table(
    text: &str,
    header_start: usize,
    body_starts: impl Iterator<Item = usize>,
) -> Option<Table> {
    let header = row_at(text, header_start);
    let header_line = line_at(text, header_start);
    if !header_line.has_ending() {
        return None;
    }
    let delimiter_line = line_at(text, header_line.end);
    let delimiter_start = delimiter_line
        .content
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | b'>'))
        .map_or(delimiter_line.start, |i| delimiter_line.start + i);
    let delimiter = split_row(text, delimiter_line, delimiter_start);
    let body: Vec<Row> = body_starts.map(|start| row_at(text, start)).collect();
    let alignments = delimiter.cells.iter().map(|c| align_of(&c.text)).collect();
    let end = body.last().unwrap_or(&delimiter).span.end;
    Some(Table {
        span: Span::new(header.span.start, end),
        header,
        delimiter,
        rows: body,
        alignments,
    })
}

fn align_of(cell: &str) -> Align {
    match (cell.starts_with(':'), cell.len() > 1 && cell.ends_with(':')) {
        (true, true) => Align::Center,
        (true, false) => Align::Left,
        (false, true) => Align::Right,
        (false, false) => Align::None,
    }
}

/// The row whose first byte (after any container prefix) is at `start`.
fn row_at(text: &str, start: usize) -> Row {
    let line = line_at(text, start);
    split_row(
        text,
        line,
        start.clamp(line.start, line.start + line.content.len()),
    )
}

/// The line holding byte `at` (shared with tasks).
pub(crate) use crate::note::lines::line_at;

/// Whether `b` is whitespace that GFM trims around cell content.
fn is_pad(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c' | b'\r')
}

/// Splits a row's line into cells; `start` is where the row begins after its prefix.
pub(crate) fn split_row(text: &str, line: Line<'_>, start: usize) -> Row {
    let bytes = text.as_bytes();
    let content = line.content_span();
    let mut end = content.end;
    while end > start && bytes.get(end - 1).copied().is_some_and(is_pad) {
        end -= 1;
    }
    let mut pos = start;
    while pos < end && bytes.get(pos).copied().is_some_and(is_pad) {
        pos += 1;
    }
    let leading_pipe = pos < end && bytes.get(pos) == Some(&b'|');
    let mut segment_start = if leading_pipe { pos + 1 } else { start };
    // Each cell is made as its pipe is found: no list of segments first.
    let mut cells = Vec::with_capacity(8);
    let mut i = segment_start;
    let mut pipes = 0usize;
    while i < end {
        match bytes.get(i) {
            Some(b'\\') if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
            Some(b'|') => {
                cells.push(cell_of(text, Span::new(segment_start, i)));
                pipes += 1;
                segment_start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    let trailing_pipe = pipes > 0 && segment_start >= end;
    if !trailing_pipe {
        cells.push(cell_of(
            text,
            Span::new(segment_start, end.max(segment_start)),
        ));
    }
    Row {
        span: content,
        prefix: Span::new(line.start, start),
        cells,
        leading_pipe,
        trailing_pipe,
    }
}

fn cell_of(text: &str, segment: Span) -> Cell {
    let bytes = text.as_bytes();
    let mut start = segment.start;
    let mut end = segment.end;
    while start < end && bytes.get(start).copied().is_some_and(is_pad) {
        start += 1;
    }
    while end > start && bytes.get(end - 1).copied().is_some_and(is_pad) {
        end -= 1;
    }
    if start == end {
        // Blank: the segment is ASCII whitespace, so its middle is a char boundary.
        let middle = segment.start + segment.len() / 2;
        return Cell {
            span: Span::at(middle),
            text: String::new(),
            segment,
        };
    }
    let span = Span::new(start, end);
    Cell {
        span,
        text: span.of(text).to_string(),
        segment,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod table_line_tests {
    use super::tables_in;
    use crate::span::Span;

    #[test]
    fn table_rows_after_a_lone_carriage_return_keep_their_spans() {
        let text = "intro\rmore\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let tables = tables_in(text, Span::new(0, text.len()));
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows[0].span.of(text), "| 1 | 2 |");
    }
}
