//! Open threads: unfinished items carried from one coaching session to the next.
//!
//! A thread is an open checkbox under a session log's "Open Threads" section.
//! Carrying it forward marks the old one `[>]` (forwarded, as the Tasks plugin
//! reads it) and repeats it in the new log with `[carried:: N]`, a Dataview
//! inline field; dropping marks it `[-]` (cancelled); resolving ticks it. So
//! only the newest copy of a thread is ever open.

use serde::Serialize;

use crate::edit::TextEdit;
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::note::aliases::normalize;
use crate::note::frontmatter::{frontmatter, Value};
use crate::note::outline::sections;
use crate::note::tasks::tasks_in;

/// An open thread in a session log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Thread {
    /// The log's vault path.
    pub note: String,
    /// 1-based line of the checkbox.
    pub line: usize,
    /// The thread, without its carried count.
    pub text: String,
    /// How many times it has been carried forward.
    pub carried: u32,
}

/// What to do with a thread at the start of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Disposition {
    /// Done: tick it.
    Resolve,
    /// Still open: repeat it in the new log.
    Carry,
    /// No longer wanted: cancel it.
    Drop,
}

const CARRIED: &str = "[carried::";

/// Splits `text [carried:: 2]` into the text and the count.
pub fn split_carried(text: &str) -> (String, u32) {
    match text.rfind(CARRIED) {
        Some(at) => {
            let count = text
                .get(at + CARRIED.len()..)
                .and_then(|r| r.split(']').next())
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(0);
            (text.get(..at).unwrap_or("").trim_end().to_string(), count)
        }
        None => (text.trim().to_string(), 0),
    }
}

/// The thread's checkbox text with its carried count.
pub fn with_carried(text: &str, carried: u32) -> String {
    if carried == 0 {
        text.to_string()
    } else {
        format!("{text} [carried:: {carried}]")
    }
}

/// Whether a note is a coaching session log (by its frontmatter `type`).
pub fn is_session_log(text: &str) -> bool {
    frontmatter(text)
        .and_then(|f| f.get("type").map(|k| k.value.clone()))
        .is_some_and(|v| matches!(v, Value::Scalar(t) if t == "coaching-session"))
}

/// The open threads of one session log.
pub fn open_threads(note: &str, text: &str) -> Vec<Thread> {
    if !is_session_log(text) {
        return Vec::new();
    }
    // The log's own "## Open Threads for Future Sessions", not a subsection that mentions threads.
    let Some(section) = sections(text)
        .into_iter()
        .find(|s| s.level <= 2 && normalize(&s.title).starts_with("open threads"))
    else {
        return Vec::new();
    };
    tasks_in(text, section.body_span)
        .into_iter()
        .filter(|t| {
            t.status == ' '
                && !crate::note::placeholders::is_placeholder_line(&format!("- [ ] {}", t.text))
        })
        .map(|t| {
            let (text, carried) = split_carried(&t.text);
            Thread {
                note: note.to_string(),
                line: t.line,
                text,
                carried,
            }
        })
        .collect()
}

/// The open threads across logs, oldest log first (give notes sorted by name).
pub fn all_open_threads(notes: &[(String, String)]) -> Vec<Thread> {
    notes
        .iter()
        .flat_map(|(path, text)| open_threads(path, text))
        .collect()
}

/// Marks a thread in its log: ticked, forwarded or cancelled.
pub fn dispose(text: &str, line: usize, disposition: Disposition) -> CoreResult<TextEdit> {
    let whole = crate::span::Span::new(0, text.len());
    let task = tasks_in(text, whole)
        .into_iter()
        .find(|t| t.line == line && t.status == ' ')
        .ok_or_else(|| {
            CoreError::new(
                ErrorCode::TaskNotFound,
                format!("Line {line} is not an open thread any more; it may have been changed."),
            )
        })?;
    let mark = match disposition {
        Disposition::Resolve => "x",
        Disposition::Carry => ">",
        Disposition::Drop => "-",
    };
    Ok(TextEdit::replace(text, task.status_span, mark))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};

    const LOG: &str = "---\ntype: coaching-session\n---\n# Log\n\n## Open Threads for Future Sessions\n\n- [ ] Draft the thesis [carried:: 2]\n- [x] Done one\n- [ ] Find podcasts\n\n## Meta\n\n- [ ] not a thread\n";

    #[test]
    fn lists_open_threads_with_their_carried_count() {
        let threads = open_threads("Career/log.md", LOG);
        let got: Vec<(usize, &str, u32)> = threads
            .iter()
            .map(|t| (t.line, t.text.as_str(), t.carried))
            .collect();
        assert_eq!(got, [(8, "Draft the thesis", 2), (10, "Find podcasts", 0)]);
        assert!(
            open_threads("x.md", "# Not a log\n\n## Open Threads\n\n- [ ] x\n").is_empty(),
            "only session logs count"
        );
    }

    #[test]
    fn disposing_changes_only_the_status_character() {
        for (disposition, mark) in [
            (Disposition::Resolve, "- [x] Find"),
            (Disposition::Carry, "- [>] Find"),
            (Disposition::Drop, "- [-] Find"),
        ] {
            let edit = dispose(LOG, 10, disposition).unwrap();
            let Applied::Changed(out) = apply(LOG, &[edit]).unwrap() else {
                panic!("should change")
            };
            assert!(out.contains(mark));
            assert_eq!(out.len(), LOG.len(), "one character replaced by one");
        }
        assert_eq!(
            dispose(LOG, 9, Disposition::Drop).unwrap_err().code,
            ErrorCode::TaskNotFound,
            "a ticked thread is not open"
        );
    }
}
