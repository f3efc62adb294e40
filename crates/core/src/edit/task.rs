//! Task edits: adding a task to a section and toggling one.
//!
//! Adding follows the list already in the section (its marker and
//! indentation) so the new task joins it rather than starting a new list.
//! Toggling flips the status character only, plus, for notes that use the
//! Obsidian Tasks plugin's emoji fields, the `✅ YYYY-MM-DD` done date the
//! plugin itself would write or remove.
//!
//! Invariants:
//! - Adding inserts one whole line (two for a loose list or after a
//!   paragraph) and never modifies existing bytes.
//! - Toggling replaces the status character and inserts or removes the done
//!   date; no other byte of the line changes.

use crate::dates::Day;
use crate::edit::lines::insert_lines;
use crate::edit::TextEdit;
use crate::note::lines::{lines_in, BOM};
use crate::note::sourcepos::{parse, Kind};
use crate::note::tables::line_at;
use crate::note::tasks::Task;
use crate::span::Span;

/// The Obsidian Tasks plugin's field and priority emoji.
pub const TASKS_EMOJI: [char; 14] = [
    '📅', '⏳', '🛫', '✅', '➕', '🔁', '⏫', '🔼', '🔽', '🆔', '⛔', '🔺', '⏬', '❌',
];

/// The Tasks plugin's done-date field.
const DONE: char = '✅';

/// Adds an open task `- [ ] task_text` to the section body `region`.
///
/// When the region holds a top-level bullet list, the task goes right after
/// the last item of the last such list (after its nested children), with the
/// same marker and indentation. Otherwise it goes after the region's last
/// non-blank line, separated by a blank line, or at the region's start when
/// the region is blank. Line breaks in `task_text` become spaces; Tasks
/// emoji fields are kept as typed.
pub fn add_task(text: &str, region: Span, task_text: &str) -> TextEdit {
    let body = task_text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    let body = body.trim();
    let line = |prefix: &str| {
        if body.is_empty() {
            format!("{prefix} [ ]")
        } else {
            format!("{prefix} [ ] {body}")
        }
    };
    let mut region = Span::new(region.start.min(text.len()), region.end.min(text.len()));
    if region.start == 0 && text.starts_with(BOM) {
        region = Span::new(BOM.len(), region.end);
    }
    if let Some((at, prefix, loose)) = after_last_bullet_list(text, region) {
        let mut lines = Vec::new();
        if loose {
            lines.push(String::new());
        }
        lines.push(line(&prefix));
        return insert_lines(text, at, &lines);
    }
    match lines_in(text, region).filter(|l| !l.is_blank()).last() {
        Some(last) => insert_lines(
            text,
            line_at(text, last.start).end,
            &[String::new(), line("-")],
        ),
        None => insert_lines(text, region.start, &[line("-")]),
    }
}

/// Toggles `task`: an open task (`' '`) becomes done (`x`); any other status
/// becomes open.
///
/// Completing with `today` on a line that already uses Tasks emoji fields
/// appends ` ✅ YYYY-MM-DD` (before a trailing block id ` ^id`); reopening
/// removes an existing ` ✅ YYYY-MM-DD`.
pub fn toggle_task(text: &str, task: &Task, today: Option<Day>) -> Vec<TextEdit> {
    let completing = task.status == ' ';
    let mut edits = vec![TextEdit::replace(
        text,
        task.status_span,
        if completing { "x" } else { " " },
    )];
    let body = task.text_span.of(text);
    if completing {
        let uses_fields = body.chars().any(|c| TASKS_EMOJI.contains(&c));
        if let Some(day) = today.filter(|_| uses_fields && done_date(body).is_none()) {
            let at = block_id_start(body).unwrap_or_else(|| body.trim_end().len());
            edits.push(TextEdit::insert(
                task.text_span.start + at,
                format!(" {DONE} {}", day.iso()),
            ));
        }
    } else if let Some(span) = done_date(body) {
        edits.push(TextEdit::replace(
            text,
            span.shift(task.text_span.start),
            "",
        ));
    }
    edits
}

