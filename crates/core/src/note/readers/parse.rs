//! Turning a span of markdown into [`Entry`]s, line by line.
//!
//! A line-level reader rather than the comrak tree: it must keep the
//! line numbers findings cite, read half-formed tables and lists the way a
//! person means them, and never fail.

use std::sync::Arc;

use super::{line_of, Entry, Form};
use crate::note::aliases::kind_of;
use crate::note::lines::{find_str, lines_in};
use crate::note::placeholders::is_placeholder_line;
use crate::span::Span;

/// The entries of `text[span]`, top to bottom.
pub fn entries(text: &str, span: Span) -> Vec<Entry> {
    let lines: Vec<&str> = lines_in(text, span).map(|l| l.content).collect();
    read(line_of(text, span.start), &lines, None)
}

/// What [`read`] notes of a whole note, so that a span's entries can be
/// taken from it (see [`super::reading`]).
#[derive(Debug, Default)]
pub(super) struct Trace {
    /// Per line: whether the reader entered it as it enters a span's first
    /// line (outside fences, comments, tables and paragraphs).
    pub(super) fresh: Vec<bool>,
    /// Per entry: the 1-based line that set its group (0 when it has none).
    pub(super) group_lines: Vec<usize>,
}

/// The entries of `lines`, the first of which is 1-based line `first`.
pub(super) fn read(first: usize, lines: &[&str], mut trace: Option<&mut Trace>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut group: Option<String> = None;
    let mut group_line = 0;
    // No headers, shared by every entry without a table header.
    let none: Arc<[String]> = Arc::from([]);
    let mut headers = Arc::clone(&none);
    let mut in_table = false;
    let mut in_fence = false;
    let mut in_comment = false;
    let mut paragraph_open = false;
    for (i, raw) in lines.iter().enumerate() {
        if let Some(t) = trace.as_deref_mut() {
            t.fresh
                .push(!in_fence && !in_comment && !paragraph_open && !in_table);
        }
        let line = first + i;
        let trimmed = raw.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            paragraph_open = false;
            continue;
        }
        if in_fence {
            continue;
        }
        if in_comment || trimmed.starts_with("<!--") || trimmed.starts_with("%%") {
            let closes = trimmed.ends_with("-->") || (trimmed.len() > 2 && trimmed.ends_with("%%"));
            in_comment = !closes;
            paragraph_open = false;
            continue;
        }
        if trimmed.is_empty() {
            paragraph_open = false;
            in_table = false;
            continue;
        }
        if trimmed.starts_with('#') {
            group = Some(clean(trimmed.trim_start_matches('#')));
            group_line = line;
            paragraph_open = false;
            in_table = false;
            continue;
        }
        if is_rule(trimmed) {
            paragraph_open = false;
            continue;
        }
        let quoted = strip_quote(trimmed);
        if quoted.starts_with("[!") {
            continue;
        }
        if quoted.starts_with('|') {
            paragraph_open = false;
            if is_separator(quoted) {
                continue;
            }
            let next_is_separator = lines
                .get(i + 1)
                .is_some_and(|n| is_separator(strip_quote(n.trim())));
            if next_is_separator {
                headers = split_row(quoted).iter().map(|c| c.to_lowercase()).collect();
                in_table = true;
                continue;
            }
            if !in_table {
                headers = Arc::clone(&none);
                in_table = true;
            }
            if is_placeholder_line(quoted) {
                continue;
            }
            let cells = split_row(quoted);
            if cells.iter().all(String::is_empty) {
                continue;
            }
            out.push(Entry {
                line,
                end_line: line,
                form: Form::Row,
                name: cells.first().cloned().unwrap_or_default(),
                detail: joined(cells.get(1..).unwrap_or_default(), ", "),
                text: joined(&cells, " | "),
                cells,
                headers: headers.clone(),
                group: group.clone(),
            });
            if let Some(t) = trace.as_deref_mut() {
                t.group_lines.push(group_line);
            }
            continue;
        }
        in_table = false;
        if is_placeholder_line(raw) {
            paragraph_open = false;
            continue;
        }
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        let item = list_item(quoted);
        if let (true, Some(last)) = (indented, out.last_mut()) {
            if last.form != Form::Row {
                let (_, body) = item.unwrap_or((Form::Paragraph, quoted));
                last.text.push('\n');
                last.text.push_str(&clean(body));
                last.end_line = line;
                continue;
            }
        }
        match item {
            Some((form, body)) => {
                paragraph_open = false;
                if let Some(label) = label_only(body) {
                    group = Some(label);
                    group_line = line;
                    continue;
                }
                out.push(entry(line, form, body, group.clone(), &none));
                if let Some(t) = trace.as_deref_mut() {
                    t.group_lines.push(group_line);
                }
            }
            None => {
                if let Some(label) = label_only(quoted) {
                    group = Some(label);
                    group_line = line;
                    paragraph_open = false;
                    continue;
                }
                match out.last_mut() {
                    Some(last) if paragraph_open => {
                        last.text.push('\n');
                        last.text.push_str(&clean(quoted));
                        last.end_line = line;
                    }
                    _ => {
                        out.push(entry(line, Form::Paragraph, quoted, group.clone(), &none));
                        if let Some(t) = trace.as_deref_mut() {
                            t.group_lines.push(group_line);
                        }
                        paragraph_open = true;
                    }
                }
            }
        }
    }
    out
}

