//! Table row edits: add, update, remove and find rows without rewriting the table.
//!
//! A new row follows the table's own style, read from the rows already there:
//! outer pipes or not, a space of padding around cell text or not, and, when
//! every row's pipes line up, padding each cell to its column's width
//! (counted in chars; a cell wider than its column is written as is and no
//! other row is re-padded). A table in a block quote or list item keeps its
//! container prefix on the new row.
//!
//! Invariants:
//! - Only the bytes of the changed row (adding, removing) or of the changed
//!   cells (updating) are replaced; other rows are never re-padded.
//! - Cell text never breaks the row: pipes are escaped as `\|` and line
//!   breaks become spaces.

use crate::edit::lines::insert_lines;
use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::tables::{Row, Table};
use crate::span::Span;

/// Adds a body row with `cells` after the last row of `table`.
///
/// Missing cells are left blank. When the table's only body row is blank (a
/// template's placeholder like `| | |`), that row is replaced instead.
/// More cells than columns is an `invalid_input` error.
pub fn add_row(text: &str, table: &Table, cells: &[String]) -> CoreResult<TextEdit> {
    let columns = table.columns().max(1);
    if cells.len() > columns {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "The table has {columns} columns, but {} cells were given.",
                cells.len()
            ),
        ));
    }
    let placeholder = match table.rows.as_slice() {
        [only] if only.is_blank() => Some(only),
        _ => None,
    };
    let style = Style::of(text, table, placeholder.is_some());
    let last = table.rows.last().unwrap_or(&table.delimiter);
    let texts: Vec<String> = (0..columns)
        .map(|i| cells.get(i).map(|c| cell_text(c)).unwrap_or_default())
        .collect();
    let line = format!("{}{}", last.prefix.of(text), style.row(&texts));
    if let Some(row) = placeholder {
        return Ok(TextEdit::replace(text, row.span, line));
    }
    Ok(insert_lines(text, line_end(text, last.span.end), &[line]))
}

/// Updates cells of body row `row` (0-based): `Some(text)` sets a cell,
/// `None` keeps it. Only the cells that change are replaced.
///
/// A blank cell gets a space of padding on each side when the row uses
/// padding; in a column-aligned table the cell keeps its width when the new
/// text fits. Cells past the end of a short row are appended.
///
/// A row past the end is a `row_not_found` error; a value for a column past
/// the last is an `invalid_input` error.
pub fn update_row(
    text: &str,
    table: &Table,
    row: usize,
    cells: &[Option<String>],
) -> CoreResult<Vec<TextEdit>> {
    let target = body_row(table, row)?;
    let columns = table.columns().max(1);
    if let Some(extra) = cells.iter().skip(columns).position(Option::is_some) {
        return Err(CoreError::new(
            ErrorCode::InvalidInput,
            format!(
                "The table has {columns} columns; there is no column {} to set.",
                columns + extra + 1
            ),
        ));
    }
    let style = Style::of(text, table, false);
    let mut edits = Vec::new();
    let mut appended = Vec::new();
    for (i, new) in cells.iter().enumerate().take(columns) {
        let Some(new) = new else { continue };
        let new = cell_text(new);
        match target.cells.get(i) {
            Some(cell) if cell.text == new => {}
            Some(cell) => {
                let is_first_open = i == 0 && !target.leading_pipe;
                let is_last_open = i + 1 == target.cells.len() && !target.trailing_pipe;
                if is_first_open && new.is_empty() {
                    // A blank first cell needs a leading pipe: `a | b` becomes `| | b`.
                    let pad = if style.padded { " " } else { "" };
                    edits.push(TextEdit::replace(text, cell.segment, format!("|{pad}")));
                    continue;
                }
                let new = if is_first_open {
                    escape_block_start(&new)
                } else {
                    new
                };
                if new == cell.text {
                    continue;
                }
                if style.aligned || cell.text.is_empty() {
                    let width = if style.aligned {
                        cell.segment.of(text).chars().count()
                    } else {
                        0
                    };
                    let segment = style.segment(&new, !is_first_open, !is_last_open, width);
                    edits.push(TextEdit::replace(text, cell.segment, segment));
                } else {
                    edits.push(TextEdit::replace(text, cell.span, new));
                }
            }
            None if new.is_empty() => {}
            None => appended.push((i, new)),
        }
    }
    if let Some(&(last_index, _)) = appended.last() {
        edits.push(append_cells(target, &style, columns, last_index, &appended));
    }
    let blank_after = target
        .cells
        .iter()
        .enumerate()
        .all(|(i, cell)| match cells.get(i) {
            Some(Some(new)) => cell_text(new).is_empty(),
            _ => cell.text.is_empty(),
        })
        && appended.iter().all(|(_, new)| new.is_empty());
    if blank_after && !target.trailing_pipe && !edits.is_empty() {
        // A row of blanks needs its closing pipe, or it reads as no row.
        if let Some(last) = target.cells.last() {
            edits.push(TextEdit::insert(last.segment.end, "|"));
        }
    }
    Ok(edits)
}

