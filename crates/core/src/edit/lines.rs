//! Inserting whole lines while keeping the note's conventions.
//!
//! New lines use the note's line ending. Inserting at the very end of a note
//! that has no final newline puts the break *before* the new lines, so the
//! note still ends without one. The edit never touches existing bytes.
//!
//! Text a person gives for a one-line field (a session's focus, a thread, a
//! goal's outcome, a weekly action…) goes through [`one_line`], and through
//! [`one_line_at_start`] when it begins a line of its own, so it can never
//! bring in a heading, a list item or a table row.

use crate::edit::TextEdit;
use crate::note::lines::LineEnding;

/// Inserts `new_lines` (without endings) as whole lines starting at byte `at`,
/// which must be the start of a line or the end of the text.
pub fn insert_lines(text: &str, at: usize, new_lines: &[String]) -> TextEdit {
    let ending = LineEnding::detect(text).as_str();
    let body: Vec<String> = new_lines
        .iter()
        .map(|l| LineEnding::Lf.apply(l).replace('\n', ending))
        .collect();
    let joined = body.join(ending);
    let at_unterminated_end = at >= text.len() && !text.is_empty() && !text.ends_with('\n');
    let new_text = if at_unterminated_end {
        format!("{ending}{joined}")
    } else {
        format!("{joined}{ending}")
    };
    TextEdit::insert(at.min(text.len()), new_text)
}

/// The person's text as one line: every line break (`\n`, `\r`, U+2028…)
/// and run of whitespace becomes one space, and the ends are trimmed. Text
/// flattened this way cannot start a new line, so it cannot start a heading,
/// a list item or a table row (table cells still escape `|`: see
/// [`crate::edit::table::cell_text`]). `<%` is broken up (`<\%`), so
/// Templater never executes what a person typed into a field.
pub fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("<%", "<\\%")
}

/// [`one_line`] for text that begins a line (a paragraph) or follows a list
/// marker: a start that would open a block — `# ` (a heading), `> `, `- `,
/// `1. `, a thematic break, a code fence, an HTML tag or a link definition —
/// gets a backslash, so it reads as the same words. A tag (`#career`) stays.
pub fn one_line_at_start(text: &str) -> String {
    let flat = one_line(text);
    match block_start(&flat) {
        Some(at) => {
            let (head, tail) = flat.split_at(at);
            format!("{head}\\{tail}")
        }
        None => flat,
    }
}

/// Where a backslash would stop `line` from opening a block, if it would.
fn block_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let ends_or_space = |at: usize| bytes.get(at).is_none_or(|&b| b == b' ');
    let run = |c: u8| bytes.iter().take_while(|&&b| b == c).count();
    let only = |c: u8| {
        bytes.iter().all(|&b| b == c || b == b' ') && bytes.iter().filter(|&&b| b == c).count() >= 3
    };
    match first {
        b'#' if (1..=6).contains(&run(b'#')) && ends_or_space(run(b'#')) => Some(0),
        b'>' => Some(0),
        b'-' | b'+' | b'*' if ends_or_space(1) => Some(0),
        b'-' | b'*' | b'_' | b'=' if only(first) => Some(0),
        b'`' | b'~' if run(first) >= 3 => Some(0),
        b'<' if bytes
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) =>
        {
            Some(0)
        }
        b'[' if line.find("]:").is_some_and(|end| end > 1) => Some(0),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            (digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && ends_or_space(digits + 1))
            .then_some(digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};

    fn run(text: &str, at: usize, lines: &[&str]) -> String {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        match apply(text, &[insert_lines(text, at, &lines)]).unwrap() {
            Applied::Changed(t) => t,
            Applied::Unchanged => text.to_string(),
        }
    }

    #[test]
    fn inserts_between_lines_with_the_notes_ending() {
        assert_eq!(run("a\nc\n", 2, &["b"]), "a\nb\nc\n");
        assert_eq!(
            run("a\r\nc\r\n", 3, &["b1", "b2"]),
            "a\r\nb1\r\nb2\r\nc\r\n"
        );
    }

    #[test]
    fn keeps_a_missing_final_newline_missing() {
        assert_eq!(run("a\nlast", 6, &["new"]), "a\nlast\nnew");
        assert_eq!(run("a\n", 2, &["new"]), "a\nnew\n");
        assert_eq!(run("", 0, &["new"]), "new\n");
    }

    #[test]
    fn one_line_flattens_line_breaks_and_runs_of_space() {
        assert_eq!(
            one_line(" a\n\n## b\r\n| c |\u{2028}d\t e "),
            "a ## b | c | d e"
        );
    }

    #[test]
    fn a_line_start_that_would_open_a_block_is_escaped() {
        for (given, written) in [
            ("## Heading", "\\## Heading"),
            ("#", "\\#"),
            ("> quote", "\\> quote"),
            ("- item", "\\- item"),
            ("* item", "\\* item"),
            ("---", "\\---"),
            ("* * *", "\\* * *"),
            ("```rust", "\\```rust"),
            ("<div>", "\\<div>"),
            ("[x]: https://example.com", "\\[x]: https://example.com"),
            ("12. twelve", "12\\. twelve"),
            ("3) three", "3\\) three"),
            ("\n# after a break", "\\# after a break"),
        ] {
            assert_eq!(one_line_at_start(given), written, "{given:?}");
        }
        for plain in [
            "#career tag",
            "Plain words",
            "-5 degrees",
            "2026 was good",
            "<3 things",
            "[[Link]] first",
            "7.5 hours",
        ] {
            assert_eq!(one_line_at_start(plain), plain, "{plain:?}");
        }
    }
}