/// The cells that hold something, joined by `sep`.
fn joined(cells: &[String], sep: &str) -> String {
    let filled = || cells.iter().filter(|c| !c.is_empty());
    let len = filled().map(|c| c.len() + sep.len()).sum::<usize>();
    let mut out = String::with_capacity(len);
    for cell in filled() {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(cell);
    }
    out
}

fn entry(
    line: usize,
    form: Form,
    body: &str,
    group: Option<String>,
    no_headers: &Arc<[String]>,
) -> Entry {
    let (name, detail) = split_name(body);
    Entry {
        line,
        end_line: line,
        form,
        text: clean(body),
        cells: vec![name.clone(), detail.clone()],
        name,
        detail,
        headers: Arc::clone(no_headers),
        group,
    }
}

/// A list marker's form and the text after it.
fn list_item(line: &str) -> Option<(Form, &str)> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))
        .or_else(|| {
            let digits = line.find(|c: char| !c.is_ascii_digit())?;
            (digits > 0)
                .then(|| line.get(digits..))
                .flatten()
                .and_then(|r| r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")))
        })?;
    let rest = rest.trim_start();
    for (mark, done) in [
        ("[ ]", false),
        ("[x]", true),
        ("[X]", true),
        ("[/]", false),
        ("[-]", true),
    ] {
        if let Some(task) = rest.strip_prefix(mark) {
            return Some((Form::Task { done }, task.trim_start()));
        }
    }
    Some((Form::Bullet, rest))
}

/// `**Sponsors**`, `**Sponsors:**`, `Sponsors:` alone on a line: a label.
fn label_only(body: &str) -> Option<String> {
    let t = body.trim();
    let bare = t.trim_matches('*').trim_matches('_').trim();
    let label = bare
        .strip_suffix(':')
        .unwrap_or(bare)
        .trim_end_matches('*')
        .trim();
    let bold = t.starts_with("**") && t.ends_with("**") && !bare.contains("**");
    // A bold line alone is a label only when it names a section kind
    // ("**Sponsors**"); a bold statement ("**Visible outside X**") is content.
    let is_label = (t.ends_with(':') || t.ends_with(":**") || (bold && kind_of(label).is_some()))
        && !label.is_empty()
        && label.split_whitespace().count() <= 4;
    is_label.then(|| clean(label))
}

/// The leading name and the rest: a bold lead, or the text before the first
/// ` — `, ` – `, ` - `, `: `, ` (`, `, `.
fn split_name(body: &str) -> (String, String) {
    let t = body.trim();
    if let Some(rest) = t.strip_prefix("**") {
        if let Some(end) = find_str(rest, "**") {
            let name = rest.get(..end).unwrap_or("");
            let after = rest.get(end + 2..).unwrap_or("");
            let name = name.trim().trim_end_matches(':');
            let after = after
                .trim_start_matches([':', ' ', '—', '–', '-', ','])
                .trim();
            let detail = match after.strip_prefix('(') {
                Some(inner) => aside(inner),
                None => clean(after),
            };
            return (clean(name), detail);
        }
    }
    match first_separator(t) {
        Some((at, sep)) => {
            let name = t.get(..at).unwrap_or(t);
            let rest = t.get(at + sep.len()..).unwrap_or("");
            let detail = if sep == " (" {
                aside(rest)
            } else {
                clean(rest)
            };
            (clean(name), detail)
        }
        None => (clean(t), String::new()),
    }
}

/// Where the first of ` — `, ` – `, ` - `, `: `, ` (` and `, ` in `t` is,
/// and which it is (no two start at the same byte).
fn first_separator(t: &str) -> Option<(usize, &'static str)> {
    const SEPARATORS: [&str; 6] = [" — ", " – ", " - ", ": ", " (", ", "];
    t.bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b' ' | b':' | b','))
        .find_map(|(at, _)| {
            let rest = t.get(at..)?;
            SEPARATORS
                .into_iter()
                .find(|sep| rest.starts_with(sep))
                .map(|sep| (at, sep))
        })
}

/// The detail after an opening parenthesis: `VP Eng, Northwind) — sponsor`
/// reads as `VP Eng, Northwind — sponsor`.
fn aside(inner: &str) -> String {
    let Some(close) = inner.find(')') else {
        return clean(inner);
    };
    let within = clean(inner.get(..close).unwrap_or(""));
    let after = inner
        .get(close + 1..)
        .unwrap_or("")
        .trim_start_matches([':', ' ', '—', '–', '-', ',', ';'])
        .trim();
    if after.is_empty() {
        within
    } else {
        format!("{within} — {}", clean(after))
    }
}