/// Where to add after the last top-level bullet list of `region`: the byte
/// after its last non-blank line, the new item's `indent + marker`, and
/// whether the list is loose (a blank line before its last item).
fn after_last_bullet_list(text: &str, region: Span) -> Option<(usize, String, bool)> {
    let nodes = parse(text, region);
    let (index, list) = nodes.iter().enumerate().rev().find(|(_, n)| {
        n.kind == Kind::List
            && n.depth == 1
            && matches!(text.as_bytes().get(n.span.start), Some(b'-' | b'*' | b'+'))
    })?;
    let mut items = nodes
        .iter()
        .filter(|n| n.parent == Some(index) && matches!(n.kind, Kind::Item { .. }));
    let first = items.next()?;
    let last = items.next_back().unwrap_or(first);
    let marker = text.get(last.span.start..)?.chars().next()?;
    let marker_line = line_at(text, last.span.start);
    let indent = Span::new(marker_line.start, last.span.start).of(text);
    let indent = if indent.bytes().all(|b| b == b' ' || b == b'\t') {
        indent
    } else {
        ""
    };
    let loose = last.span.start != first.span.start
        && marker_line.start > 0
        && line_at(text, marker_line.start - 1).is_blank();
    let last_line = lines_in(text, list.span).filter(|l| !l.is_blank()).last()?;
    Some((
        line_at(text, last_line.start).end,
        format!("{indent}{marker}"),
        loose,
    ))
}

/// The span (relative to `body`) of a ` ✅ YYYY-MM-DD` done date, with one
/// space of separation.
fn done_date(body: &str) -> Option<Span> {
    body.match_indices(DONE).find_map(|(at, done)| {
        let mut end = at + done.len();
        let rest = body.get(end..)?;
        let rest = match rest.strip_prefix('\u{fe0f}') {
            Some(r) => {
                end += '\u{fe0f}'.len_utf8();
                r
            }
            None => rest,
        };
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let date = rest.get(gap..gap + 10)?;
        if gap == 0 || Day::parse(date).is_err() {
            return None;
        }
        end += gap + 10;
        if at > 0 && body.as_bytes().get(at - 1) == Some(&b' ') {
            Some(Span::new(at - 1, end))
        } else {
            let trailing = usize::from(body.as_bytes().get(end) == Some(&b' '));
            Some(Span::new(at, end + trailing))
        }
    })
}

