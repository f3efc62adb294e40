//! Telling a template's prompts from what a person wrote.
//!
//! The coach asks about empty sections first and the blind spot analysis
//! flags them, so both need to know when a section holds only the template's
//! placeholders: `[One sentence]`, `- [ ] [Task 1]`, a table row `| | |`,
//! `| Budget | $X |`, `**Life:** [What lifestyle looks like]`.

use crate::note::lines::{find_byte, find_str, lines_in, trim_byte, trim_fast};
use crate::note::tables::tables_in;
use crate::span::Span;

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
    let removed = bracket_groups_kept(text, |piece| out.push_str(piece));
    (out, removed)
}

/// [`without_bracket_groups`] written into `buf`, when it fits (a cell or a
/// short line nearly always does), so that telling a prompt copies nothing.
fn without_bracket_groups_in<'b>(text: &str, buf: &'b mut [u8]) -> Option<(&'b str, bool)> {
    let mut len = 0;
    let mut fits = true;
    let removed = bracket_groups_kept(text, |piece| {
        match buf.get_mut(len..len + piece.len()) {
            Some(slot) if fits => slot.copy_from_slice(piece.as_bytes()),
            _ => fits = false,
        }
        len += piece.len();
    });
    if !fits {
        return None;
    }
    // Whole pieces of `text`, and `[`: UTF-8.
    let kept = std::str::from_utf8(buf.get(..len)?).ok()?;
    Some((kept, removed))
}

/// Hands `keep` the pieces of `text` outside `[placeholder]` groups, in
/// order; whether any group was removed.
fn bracket_groups_kept<'t>(text: &'t str, mut keep: impl FnMut(&'t str)) -> bool {
    let mut removed = false;
    let mut rest = text;
    while let Some(open) = find_byte(rest.as_bytes(), b'[') {
        let (before, after) = rest.split_at(open);
        keep(before);
        let is_link = after.starts_with("[[");
        let close = find_byte(after.as_bytes(), b']');
        match close {
            Some(close) if !is_link && close > 2 => {
                removed = true;
                rest = after.get(close + 1..).unwrap_or("");
            }
            _ => {
                keep("[");
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    keep(rest);
    removed
}

/// How many letters and digits [`without_bracket_groups`] keeps of `text`
/// (once past four, any count above four).
fn kept_alphanumerics(text: &str) -> usize {
    let count = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).take(5).count();
    let mut kept = 0;
    let mut rest = text;
    while let Some(open) = find_byte(rest.as_bytes(), b'[') {
        let (before, after) = rest.split_at(open);
        kept += count(before);
        let is_link = after.starts_with("[[");
        rest = match find_byte(after.as_bytes(), b']') {
            Some(close) if !is_link && close > 2 => after.get(close + 1..).unwrap_or(""),
            _ => after.get(1..).unwrap_or(""),
        };
        if kept > 4 {
            return kept;
        }
    }
    kept + count(rest)
}

/// Whether a line holds no words of the person's own.
pub fn is_placeholder_line(line: &str) -> bool {
    let trimmed = trim_fast(line);
    if trimmed.is_empty()
        || trimmed.starts_with('#')
        || trimmed
            .bytes()
            .all(|b| matches!(b, b'-' | b'*' | b'_' | b'|' | b':' | b' '))
    {
        return true;
    }
    if find_str(trimmed, "Full cascade").is_some() {
        return true; // the template's link from the theme to the goals note
    }
    if trimmed.starts_with('|') {
        let mut cells = pipe_split(trim_byte(trimmed, b'|')).map(trim_fast);
        let prompt = |c: &str| c.is_empty() || one_of(c, STAND_INS) || is_placeholder_text(c);
        // The first cell may be one of the template's labels.
        let first = cells.next().unwrap_or("");
        return (one_of(first, ROW_LABELS) || prompt(first)) && cells.all(prompt);
    }
    is_placeholder_text(trimmed)
}

/// `text.split('|')`, finding each `|` as [`find_byte`] does.
fn pipe_split(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match find_byte(t.as_bytes(), b'|') {
            Some(at) => {
                rest = t.get(at + 1..);
                t.get(..at)
            }
            None => rest.take(),
        }
    })
}

/// Whether `text`, lower-cased, is one of `list` (lower-case already).
fn one_of(text: &str, list: &[&str]) -> bool {
    // Lower-casing never makes fewer characters, and no item has more than
    // 16 bytes (so characters): a longer text is none of them. More than 64
    // bytes are more than 16 characters.
    if text.len() > 64 {
        return false;
    }
    // An ASCII first character lower-cases to one ASCII byte: an item
    // starting otherwise cannot match (most cells part here).
    if let Some(&b) = text.as_bytes().first().filter(|b| b.is_ascii()) {
        let first = b.to_ascii_lowercase();
        if !list
            .iter()
            .any(|item| item.as_bytes().first() == Some(&first))
        {
            return false;
        }
    }
    if text.is_ascii() {
        // Lower-cased ASCII keeps its length: only an item of the same
        // length can match, which `eq_ignore_ascii_case` checks first.
        list.iter().any(|item| text.eq_ignore_ascii_case(item))
    } else if text.chars().nth(16).is_some() {
        false
    } else {
        // As `text.to_lowercase()` compared, without the copy: the two differ
        // only on a final `Σ`, and no item has a sigma.
        list.iter()
            .any(|item| text.chars().flat_map(char::to_lowercase).eq(item.chars()))
    }
}