/// Removes body row `row` (0-based), line ending included. When the row is
/// the note's last line and has no line ending, the ending before it goes.
pub fn remove_row(text: &str, table: &Table, row: usize) -> CoreResult<TextEdit> {
    let target = body_row(table, row)?;
    let end = line_end(text, target.span.end);
    if end > target.span.end {
        return Ok(TextEdit::replace(
            text,
            Span::new(target.span.start, end),
            "",
        ));
    }
    let before = text.as_bytes().get(..target.span.start).unwrap_or_default();
    let ending = match before {
        [.., b'\r', b'\n'] => 2,
        [.., b'\n'] => 1,
        _ => 0,
    };
    Ok(TextEdit::replace(
        text,
        Span::new(target.span.start - ending, target.span.end),
        "",
    ))
}

/// Finds the body row whose first cell is `key`: compared case-insensitively
/// with whitespace collapsed, and also matching a first cell that is a
/// wikilink to `key` (`[[key]]`, `[[key\|alias]]`).
///
/// No match, or several, is a `row_not_found` error naming the key.
pub fn find_row(table: &Table, key: &str) -> CoreResult<usize> {
    let wanted = normalise(key);
    let matches: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| {
            row.cells
                .first()
                .is_some_and(|c| first_cell_matches(&c.text, &wanted))
        })
        .map(|(i, _)| i)
        .collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(CoreError::new(
            ErrorCode::RowNotFound,
            format!("No row of the table starts with \"{}\".", key.trim()),
        )),
        many => Err(CoreError::new(
            ErrorCode::RowNotFound,
            format!(
                "{} rows of the table start with \"{}\"; make the first cells unique to pick one.",
                many.len(),
                key.trim()
            ),
        )),
    }
}

/// Cleans cell text for a row: trimmed, line breaks as spaces, unescaped
/// pipes escaped (`\|` stays as it is), and a lone trailing backslash
/// doubled so it cannot escape the closing pipe.
pub fn cell_text(text: &str) -> String {
    let flat = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(flat.len());
    let mut escaped = false;
    for c in flat.trim().chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    if escaped {
        // A lone trailing backslash would escape the cell's closing pipe.
        out.push('\\');
    }
    out
}

/// Escapes text that would start another block (a list, quote, heading…)
/// at the start of a row without a leading pipe, which would end the table.
fn escape_block_start(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let at = match text.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => digits,
        Some(b'>' | b'#' | b'-' | b'+' | b'*' | b'=' | b'_' | b'~' | b'`' | b'<')
            if digits == 0 =>
        {
            0
        }
        _ => return text.to_string(),
    };
    let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
        return text.to_string();
    };
    format!("{head}\\{tail}")
}

fn body_row(table: &Table, row: usize) -> CoreResult<&Row> {
    table.rows.get(row).ok_or_else(|| {
        CoreError::new(
            ErrorCode::RowNotFound,
            format!(
                "The table has {} body rows; there is no row {}.",
                table.rows.len(),
                row + 1
            ),
        )
    })
}

