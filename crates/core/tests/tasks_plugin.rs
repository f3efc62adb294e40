//! Issue 15: our checkboxes, read the way the Tasks plugin (obsidian-tasks)
//! reads them, so a carried item is open in exactly one place.
//!
//! How Tasks reads a line (its `TaskRegularExpressions.taskRegex` and
//! `StatusRegistry`): an optional indent or `>` quote, a list marker (`-`,
//! `*`, `+` or `1.`/`1)`), spaces, `[`, ONE status symbol, `]`, a space and
//! the description. The symbol is looked up among the registered statuses;
//! the core statuses of a default setup are ` ` Todo (TODO), `x` Done
//! (DONE), `/` In Progress (IN_PROGRESS) and `-` Cancelled (CANCELLED). An
//! unregistered symbol becomes an "Unknown" status of type TODO
//! (`StatusRegistry.bySymbolOrCreate` → `Status.createUnknownStatus`).
//! A task is "not done" (what `not done` queries list) when its type is TODO
//! or IN_PROGRESS.
//!
//! So in a default setup the `[>]` of a carried original reads as open. The
//! README names the one custom status to add (symbol `>`, name "Carried
//! forward", next symbol `x`, type CANCELLED); with it, only the newest copy
//! of a carried item is open.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use career_core::reviews::carry::{carry_forward, Decisions};
use career_core::{FiscalYear, Period};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusType {
    Todo,
    InProgress,
    Done,
    Cancelled,
}

/// A Tasks status registry: the core statuses plus custom ones.
struct Registry(Vec<(char, StatusType)>);

impl Registry {
    fn default_setup() -> Self {
        Self(vec![
            (' ', StatusType::Todo),
            ('x', StatusType::Done),
            ('/', StatusType::InProgress),
            ('-', StatusType::Cancelled),
        ])
    }

    /// The README's one custom status.
    fn with_carried_forward() -> Self {
        let mut r = Self::default_setup();
        r.0.push(('>', StatusType::Cancelled));
        r
    }

    /// `bySymbolOrCreate`: an unknown symbol is a TODO.
    fn by_symbol_or_create(&self, symbol: char) -> StatusType {
        self.0
            .iter()
            .find(|(s, _)| *s == symbol)
            .map_or(StatusType::Todo, |(_, t)| *t)
    }
}

/// Tasks' task line: `^([\s\t>]*)([-*+]|[0-9]+[.)]) +\[(.)\] (.*)`; the
/// status symbol and description, or None for a line Tasks does not read.
fn task(line: &str) -> Option<(char, &str)> {
    let rest = line.trim_start_matches([' ', '\t', '>']);
    let rest = if let Some(r) = rest.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest[digits..].strip_prefix(['.', ')'])?
    };
    let spaces = rest.chars().take_while(|c| *c == ' ').count();
    if spaces == 0 {
        return None;
    }
    let rest = rest[spaces..].strip_prefix('[')?;
    let mut chars = rest.chars();
    let symbol = chars.next()?;
    let rest = chars.as_str().strip_prefix("] ")?;
    Some((symbol, rest))
}

/// The descriptions of the tasks Tasks lists under `not done`.
fn not_done<'a>(note: &'a str, registry: &Registry) -> Vec<&'a str> {
    note.lines()
        .filter_map(task)
        .filter(|(symbol, _)| {
            matches!(
                registry.by_symbol_or_create(*symbol),
                StatusType::Todo | StatusType::InProgress
            )
        })
        .map(|(_, text)| text)
        .collect()
}

const GOALS: &str = "---\ntype: goals\nyear: 2026\n---\n# 2026 Goals\n\n## Weekly Actions\n\n### 2026-W49\n\n- [ ] W49 thing #goal/G1\n- [x] Done thing #goal/G1\n- [-] Dropped thing #goal/G1\n- [/] Half-done thing #goal/G1\n";

fn carried() -> String {
    let fiscal = FiscalYear::default();
    let w49 = Period::parse("2026-W49").unwrap();
    let carry = carry_forward(
        GOALS,
        &[w49],
        w49,
        Some(2026),
        fiscal,
        &Decisions::default(),
    );
    match career_core::edit::apply(GOALS, &carry.edits).unwrap() {
        career_core::edit::Applied::Changed(text) => text,
        career_core::edit::Applied::Unchanged => panic!("something is carried"),
    }
}

#[test]
fn the_task_line_reader_reads_what_tasks_reads() {
    assert_eq!(task("- [ ] a"), Some((' ', "a")));
    assert_eq!(
        task("  * [>] b [carried:: 1]"),
        Some(('>', "b [carried:: 1]"))
    );
    assert_eq!(task("> 1. [x] c"), Some(('x', "c")));
    assert_eq!(task("- [ ]no space"), None);
    assert_eq!(task("-[ ] no marker space"), None);
    assert_eq!(task("plain text"), None);
}

#[test]
fn with_the_one_custom_status_a_carried_item_is_open_in_one_place_only() {
    let note = carried();
    assert!(note.contains("- [>] W49 thing #goal/G1\n"), "{note}");
    let open = not_done(&note, &Registry::with_carried_forward());
    assert_eq!(
        open,
        [
            "W49 thing #goal/G1 [carried:: 1]",
            "Half-done thing #goal/G1 [carried:: 1]"
        ],
        "only the copies in 2026-W50 are open"
    );
    assert!(!open.contains(&"Dropped thing #goal/G1"));
}

#[test]
fn in_a_default_setup_the_forwarded_original_still_reads_as_open() {
    // Why README asks for the custom status: Tasks makes `>` an Unknown TODO.
    let note = carried();
    let open = not_done(&note, &Registry::default_setup());
    assert!(open.contains(&"W49 thing #goal/G1"), "{open:?}");
    assert_eq!(
        Registry::default_setup().by_symbol_or_create('>'),
        StatusType::Todo
    );
}