/// Where a trailing block id ` ^id` starts (at its leading whitespace), if any.
fn block_id_start(body: &str) -> Option<usize> {
    let trimmed = body.trim_end();
    let caret = trimmed.rfind('^')?;
    let id = trimmed.get(caret + 1..)?;
    let before = trimmed.get(..caret)?;
    let valid = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (valid && before.ends_with([' ', '\t'])).then(|| before.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Applied};
    use crate::note::tasks::tasks_in;

    fn run(text: &str, edits: &[TextEdit]) -> String {
        match apply(text, edits).unwrap() {
            Applied::Changed(t) => t,
            Applied::Unchanged => text.to_string(),
        }
    }

    /// Adds to the body of the `## Tasks` section (up to the next `## ` heading or the end).
    fn add(text: &str, task: &str) -> String {
        let start = text
            .find("## Tasks")
            .map(|i| text[i..].find('\n').map_or(text.len(), |n| i + n + 1))
            .unwrap_or(0);
        let end = text[start..]
            .find("\n## ")
            .map_or(text.len(), |i| start + i + 1);
        run(text, &[add_task(text, Span::new(start, end), task)])
    }

    fn toggle(text: &str, today: Option<&str>) -> String {
        let task = tasks_in(text, Span::new(0, text.len()))
            .into_iter()
            .next()
            .expect("a task");
        run(
            text,
            &toggle_task(text, &task, today.map(|d| Day::parse(d).unwrap())),
        )
    }

    #[test]
    fn should_append_after_the_last_item_and_its_children_with_lf_and_crlf() {
        assert_eq!(
            add("## Tasks\n- [ ] a\n  - [ ] child\n\n## Next\n", "b"),
            "## Tasks\n- [ ] a\n  - [ ] child\n- [ ] b\n\n## Next\n"
        );
        assert_eq!(
            add("## Tasks\r\n\r\n- [ ] a\r\n\r\n## Next\r\n", "b"),
            "## Tasks\r\n\r\n- [ ] a\r\n- [ ] b\r\n\r\n## Next\r\n"
        );
    }

    #[test]
    fn should_match_the_lists_marker_and_indentation() {
        assert_eq!(
            add("## Tasks\n* [x] a\n* [ ] b\n", "c"),
            "## Tasks\n* [x] a\n* [ ] b\n* [ ] c\n"
        );
        assert_eq!(
            add("## Tasks\n  + note\n", "c"),
            "## Tasks\n  + note\n  + [ ] c\n"
        );
    }

    #[test]
    fn should_append_to_the_last_top_level_list_even_with_a_paragraph_after_it() {
        let text = "## Tasks\n- [ ] one\n\nSome words.\n\n- [ ] two\n\nClosing words.\n";
        assert_eq!(
            add(text, "three"),
            "## Tasks\n- [ ] one\n\nSome words.\n\n- [ ] two\n- [ ] three\n\nClosing words.\n"
        );
    }

    #[test]
    fn should_keep_a_loose_list_loose() {
        assert_eq!(
            add("## Tasks\n- [ ] a\n\n- [ ] b\n", "c"),
            "## Tasks\n- [ ] a\n\n- [ ] b\n\n- [ ] c\n"
        );
    }

    #[test]
    fn should_append_after_template_placeholders() {
        let text = "## Tasks\n- [ ] [Task 1]\n- [ ] [Task 2]\n";
        assert_eq!(
            add(text, "Real"),
            "## Tasks\n- [ ] [Task 1]\n- [ ] [Task 2]\n- [ ] Real\n"
        );
    }

    #[test]
    fn should_add_after_a_paragraph_with_a_blank_line_or_at_the_start_of_an_empty_region() {
        assert_eq!(
            add("## Tasks\nWords.\n\n\n## Next\n", "a"),
            "## Tasks\nWords.\n\n- [ ] a\n\n\n## Next\n"
        );
        assert_eq!(
            add("## Tasks\n\n## Next\n", "a"),
            "## Tasks\n- [ ] a\n\n## Next\n"
        );
        assert_eq!(
            add("## Tasks", "a"),
            "## Tasks\n- [ ] a",
            "should keep a missing final newline missing"
        );
        assert_eq!(
            add("## Tasks\n1. first\n", "a"),
            "## Tasks\n1. first\n\n- [ ] a\n",
            "should not join an ordered list"
        );
    }

    #[test]
    fn should_keep_a_missing_final_newline_bom_emoji_and_flatten_newlines() {
        assert_eq!(
            add("\u{feff}## Tasks\n- [ ] 日本", "🎯 ship\nit 📅 2026-02-01"),
            "\u{feff}## Tasks\n- [ ] 日本\n- [ ] 🎯 ship it 📅 2026-02-01"
        );
    }

    #[test]
    fn should_flip_the_status_only() {
        assert_eq!(toggle("- [ ] a\n", None), "- [x] a\n");
        for status in ['x', 'X', '-', '/', '>'] {
            assert_eq!(
                toggle(&format!("- [{status}] a\r\n"), None),
                "- [ ] a\r\n",
                "should reopen {status:?}"
            );
        }
        assert_eq!(
            toggle("- [ ] plain task", Some("2026-01-17")),
            "- [x] plain task",
            "should not add a date without Tasks fields"
        );
    }

    #[test]
    fn should_add_and_remove_the_tasks_done_date() {
        assert_eq!(
            toggle("- [ ] ship 📅 2026-01-20\n", Some("2026-01-17")),
            "- [ ] ship 📅 2026-01-20\n"
                .replacen("[ ]", "[x]", 1)
                .replace("20\n", "20 ✅ 2026-01-17\n")
        );
        assert_eq!(
            toggle("- [ ] ship 🔼 ^abc-1\n", Some("2026-01-17")),
            "- [x] ship 🔼 ✅ 2026-01-17 ^abc-1\n",
            "should go before a block id"
        );
        assert_eq!(
            toggle("- [x] ship 📅 2026-01-20 ✅ 2026-01-17 ^id", None),
            "- [ ] ship 📅 2026-01-20 ^id",
            "should remove the done date"
        );
        assert_eq!(
            toggle("- [ ] ship 📅 2026-01-20", None),
            "- [x] ship 📅 2026-01-20",
            "should not add a date without today"
        );
        assert_eq!(
            toggle("- [ ] 日本 ✅ 2026-01-01", Some("2026-01-17")),
            "- [x] 日本 ✅ 2026-01-01",
            "should not add a second date"
        );
        assert_eq!(toggle("- [/] ✅ 2026-01-01 rest", None), "- [ ] rest");
    }

    #[test]
    fn should_not_panic_on_odd_regions_and_text() {
        for text in ["", "\u{0}", "- [ ]", "# H\n- ", "\u{feff}"] {
            for region in [
                Span::new(0, text.len()),
                Span::new(text.len(), text.len() + 5),
                Span::new(3, 1),
            ] {
                let edit = add_task(text, region, "x");
                assert!(
                    apply(text, &[edit]).is_ok(),
                    "should produce an applicable edit for {text:?}"
                );
            }
        }
        let bom = "\u{feff}\n";
        assert_eq!(
            run(bom, &[add_task(bom, Span::new(0, bom.len()), "x")]),
            "\u{feff}- [ ] x\n\n",
            "should treat a lone BOM as blank"
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn section() -> impl Strategy<Value = (String, Span)> {
            let line = prop_oneof![
                Just("- [ ] a"),
                Just("  - [x] b"),
                Just("* c"),
                Just("1. d"),
                Just("para 日本"),
                Just(""),
                Just("> q"),
                Just("- [/] e 📅 2026-01-01"),
            ];
            (
                proptest::collection::vec(line, 0..7),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(|(lines, crlf, next, bom)| {
                    let nl = if crlf { "\r\n" } else { "\n" };
                    let head = format!("{}## Tasks{nl}", if bom { "\u{feff}" } else { "" });
                    let body: String = lines.iter().map(|l| format!("{l}{nl}")).collect();
                    let tail = if next {
                        format!("## Next{nl}- [ ] z{nl}")
                    } else {
                        String::new()
                    };
                    let region = Span::new(head.len(), head.len() + body.len());
                    (format!("{head}{body}{tail}"), region)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)))]

            #[test]
            fn should_add_exactly_one_task_inside_the_section((text, region) in section(), task in "[a-z 日🎯#>\\-\n]{0,10}") {
                let before = tasks_in(&text, region).len();
                let edit = add_task(&text, region, &task);
                prop_assert!(region.start <= edit.span.start && edit.span.end <= region.end.max(text.len()));
                let grown = Span::new(region.start, region.end + edit.new_text.len());
                let out = run(&text, &[edit]);
                let tasks = tasks_in(&out, grown);
                prop_assert_eq!(tasks.len(), before + 1, "should add one task: {:?}", out);
                let want = task.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert!(tasks.iter().any(|t| t.is_open() && t.text.split_whitespace().collect::<Vec<_>>().join(" ") == want), "should find the new task: {:?}", out);
                let outside = tasks_in(&out, Span::new(grown.end, out.len())).len();
                prop_assert_eq!(outside, tasks_in(&text, Span::new(region.end, text.len())).len(), "should leave later sections alone");
            }

            #[test]
            fn should_toggle_twice_back_to_the_start((text, _) in section(), today in proptest::option::of(Just("2026-01-17"))) {
                let whole = Span::new(0, text.len());
                for (index, task) in tasks_in(&text, whole).into_iter().enumerate() {
                    let day = today.map(|d| Day::parse(d).unwrap());
                    let once = run(&text, &toggle_task(&text, &task, day));
                    let toggled = tasks_in(&once, Span::new(0, once.len())).into_iter().nth(index).unwrap();
                    prop_assert_eq!(toggled.is_open(), !task.is_open());
                    if task.is_open() {
                        let twice = run(&once, &toggle_task(&once, &toggled, day));
                        prop_assert_eq!(&twice, &text, "should restore the line when reopened");
                    }
                }
            }
        }
    }
}