/// Whether text is only markers, labels and bracketed prompts.
fn is_placeholder_text(text: &str) -> bool {
    !is_lone_link(text) && is_placeholder_text_in_full(text)
}

/// [`is_placeholder_text`] without its shortcut for a lone link.
fn is_placeholder_text_in_full(text: &str) -> bool {
    // Without brackets and bold labels, the words are the text's own, and no
    // stand-in has more than four letters or digits: most lines a person
    // wrote are told apart here without copying them.
    if find_byte(text.as_bytes(), b'[').is_none()
        && find_str(text, "**").is_none()
        && text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .nth(4)
            .is_some()
    {
        return false;
    }
    if !text.contains('*') {
        if kept_alphanumerics(text) > 4 {
            return false;
        }
        // Without a `*`, no bold label is dropped below: the words are what
        // the bracket groups leave.
        let mut buf = [0u8; 128];
        if let Some((rest, removed)) = without_bracket_groups_in(text, &mut buf) {
            return words_are_placeholder(rest, removed);
        }
    }
    let (rest, removed) = without_bracket_groups(text);
    let mut rest = rest;
    // A bold label with nothing after it ("**Life:**", "**North Star (2031):**").
    while let Some(start) = find_str(&rest, "**") {
        let Some(len) = rest.get(start + 2..).and_then(|r| find_str(r, "**")) else {
            break;
        };
        let label = rest.get(start + 2..start + 2 + len).unwrap_or("");
        if label.trim_end().ends_with(':') || label.trim().is_empty() || label.contains('"') {
            rest.replace_range(start..start + len + 4, "");
        } else {
            break;
        }
    }
    words_are_placeholder(&rest, removed)
}

/// Whether `text` is one wikilink and nothing else (`[[People/Pat Kim]]`,
/// `[[Note\|Alias]]`), the usual first cell of a row: never a prompt. The
/// slow path agrees: it reads `[People/…]` inside as a bracket group, keeps
/// `[]` (or the whole text, when the target has one character or none),
/// which is no stand-in.
fn is_lone_link(text: &str) -> bool {
    let inner = text
        .strip_prefix("[[")
        .and_then(|t| t.strip_suffix("]]"))
        .map(str::as_bytes);
    inner.is_some_and(|inner| find_byte(inner, b'[').is_none() && find_byte(inner, b']').is_none())
}

/// Whether `rest`, a text without its prompts and bold labels, holds no
/// words of its own; `removed` tells whether a prompt was taken out.
fn words_are_placeholder(rest: &str, removed: bool) -> bool {
    // The words: the rest after its list markers, without `[ ]`, with dashes,
    // quotes, stars, colons, `>` and `|` as spaces, trimmed. None of that
    // drops a letter or a digit, and no stand-in has five of them or a
    // space: most words are told apart here without copying them.
    let lead = rest.trim_start_matches(['-', '*', '+', '>', ' ']);
    if lead
        .chars()
        .filter(|c| c.is_alphanumeric())
        .nth(4)
        .is_some()
    {
        return false;
    }
    let lead = if find_str(lead, "[ ]").is_some() {
        std::borrow::Cow::Owned(lead.replace("[ ]", ""))
    } else {
        std::borrow::Cow::Borrowed(lead)
    };
    let spaced =
        |c: char| c.is_whitespace() || matches!(c, '—' | '–' | '"' | '*' | ':' | '>' | '|');
    let words = lead.trim_matches(spaced);
    if words.is_empty() {
        return removed;
    }
    !words.contains(spaced) && one_of(words, STAND_INS)
}