/// Markup dropped: emphasis, inline code ticks, wikilink brackets
/// (`[[Note|Alias]]` reads as `Alias`, `[[Note]]` as `Note`), escaped pipes.
pub(super) fn clean(s: &str) -> String {
    // Which of `[`, `*`, `_`, `` ` `` and `\` the text holds: without them
    // nothing below changes it but the trim.
    let marks = s.bytes().fold(0u8, |seen, b| {
        seen | match b {
            b'[' => 1,
            b'*' => 2,
            b'_' => 4,
            b'`' => 8,
            b'\\' => 16,
            _ => 0,
        }
    });
    if marks == 0 {
        return s.trim().to_string();
    }
    // One copy, changed in the same order as ever.
    let mut t = if marks & 1 != 0 && find_str(s, "[[").is_some() {
        unlink(s)
    } else {
        s.to_string()
    };
    for (bit, mark, with) in [(2, "**", ""), (4, "__", ""), (8, "`", ""), (16, "\\|", "|")] {
        if marks & bit != 0 && find_str(&t, mark).is_some() {
            t = replace(&t, mark, with);
        }
    }
    let kept = t.trim().trim_matches('*').trim_matches('_').trim();
    if kept.len() == t.len() {
        t
    } else {
        kept.to_string()
    }
}

/// `text.replace(mark, with)`, finding `mark` as [`find_str`] does.
fn replace(text: &str, mark: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_str(rest, mark) {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(with);
        rest = rest.get(at + mark.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Wikilinks as the text they show.
fn unlink(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = find_str(rest, "[[") {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = find_str(after, "]]") else {
            out.push_str(after);
            return out;
        };
        let inner = after.get(..close).unwrap_or("");
        let inner = if find_str(inner, "\\|").is_some() {
            std::borrow::Cow::Owned(inner.replace("\\|", "|"))
        } else {
            std::borrow::Cow::Borrowed(inner)
        };
        out.push_str(inner.rsplit('|').next().unwrap_or(&inner));
        rest = after.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

pub(super) fn strip_quote(line: &str) -> &str {
    let mut t = line;
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    t
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && (t.chars().all(|c| c == '-' || c == ' ')
            || t.chars().all(|c| c == '*' || c == ' ')
            || t.chars().all(|c| c == '_' || c == ' '))
}

pub(super) fn is_separator(t: &str) -> bool {
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The cells of a table row, `\|` kept inside a cell.
fn split_row(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut from = 0;
    let mut after_backslash = false;
    // `|` and `\` are ASCII, so bytes find them as characters would.
    for (at, b) in inner.bytes().enumerate() {
        if b == b'|' && !after_backslash {
            cells.push(clean(inner.get(from..at).unwrap_or("")));
            from = at + 1;
        }
        after_backslash = b == b'\\';
    }
    cells.push(clean(inner.get(from..).unwrap_or("")));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, usize, Form)> {
        entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| (e.name, e.line, e.form))
            .collect()
    }

    #[test]
    fn tables_lists_checklists_and_paragraphs_read_alike() {
        let table = "| Name | Context |\n|---|---|\n| Pat Kim | CIO |\n| [Name] | [Context] |\n";
        let bullets = "- Pat Kim — CIO, Northwind\n- **Lee Park** (architect)\n";
        let tasks = "- [ ] Pat Kim: ask for intro\n- [x] Lee Park, done\n";
        let prose = "Pat Kim, our CIO,\nsponsors me.\n\nLee Park is a mentee.\n";
        assert_eq!(names(table), [("Pat Kim".into(), 3, Form::Row)]);
        assert_eq!(
            names(bullets),
            [
                ("Pat Kim".into(), 1, Form::Bullet),
                ("Lee Park".into(), 2, Form::Bullet)
            ]
        );
        assert_eq!(
            names(tasks),
            [
                ("Pat Kim".into(), 1, Form::Task { done: false }),
                ("Lee Park".into(), 2, Form::Task { done: true })
            ]
        );
        let p = names(prose);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p.get(1).map(|e| e.1), Some(4));
    }

    #[test]
    fn labels_group_the_entries_under_them() {
        let text = "**Sponsors:**\n- Pat Kim\n\nMentees:\n- Lee Park\n";
        let got: Vec<Option<String>> = entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| e.group)
            .collect();
        assert_eq!(got, [Some("Sponsors".into()), Some("Mentees".into())]);
    }

    #[test]
    fn links_and_parentheses_read_as_the_text_they_show() {
        let text = "| Name | Context |\n|---|---|\n| [[People/Pat Kim\\|Pat Kim]] | [[Northwind]] CIO |\n- **[[Lee Park]]** (mentee)\n- **Jane Doe** (VP Eng, Northwind) — sponsor\n- Bo Li (CTO, Acme)\n";
        let got: Vec<(String, String)> = entries(text, Span::new(0, text.len()))
            .into_iter()
            .map(|e| (e.name, e.detail))
            .collect();
        assert_eq!(
            got,
            [
                ("Pat Kim".into(), "Northwind CIO".into()),
                ("Lee Park".into(), "mentee".into()),
                ("Jane Doe".into(), "VP Eng, Northwind — sponsor".into()),
                ("Bo Li".into(), "CTO, Acme".into())
            ]
        );
    }
}