/// The byte after the line ending that follows `content_end`, or `content_end`
/// itself when the line has no ending.
fn line_end(text: &str, content_end: usize) -> usize {
    match text.as_bytes().get(content_end..) {
        Some([b'\r', b'\n', ..]) => content_end + 2,
        Some([b'\n', ..]) => content_end + 1,
        _ => content_end,
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn first_cell_matches(cell: &str, wanted: &str) -> bool {
    if normalise(cell) == wanted {
        return true;
    }
    let Some(inner) = cell.strip_prefix("[[").and_then(|c| c.strip_suffix("]]")) else {
        return false;
    };
    let target = inner.split('|').next().unwrap_or(inner);
    let target = target.strip_suffix('\\').unwrap_or(target);
    normalise(target) == wanted
}

/// How a table writes its rows.
struct Style {
    leading_pipe: bool,
    trailing_pipe: bool,
    padded: bool,
    /// Whether every row's pipes line up; then `widths` are the column widths.
    aligned: bool,
    widths: Vec<usize>,
}

impl Style {
    fn of(text: &str, table: &Table, skip_placeholder: bool) -> Self {
        let header = &table.header;
        let body: Vec<&Row> = if skip_placeholder {
            Vec::new()
        } else {
            table.rows.iter().collect()
        };
        let mut votes = (0usize, 0usize);
        for row in std::iter::once(header).chain(body.iter().copied()) {
            for (i, cell) in row.cells.iter().enumerate() {
                if cell.text.is_empty() || (i == 0 && !row.leading_pipe) {
                    continue;
                }
                if cell.segment.start < cell.span.start {
                    votes.0 += 1;
                } else {
                    votes.1 += 1;
                }
            }
        }
        let widths: Vec<usize> = header
            .cells
            .iter()
            .map(|c| c.segment.of(text).chars().count())
            .collect();
        let signature = pipe_columns(text, header);
        let lines_up = pipe_columns(text, &table.delimiter) == signature
            && body.iter().all(|row| pipe_columns(text, row) == signature);
        // Header and delimiter alone line up in any generated table; only
        // padding beyond one space shows the author aligns columns by hand.
        let deliberate = !body.is_empty()
            || header
                .cells
                .iter()
                .any(|c| c.segment.of(text).chars().count() > c.text.chars().count() + 2);
        Self {
            leading_pipe: header.leading_pipe,
            trailing_pipe: header.trailing_pipe,
            padded: votes.0 >= votes.1,
            aligned: lines_up && deliberate,
            widths,
        }
    }

    /// A whole row (without prefix) for already-cleaned cell texts.
    fn row(&self, texts: &[String]) -> String {
        let last = texts.len().saturating_sub(1);
        // Without a leading pipe a blank first cell cannot be written (the
        // first pipe would read as the leading one), so such a row gets one.
        let leading_pipe = self.leading_pipe || texts.first().is_some_and(String::is_empty);
        // A row of blanks needs its closing pipe too, or it reads as no row.
        let trailing_pipe = self.trailing_pipe || texts.iter().all(String::is_empty);
        let segments: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let escaped;
                let t = if i == 0 && !leading_pipe {
                    escaped = escape_block_start(t);
                    &escaped
                } else {
                    t
                };
                let left = i > 0 || leading_pipe;
                let right = i < last || trailing_pipe;
                let forced = i == 0 && leading_pipe && !self.leading_pipe;
                let width = if self.aligned && !forced {
                    self.widths.get(i).copied().unwrap_or(0)
                } else {
                    0
                };
                self.segment(t, left, right, width)
            })
            .collect();
        let mut line = String::new();
        if leading_pipe {
            line.push('|');
        }
        line.push_str(&segments.join("|"));
        if trailing_pipe {
            line.push('|');
        }
        line
    }

    /// One cell's bytes between its pipes: padding where a pipe is on that
    /// side and the table pads, filled with spaces up to `width` chars when
    /// the cell is closed on the right.
    fn segment(&self, text: &str, pipe_left: bool, pipe_right: bool, width: usize) -> String {
        let left = if self.padded && pipe_left { " " } else { "" };
        let right = if self.padded && pipe_right { " " } else { "" };
        let mut out = if text.is_empty() && width == 0 {
            if self.padded && (pipe_left || pipe_right) {
                " ".to_string()
            } else {
                String::new()
            }
        } else {
            format!("{left}{text}")
        };
        if pipe_right {
            let used = out.chars().count() + right.chars().count();
            out.push_str(&" ".repeat(width.saturating_sub(used)));
            if !(text.is_empty() && width == 0) {
                out.push_str(right);
            }
        }
        out
    }
}

/// Where a row's pipes are, in chars from the end of its prefix.
fn pipe_columns(text: &str, row: &Row) -> Vec<usize> {
    let mut bytes = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        if i > 0 || row.leading_pipe {
            bytes.push(cell.segment.start.saturating_sub(1));
        }
    }
    if row.trailing_pipe {
        if let Some(last) = row.cells.last() {
            bytes.push(last.segment.end);
        }
    }
    let mut columns = Vec::with_capacity(bytes.len());
    let mut from = row.prefix.end;
    let mut count = 0;
    for at in bytes {
        count += Span::new(from, at).of(text).chars().count();
        columns.push(count);
        from = at;
    }
    columns
}