/// Whether every line of `span` is blank or a template prompt. Table header
/// rows are structure, not content.
pub fn is_placeholder_only(text: &str, span: Span) -> bool {
    // Only a line with a `|` can be a table's header row, and only when the
    // line after it could be the table's delimiter row: a section with any
    // other line of its own is filled without parsing its tables.
    let mut maybe_header = false;
    let mut lines = lines_in(text, span).peekable();
    while let Some(line) = lines.next() {
        if is_placeholder_line(line.content) {
            continue;
        }
        if !line.content.contains('|') {
            return false;
        }
        let delimiter_next = line.content.contains('\r')
            || lines
                .peek()
                .is_some_and(|next| could_be_delimiter(next.content));
        if !delimiter_next {
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

/// Whether a line could be a table's delimiter row (`|---|:-:|`), inside
/// quotes or list items too: a row of dashes, colons and pipes. A header row
/// is always the line just above its delimiter row, so a line with none
/// below it is no header. A line with a lone `\r` (two lines to comrak)
/// could be anything.
fn could_be_delimiter(line: &str) -> bool {
    line.contains('\r')
        || (line.contains('-')
            && line.bytes().all(|b| {
                matches!(
                    b,
                    b'|' | b'-' | b':' | b'>' | b' ' | b'\t' | b'\x0b' | b'\x0c'
                )
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_label_or_stand_in_is_longer_than_one_of_reads() {
        for item in ROW_LABELS.iter().chain(STAND_INS) {
            assert!(item.chars().count() <= 16, "{item}");
            assert_eq!(*item, item.to_lowercase(), "{item} is lower-case");
        }
    }

    #[test]
    fn template_prompts_count_as_empty_and_real_words_do_not() {
        for line in [
            "**North Star (2031):** [One sentence]",
            "- **Life:** [What lifestyle looks like]",
            "> **\"[Theme in quotes]\"**",
            "- [ ] [Task 1]",
            "| | | |",
            "| Budget | $X |",
            "| Speaking | | |",
            "- **[Win]** — [Description]",
            "|------|---------|",
            "---",
            "**→ [[2026 Goals]]** — Full cascade",
            "TBD",
        ] {
            assert!(is_placeholder_line(line), "{line:?} is a prompt");
        }
        for line in [
            "**North Star (2031):** CTO of a mission-driven company",
            "- [ ] Call Pat about [[Sponsors]]",
            "| Pat Kim | Global CIO |",
            "| Budget | ~$20M |",
            "- **GAS Summit** — three years running",
            "> **\"Visible outside Lockton\"**",
            "Some prose.",
        ] {
            assert!(
                !is_placeholder_line(line),
                "{line:?} is the person's own words"
            );
        }
    }

    #[test]
    fn pipe_split_splits_as_str_split_does() {
        for text in ["", "|", "a|b", "a||b|", " x | é | \\| y ", "no pipe"] {
            assert_eq!(
                pipe_split(text).collect::<Vec<_>>(),
                text.split('|').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn short_prompts_and_stand_ins_count_as_empty_however_written() {
        for line in [
            "| TBD | tbd |",
            "| Budget | [amount] |",
            "| Focus | … |",
            "- [ ] [Task]",
            "| TODO | $X |",
        ] {
            assert!(is_placeholder_line(line), "{line:?} is a prompt");
        }
        for line in [
            "| [[People/Pat Kim]] | CIO |",
            "| [[Note\\|Alias]] | |",
            "| TBD | Pat |",
            "| 2000–2001 | |",
            "| Ünïcode | |",
            "[Name] Pat",
            "| [Name] | [[",
            "[x]",
            // Longer than the stack copy of what the prompts leave.
            &format!("[prompt] {}", "x ".repeat(100)),
        ] {
            assert!(
                !is_placeholder_line(line),
                "{line:?} is the person's own words"
            );
        }
    }

    #[test]
    fn a_lone_link_is_told_apart_as_the_full_check_tells_it() {
        let lone = [
            "[[People/Pat Kim]]",
            "[[Note|Alias]]",
            "[[Note\\|Alias]]",
            "[[José Núñez]]",
            "[[TBD]]",
            "[[x]]",
            "[[…]]",
            "[[ ]]",
            "[[]]",
            "[[**]]",
            "[[<name>]]",
        ];
        for text in lone {
            assert!(is_lone_link(text), "{text:?} is one link");
            assert!(!is_placeholder_text(text), "{text:?}");
            assert!(!is_placeholder_text_in_full(text), "{text:?}");
        }
        for text in [
            "[[a]] [b]",
            "[[a]] x",
            "[[a]]]",
            "[[[a]]",
            "[[a] b]]",
            "[[a",
            "[a]]",
            "[ ]",
            "[Name]",
            "TBD",
            "<name>",
            "…",
        ] {
            assert!(!is_lone_link(text), "{text:?} is not one link");
            assert_eq!(
                is_placeholder_text(text),
                is_placeholder_text_in_full(text),
                "{text:?}"
            );
        }
        assert!(is_placeholder_text("[Name]"));
        assert!(is_placeholder_text("TBD"));
        assert!(!is_placeholder_line("| [[People/Pat Kim]] | |"));
    }

    #[test]
    fn one_of_is_to_lowercase_then_eq_for_any_length() {
        let reference = |text: &str, list: &[&str]| list.contains(&text.to_lowercase().as_str());
        for text in [
            "TBD",
            "Tbd",
            "Budget",
            "Xylophone",
            "$X",
            "...",
            "Direct Reports",
            "DIRECT REPORTS",
            "direct reports and more",
            "\u{212a}",
            "…",
            "ǅ",
            &"é".repeat(16),
            &"É".repeat(15),
            &"é".repeat(17),
            &"x".repeat(64),
            &"x".repeat(65),
            "",
        ] {
            for list in [STAND_INS, ROW_LABELS, &["k", "", "ééééééééééééééé"]] {
                assert_eq!(one_of(text, list), reference(text, list), "{text:?}");
            }
        }
    }

    #[test]
    fn one_of_lower_cases_non_ascii_text_as_to_lowercase_does() {
        assert!(one_of("…", STAND_INS));
        assert!(!one_of("…x", STAND_INS));
        assert!(!one_of("TΣD", STAND_INS));
        // The Kelvin sign lower-cases to an ASCII `k`.
        assert!(one_of("\u{212a}", &["k"]));
    }
}
