//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `note::placeholders`.
use career_core::note::lines::lines_in;
use career_core::note::tables::tables_in;
use career_core::Span;

/// Fixed labels in the first column of the template's key-value tables.
const ROW_LABELS: &[&str] = &[
    "direct reports",
    "total org",
    "budget",
    "focus",
    "speaking",
    "writing",
];

/// Values the template uses as stand-ins.
const STAND_INS: &[&str] = &["x", "$x", "tbd", "todo", "…", "..."];

/// Removes `[placeholder]` groups (single brackets; `[[links]]` and `[x]`
/// checkboxes stay), returning the rest and whether any group was removed.
fn without_bracket_groups(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let is_link = after.starts_with("[[");
        let close = after.find(']');
        match close {
            Some(close) if !is_link && close > 2 => {
                removed = true;
                rest = after.get(close + 1..).unwrap_or("");
            }
            _ => {
                out.push('[');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    (out, removed)
}

/// Whether a line holds no words of the person's own.
pub fn is_placeholder_line(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty()
        || trimmed.starts_with('#')
        || trimmed
            .chars()
            .all(|c| matches!(c, '-' | '*' | '_' | '|' | ':' | ' '))
    {
        return true;
    }
    if trimmed.contains("Full cascade") {
        return true; // the template's link from the theme to the goals note
    }
    if trimmed.starts_with('|') {
        let cells = trimmed.trim_matches('|').split('|').map(str::trim);
        let label_row = cells.clone().next().is_some_and(|c| one_of(c, ROW_LABELS));
        return cells.enumerate().all(|(i, c)| {
            (i == 0 && label_row) || c.is_empty() || one_of(c, STAND_INS) || is_placeholder_text(c)
        });
    }
    is_placeholder_text(trimmed)
}

/// Whether `text`, lower-cased, is one of `list` (lower-case already).
fn one_of(text: &str, list: &[&str]) -> bool {
    if text.is_ascii() {
        list.iter().any(|item| text.eq_ignore_ascii_case(item))
    } else {
        list.contains(&text.to_lowercase().as_str())
    }
}

/// Whether text is only markers, labels and bracketed prompts.
fn is_placeholder_text(text: &str) -> bool {
    // Without brackets and bold labels, the words are the text's own, and no
    // stand-in has more than four letters or digits: most lines a person
    // wrote are told apart here without copying them.
    if !text.contains('[')
        && !text.contains("**")
        && text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .nth(4)
            .is_some()
    {
        return false;
    }
    let (rest, removed) = without_bracket_groups(text);
    let mut rest = rest;
    // A bold label with nothing after it ("**Life:**", "**North Star (2031):**").
    while let Some(start) = rest.find("**") {
        let Some(len) = rest.get(start + 2..).and_then(|r| r.find("**")) else {
            break;
        };
        let label = rest.get(start + 2..start + 2 + len).unwrap_or("");
        if label.trim_end().ends_with(':') || label.trim().is_empty() || label.contains('"') {
            rest.replace_range(start..start + len + 4, "");
        } else {
            break;
        }
    }
    let words: String = rest
        .trim_start_matches(['-', '*', '+', '>', ' '])
        .replace("[ ]", "")
        .replace(['—', '–', '"', '*', ':', '>', '|'], " ");
    let words = words.trim();
    (removed && words.is_empty()) || STAND_INS.contains(&words.to_lowercase().as_str())
}

/// Whether every line of `span` is blank or a template prompt. Table header
/// rows are structure, not content.
pub fn is_placeholder_only(text: &str, span: Span) -> bool {
    // Only a line with a `|` can be a table's header row, so a section with
    // any other line of its own is filled without parsing its tables.
    let mut maybe_header = false;
    for line in lines_in(text, span) {
        if is_placeholder_line(line.content) {
            continue;
        }
        if !line.content.contains('|') {
            return false;
        }
        maybe_header = true;
    }
    if !maybe_header {
        return true;
    }
    let headers: Vec<usize> = tables_in(text, span)
        .iter()
        .map(|t| t.header.span.start)
        .collect();
    lines_in(text, span).all(|l| headers.contains(&l.start) || is_placeholder_line(l.content))
}
