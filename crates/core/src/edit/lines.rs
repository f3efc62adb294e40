//! Inserting whole lines while keeping the note's conventions.
//!
//! New lines use the note's line ending. Inserting at the very end of a note
//! that has no final newline puts the break *before* the new lines, so the
//! note still ends without one. The edit never touches existing bytes.

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
}