/// Appends the cells a short row lacks, up to and including `last_index`.
fn append_cells(
    row: &Row,
    style: &Style,
    columns: usize,
    last_index: usize,
    values: &[(usize, String)],
) -> TextEdit {
    let existing = row.cells.len();
    let mut added = String::new();
    for i in existing..=last_index.min(columns.saturating_sub(1)) {
        let value = values
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let width = if style.aligned {
            style.widths.get(i).copied().unwrap_or(0)
        } else {
            0
        };
        if row.trailing_pipe {
            added.push_str(&style.segment(value, true, true, width));
            added.push('|');
        } else {
            let pad = if style.padded { " " } else { "" };
            added.push_str(pad);
            added.push('|');
            if !value.is_empty() {
                added.push_str(pad);
                added.push_str(value);
            }
        }
    }
    let at = row.cells.last().map_or(row.span.end, |c| {
        c.segment.end + usize::from(row.trailing_pipe)
    });
    TextEdit::insert(at, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};
    use crate::note::tables::tables_in;

    fn table(text: &str) -> Table {
        tables_in(text, Span::new(0, text.len()))
            .into_iter()
            .next()
            .expect("a table")
    }

    fn run(text: &str, edits: &[TextEdit]) -> String {
        match apply(text, edits).unwrap() {
            Applied::Changed(t) => t,
            Applied::Unchanged => text.to_string(),
        }
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn add(text: &str, cells: &[&str]) -> String {
        run(
            text,
            &[add_row(text, &table(text), &strings(cells)).unwrap()],
        )
    }

    #[test]
    fn should_append_a_padded_row_after_the_last_row_with_lf_and_crlf() {
        assert_eq!(
            add("| a | b |\n|---|---|\n| 1 | 22 |\n\nafter\n", &["x", "y"]),
            "| a | b |\n|---|---|\n| 1 | 22 |\n| x | y |\n\nafter\n"
        );
        assert_eq!(
            add("| a | b |\r\n|---|---|\r\n| 1 | 22 |\r\n", &["x", "y"]),
            "| a | b |\r\n|---|---|\r\n| 1 | 22 |\r\n| x | y |\r\n"
        );
    }

    #[test]
    fn should_append_after_the_delimiter_when_there_are_no_rows_and_keep_a_missing_final_newline() {
        assert_eq!(
            add("| a | b |\n|---|---|", &["x"]),
            "| a | b |\n|---|---|\n| x | |"
        );
        assert_eq!(
            add("| a |\r\n|---|\r\n| 1 |", &["2"]),
            "| a |\r\n|---|\r\n| 1 |\r\n| 2 |"
        );
    }

    #[test]
    fn should_replace_a_template_placeholder_row() {
        let text =
            "| Name | Role | Relationship |\n|------|------|--------------|\n| | | |\n\n## Next\n";
        assert_eq!(
            add(text, &["Ada", "CTO"]),
            "| Name | Role | Relationship |\n|------|------|--------------|\n| Ada | CTO | |\n\n## Next\n",
            "should fill the placeholder without padding to the generated delimiter"
        );
        let second = add(
            &add(text, &["Ada", "CTO", "Sponsor"]),
            &["Bob", "VP", "Mentor"],
        );
        assert!(
            second.contains("| Ada | CTO | Sponsor |\n| Bob | VP | Mentor |\n"),
            "should append once the placeholder is filled: {second}"
        );
    }

    #[test]
    fn should_follow_a_table_without_outer_pipes_or_padding() {
        assert_eq!(
            add("a | b\n--|--\n1 | 2\n", &["x", "y"]),
            "a | b\n--|--\n1 | 2\nx | y\n"
        );
        assert_eq!(
            add("|a|b|\n|-|-|\n|1|2|\n", &["x", "y"]),
            "|a|b|\n|-|-|\n|1|2|\n|x|y|\n"
        );
    }

    #[test]
    fn should_pad_to_column_widths_in_an_aligned_table_and_not_shrink() {
        let text = "| Name  | Status |\n| ----- | ------ |\n| Ada   | ok     |\n";
        assert_eq!(
            add(text, &["Bo", "done"]),
            format!("{text}| Bo    | done   |\n")
        );
        assert_eq!(
            add(text, &["Bartholomew", ""]),
            format!("{text}| Bartholomew |        |\n"),
            "should write a wide cell as is"
        );
        let cjk = "| 名前  | 状態  |\n| --- | --- |\n| 日本語 | 良い  |\n";
        assert_eq!(
            add(cjk, &["🎯", "x"]),
            format!("{cjk}| 🎯   | x   |\n"),
            "should count chars, not bytes"
        );
    }

    #[test]
    fn should_escape_pipes_and_flatten_newlines_in_new_cells() {
        assert_eq!(
            add("| a | b |\n|---|---|\n", &["[[Note|Alias]]", "two\nlines"]),
            "| a | b |\n|---|---|\n| [[Note\\|Alias]] | two lines |\n"
        );
        assert_eq!(
            cell_text("[[Note\\|Alias]]"),
            "[[Note\\|Alias]]",
            "should not double-escape an escaped pipe"
        );
        assert_eq!(cell_text(" a|b\r\nc "), "a\\|b c");
    }

    #[test]
    fn should_keep_rows_of_pipe_less_tables_inside_the_table() {
        let text = "a | b\n--|--\n1 | 2\n";
        assert_eq!(
            add(text, &["- item", "y"]),
            format!("{text}\\- item | y\n"),
            "should escape a list marker"
        );
        assert_eq!(
            add(text, &["2. x", "y"]),
            format!("{text}2\\. x | y\n"),
            "should escape an ordered marker"
        );
        assert_eq!(
            add(text, &["", "y"]),
            format!("{text}| | y\n"),
            "should use a leading pipe for a blank first cell"
        );
        let edits = update_row(
            text,
            &table(text),
            0,
            &[Some(String::new()), Some("> q".into())],
        )
        .unwrap();
        assert_eq!(
            run(text, &edits),
            "a | b\n--|--\n| | > q\n",
            "should keep a blanked first cell in its column"
        );
        assert_eq!(
            cell_text("ends\\"),
            "ends\\\\",
            "should double a lone trailing backslash"
        );
        let out = add("|a|b|\n|-|-|\n", &["ends\\", "x"]);
        let t = table(&out);
        assert_eq!(
            t.rows[0].cells.len(),
            2,
            "should not let a backslash swallow a pipe: {out}"
        );
    }

    #[test]
    fn should_close_rows_of_blanks_so_they_stay_rows() {
        assert_eq!(
            add("|A\n|---", &[]),
            "|A\n|---\n||",
            "should close a blank single-column row"
        );
        let text = "|A\n|---\n|日";
        let edits = update_row(text, &table(text), 0, &[Some(String::new())]).unwrap();
        assert_eq!(
            run(text, &edits),
            "|A\n|---\n||",
            "should close a row blanked by an update"
        );
        assert_eq!(
            table(&run(text, &edits)).rows.len(),
            1,
            "should still read the row"
        );
    }

    #[test]
    fn should_keep_the_container_prefix_of_nested_tables() {
        assert_eq!(
            add("> | a |\n> |---|\n> | 1 |\n", &["2"]),
            "> | a |\n> |---|\n> | 1 |\n> | 2 |\n"
        );
        assert_eq!(
            add("- item\n\n  | a |\n  |---|\n", &["2"]),
            "- item\n\n  | a |\n  |---|\n  | 2 |\n"
        );
    }

    #[test]
    fn should_refuse_more_cells_than_columns() {
        let text = "| a |\n|---|\n";
        let err = add_row(text, &table(text), &strings(&["1", "2"])).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::InvalidInput,
            "should refuse extra cells"
        );
    }

    #[test]
    fn should_update_only_changed_cells() {
        let text = "\u{feff}| Skill | Level | Notes |\n|---|---|---|\n| Rust 🦀 | 2 | |\n";
        let t = table(text);
        let edits = update_row(
            text,
            &t,
            0,
            &[None, Some("3".into()), Some("from 日本".into())],
        )
        .unwrap();
        assert_eq!(edits.len(), 2, "should make one edit per changed cell");
        assert_eq!(
            run(text, &edits),
            "\u{feff}| Skill | Level | Notes |\n|---|---|---|\n| Rust 🦀 | 3 | from 日本 |\n"
        );
        assert!(
            update_row(text, &t, 0, &[Some("Rust 🦀".into()), Some("2".into())])
                .unwrap()
                .is_empty(),
            "should skip equal cells"
        );
        assert_eq!(
            update_row(text, &t, 1, &[None]).unwrap_err().code,
            ErrorCode::RowNotFound
        );
        assert_eq!(
            update_row(text, &t, 0, &[None, None, None, Some("x".into())])
                .unwrap_err()
                .code,
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn should_keep_widths_when_updating_an_aligned_table() {
        let text = "| Name  | Status |\r\n| ----- | ------ |\r\n| Ada   | ok     |\r\n";
        let edits = update_row(text, &table(text), 0, &[None, Some("done".into())]).unwrap();
        assert_eq!(
            run(text, &edits),
            "| Name  | Status |\r\n| ----- | ------ |\r\n| Ada   | done   |\r\n"
        );
    }

    #[test]
    fn should_append_cells_to_a_short_row() {
        let text = "| a | b | c |\n|---|---|---|\n| 1 |\n";
        let edits = update_row(text, &table(text), 0, &[None, None, Some("3".into())]).unwrap();
        assert_eq!(
            run(text, &edits),
            "| a | b | c |\n|---|---|---|\n| 1 | | 3 |\n"
        );
        let open = "a | b\n--|--\n1";
        let edits = update_row(open, &table(open), 0, &[None, Some("2".into())]).unwrap();
        assert_eq!(run(open, &edits), "a | b\n--|--\n1 | 2");
    }

    #[test]
    fn should_remove_a_row_with_its_line_ending() {
        let text = "| a |\r\n|---|\r\n| 1 |\r\n| 2 |\r\n\r\nend";
        assert_eq!(
            run(text, &[remove_row(text, &table(text), 0).unwrap()]),
            "| a |\r\n|---|\r\n| 2 |\r\n\r\nend"
        );
        let last = "| a |\n|---|\n| 1 |\n| 2 |";
        assert_eq!(
            run(last, &[remove_row(last, &table(last), 1).unwrap()]),
            "| a |\n|---|\n| 1 |",
            "should remove the ending before an unterminated last line"
        );
        assert_eq!(
            remove_row(last, &table(last), 2).unwrap_err().code,
            ErrorCode::RowNotFound
        );
    }

    #[test]
    fn should_find_rows_by_first_cell_text_or_wikilink() {
        let text = "| Name | x |\n|---|---|\n| Ada  Lovelace | 1 |\n| [[Grace Hopper\\|Grace]] | 2 |\n| [[Bob]] | 3 |\n| 山田 | 4 |\n";
        let t = table(text);
        assert_eq!(
            find_row(&t, "ada lovelace").unwrap(),
            0,
            "should ignore case and extra spaces"
        );
        assert_eq!(
            find_row(&t, "Grace Hopper").unwrap(),
            1,
            "should match an aliased wikilink target"
        );
        assert_eq!(
            find_row(&t, "bob").unwrap(),
            2,
            "should match a wikilink target"
        );
        assert_eq!(
            find_row(&t, "[[Bob]]").unwrap(),
            2,
            "should match the link as written"
        );
        assert_eq!(find_row(&t, "山田").unwrap(), 3);
        let missing = find_row(&t, "Zed").unwrap_err();
        assert_eq!(missing.code, ErrorCode::RowNotFound);
        assert!(missing.message.contains("Zed"), "should name the key");
        let twice = table("| a |\n|---|\n| x |\n| X |\n");
        assert_eq!(
            find_row(&twice, "x").unwrap_err().code,
            ErrorCode::RowNotFound,
            "should refuse an ambiguous key"
        );
    }

    #[test]
    fn should_never_touch_bytes_outside_the_edit() {
        let text = "before  \n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter \u{0}\n";
        let out = add(text, &["x", "y"]);
        assert!(out.starts_with("before  \n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
        assert!(out.ends_with("\nafter \u{0}\n"));
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Cell text as a reader sees it: markdown escapes removed, whitespace collapsed.
        fn semantic(text: &str) -> String {
            let mut out = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                    out.extend(chars.next());
                    continue;
                }
                out.push(c);
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        }

        fn semantic_cells(row: &Row, columns: usize) -> Vec<String> {
            (0..columns)
                .map(|i| {
                    row.cells
                        .get(i)
                        .map(|c| semantic(&c.text))
                        .unwrap_or_default()
                })
                .collect()
        }

        /// A note holding one table in any of the styles users write.
        fn table_note() -> impl Strategy<Value = (String, usize)> {
            (1usize..4).prop_flat_map(|columns| {
                let word = "[a-zA-Z日🎯]{1,5}";
                (
                    Just(columns),
                    proptest::collection::vec(word, columns),
                    proptest::collection::vec(proptest::collection::vec(word, columns), 0..3),
                    (any::<bool>(), any::<bool>(), any::<bool>()),
                    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
                )
                    .prop_map(
                        |(
                            columns,
                            header,
                            rows,
                            (lead, trail, padded),
                            (crlf, quote, bom, after),
                        )| {
                            let lead = lead || columns == 1;
                            let nl = if crlf { "\r\n" } else { "\n" };
                            let prefix = if quote { "> " } else { "" };
                            let line = |cells: &[String]| {
                                let mut segments: Vec<String> = cells
                                    .iter()
                                    .map(|c| if padded { format!(" {c} ") } else { c.clone() })
                                    .collect();
                                if !lead {
                                    if let Some(first) = segments.first_mut() {
                                        *first = first.trim_start().to_string();
                                    }
                                }
                                if !trail {
                                    if let Some(last) = segments.last_mut() {
                                        *last = last.trim_end().to_string();
                                    }
                                }
                                format!(
                                    "{prefix}{}{}{}",
                                    if lead { "|" } else { "" },
                                    segments.join("|"),
                                    if trail { "|" } else { "" }
                                )
                            };
                            let mut lines =
                                vec![line(&header), line(&vec!["---".to_string(); columns])];
                            lines.extend(rows.iter().map(|r| line(r)));
                            let mut text = format!(
                                "{}# T{nl}{nl}{}",
                                if bom { "\u{feff}" } else { "" },
                                lines.join(nl)
                            );
                            if after {
                                text.push_str(&format!("{nl}{nl}after{nl}"));
                            }
                            (text, columns)
                        },
                    )
            })
        }

        fn cell_input() -> impl Strategy<Value = String> {
            "[a-z 日🎯|\\\\`#>\\-\n.1<*]{0,8}"
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

            #[test]
            fn should_add_a_row_that_reads_back_and_keep_the_others((text, columns) in table_note(), cells in proptest::collection::vec(cell_input(), 0..4)) {
                let cells: Vec<String> = cells.into_iter().take(columns).collect();
                let before = table(&text);
                let out = run(&text, &[add_row(&text, &before, &cells).unwrap()]);
                let after = tables_in(&out, Span::new(0, out.len()));
                prop_assert_eq!(after.len(), 1, "should keep one table: {:?}", out);
                let after = &after[0];
                prop_assert_eq!(after.rows.len(), before.rows.len() + 1, "should add one row: {:?}", out);
                for (old, new) in before.rows.iter().zip(&after.rows) {
                    prop_assert_eq!(old.span.of(&text), new.span.of(&out), "should keep existing rows");
                }
                let want: Vec<String> = (0..columns).map(|i| cells.get(i).map(|c| semantic(c)).unwrap_or_default()).collect();
                prop_assert_eq!(semantic_cells(after.rows.last().unwrap(), columns), want, "should read the new cells back: {:?}", out);
            }

            #[test]
            fn should_update_and_remove_rows_that_read_back((text, columns) in table_note(), cells in proptest::collection::vec(proptest::option::of(cell_input()), 0..4), pick in 0usize..3) {
                let before = table(&text);
                if before.rows.is_empty() {
                    return Ok(());
                }
                let row = pick % before.rows.len();
                let cells: Vec<Option<String>> = cells.into_iter().take(columns).collect();
                let out = run(&text, &update_row(&text, &before, row, &cells).unwrap());
                let after = table(&out);
                prop_assert_eq!(after.rows.len(), before.rows.len());
                let old = semantic_cells(&before.rows[row], columns);
                let want: Vec<String> = (0..columns)
                    .map(|i| match cells.get(i) {
                        Some(Some(new)) => semantic(new),
                        _ => old[i].clone(),
                    })
                    .collect();
                prop_assert_eq!(semantic_cells(&after.rows[row], columns), want, "should read the updated cells back: {:?}", out);
                let removed = run(&text, &[remove_row(&text, &before, row).unwrap()]);
                let left = table(&removed);
                prop_assert_eq!(left.rows.len(), before.rows.len() - 1, "should remove one row: {:?}", removed);
            }
        }
    }
}
