//! The blind spot analysis, the section readers, the placeholder checks and
//! the coaching walk's entries were made faster (one reading of the whole
//! note serving every section, fewer copies, no table parse to tell a
//! filled section, line starts found once). They must find
//! exactly what they found before: `reference/` keeps the old sources, and
//! every note here is read, checked and analysed by both, on every section
//! and on spans cut anywhere. The notes: the corpus, every note and blind
//! spot spec under `tests/`, both synthetic Career Indexes of the
//! benchmarks, 2,000 random notes and 1,000 perturbed indexes
//! (`PROPTEST_CASES=N` runs N/2 and N/4).

// A test harness: a failed unwrap or index is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
mod reference;
#[path = "../benches/support/synthetic_index.rs"]
mod synthetic_index;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use career_core::blindspots::{analyze, Note};
use career_core::coach::questions::QUESTIONS;
use career_core::coach::session::{plan, Mode};
use career_core::coach::walk;
use career_core::note::aliases::kind_of;
use career_core::note::lines::lines;
use career_core::note::outline::sections;
use career_core::note::placeholders::{is_placeholder_line, is_placeholder_only};
use career_core::note::readers::employer::employer;
use career_core::note::readers::{entries, Item, Reading};
use career_core::{Day, Span};
use common::cases;
use proptest::prelude::*;

/// The goals note and session log the analysis may read besides the index.
fn context() -> &'static (String, Vec<Note>) {
    static CONTEXT: OnceLock<(String, Vec<Note>)> = OnceLock::new();
    CONTEXT.get_or_init(|| {
        let read = |p: &str| std::fs::read_to_string(repo().join(p)).unwrap();
        let goals = read("tests/fixtures/realistic-2026/2026 Goals.md");
        let log = read("tests/fixtures/reviews-session-log.md");
        (goals, vec![("Career/Sessions/log.md".to_string(), log)])
    })
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every span worth reading: the whole note, each section's body and own
/// part, and the stretches between any two of their boundaries.
fn spans(text: &str) -> Vec<Span> {
    let all = sections(text);
    let mut out = vec![Span::new(0, text.len())];
    for s in &all {
        out.push(s.body_span);
        out.push(s.own_span());
        out.push(Span::new(s.heading_span.start, s.body_span.end));
    }
    let mut cuts: Vec<usize> = all
        .iter()
        .flat_map(|s| [s.heading_span.start, s.body_span.start, s.own_end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2).take(12) {
        out.push(Span::new(pair[0], pair[1]));
    }
    out
}

/// The question-bank sections in the order `plan` gives them, each with its
/// mode, as planning found them with the old placeholder check.
fn plan_before(note: &str) -> Vec<(String, Mode)> {
    let all = sections(note);
    let mode = |section: &str| {
        let filled = all
            .iter()
            .find(|s| kind_of(&s.title).is_some_and(|k| k.id == section))
            .is_some_and(|s| !reference::placeholders::is_placeholder_only(note, s.body_span));
        if filled {
            Mode::Review
        } else {
            Mode::Fill
        }
    };
    let planned: Vec<(String, Mode)> = QUESTIONS
        .iter()
        .map(|q| (q.section.to_string(), mode(q.section)))
        .collect();
    let (fill, review): (Vec<_>, Vec<_>) = planned.into_iter().partition(|p| p.1 == Mode::Fill);
    fill.into_iter().chain(review).collect()
}

/// How many spans the whole-note reading answered for, of how many read.
#[derive(Default)]
struct Tally {
    answered: usize,
    read: usize,
}

/// Everything the speed-up touched, old and new, on one note and `extra` spans.
fn agree(name: &str, text: &str, extra: &[Span], tally: &mut Tally) {
    for line in lines(text) {
        assert_eq!(
            is_placeholder_line(line.content),
            reference::placeholders::is_placeholder_line(line.content),
            "{name}: is_placeholder_line({:?})",
            line.content
        );
    }
    let reading = Reading::new(text);
    let whole = Span::new(0, text.len());
    assert_eq!(
        reading.entries(),
        reference::readers::entries(text, whole),
        "{name}: the whole note's entries"
    );
    let owned = |items: Vec<Item<'_>>| items.iter().map(Item::to_entry).collect::<Vec<_>>();
    assert_eq!(
        owned(reading.filled()),
        reference::readers::filled(text, whole),
        "{name}: the whole note's filled entries"
    );
    for &span in spans(text).iter().chain(extra) {
        let before = reference::readers::entries(text, span);
        assert_eq!(entries(text, span), before, "{name}: entries of {span:?}");
        tally.read += 1;
        if let Some(items) = reading.span_filled(span) {
            tally.answered += 1;
            assert_eq!(
                owned(items),
                reference::readers::filled(text, span),
                "{name}: the reading's entries of {span:?}"
            );
        }
        assert_eq!(
            owned(Reading::of(text, span).filled()),
            reference::readers::filled(text, span),
            "{name}: a reading of {span:?} alone"
        );
        assert_eq!(
            is_placeholder_only(text, span),
            reference::placeholders::is_placeholder_only(text, span),
            "{name}: is_placeholder_only of {span:?}"
        );
    }
    assert_eq!(
        employer(text),
        reference::readers::employer::employer(text),
        "{name}: the employer"
    );
    for q in QUESTIONS {
        assert_eq!(
            walk::entries(text, q.section),
            reference::walk::entries(text, q.section),
            "{name}: the walk of {}",
            q.section
        );
    }
    let got: Vec<(String, Mode)> = plan(text, &[])
        .unwrap()
        .into_iter()
        .map(|p| (p.section, p.mode))
        .collect();
    assert_eq!(got, plan_before(text), "{name}: the coaching plan");
    let (goals, logs) = context();
    let (winter, autumn) = (
        Day::parse("2026-01-17").unwrap(),
        Day::parse("2026-09-16").unwrap(),
    );
    assert_eq!(
        analyze(text, None, &[], winter),
        reference::rules::analyze(text, None, &[], winter),
        "{name}: blind spots"
    );
    assert_eq!(
        analyze(text, Some(goals), logs, autumn),
        reference::rules::analyze(text, Some(goals), logs, autumn),
        "{name}: blind spots with goals and a log"
    );
}

/// Every note under `tests/` and every blind spot spec's note.
fn fixtures() -> Vec<(String, String)> {
    let files = common::files_under(&repo().join("tests"), &["md", "txt"]);
    assert!(!files.is_empty(), "the fixtures under tests/ are missing");
    let mut out = Vec::new();
    for path in files {
        let name = path.strip_prefix(repo()).unwrap().display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if name.starts_with("tests/blindspot-specs/") {
            for (i, chunk) in text.split("--- note\n").skip(1).enumerate() {
                let note = chunk.split("--- expect\n").next().unwrap();
                out.push((format!("{name} #{i}"), note.to_string()));
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push((name, text));
        }
    }
    assert!(out.len() > 60, "the fixtures are missing: {}", out.len());
    out
}

/// The Career Indexes random notes start from: the fixtures that are one.
fn indexes() -> &'static [String] {
    static INDEXES: OnceLock<Vec<String>> = OnceLock::new();
    INDEXES.get_or_init(|| {
        fixtures()
            .into_iter()
            .map(|(_, text)| text)
            .filter(|t| t.contains("## Vision") || t.contains("## Network"))
            .collect()
    })
}

#[test]
fn the_corpus_fixtures_and_synthetic_indexes_read_and_analyse_as_before() {
    let mut notes = common::corpus();
    notes.extend(fixtures());
    for size in [30_000, 100_000] {
        notes.push((
            format!("synthetic {size}"),
            synthetic_index::career_index(size),
        ));
    }
    let mut tally = Tally::default();
    for (name, text) in &notes {
        agree(name, text, &[], &mut tally);
        let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
        agree(&format!("{name} (CRLF)"), &crlf, &[], &mut tally);
    }
    // The fast path is what was compared: most spans came from the reading.
    assert!(
        tally.answered * 4 > tally.read * 3,
        "the whole-note reading answered {} of {} spans",
        tally.answered,
        tally.read
    );
}

#[test]
fn the_reading_answers_for_every_section_of_a_career_index() {
    for (name, text) in fixtures()
        .into_iter()
        .filter(|(n, _)| n.ends_with("0_Career_Index.md"))
        .chain([("synthetic".into(), synthetic_index::career_index(30_000))])
    {
        let reading = Reading::new(&text);
        for s in sections(&text) {
            assert!(
                reading.span_filled(s.body_span).is_some(),
                "{name}: {} read on its own",
                s.title
            );
        }
    }
}

/// Lines a Career Index is made of, prompts and odd shapes included.
const INDEX_LINES: &[&str] = &[
    "## Vision",
    "### The Picture",
    "**North Star (2031):** [One sentence]",
    "**North Star:** CTO of a mission-driven company",
    "- **Life:** [What lifestyle looks like]",
    "- **Role:** CTO, with a team of 40",
    "- **Impact:** x",
    "## 2026 Theme",
    "> **\"Fewer, deeper bets\"**",
    "**→ [[2026 Goals]]** — Full cascade",
    "## Current Role",
    "### Scope",
    "| Direct reports | 12 |",
    "| Budget | $X |",
    "Status: handing over to the new platform team",
    "Data Lead at Litware Inc.",
    "### Success Criteria (Dec 2026)",
    "Success looks like a clean handover by June",
    "### Current Focus",
    "- Hiring",
    "- [ ] Ship the roadmap",
    "## Timeline",
    "| Years | Role | Company |",
    "|-------|------|---------|",
    "| 2020–present | Data Lead | Litware, Inc. |",
    "- 2019–2022 — Staff Engineer, Acme — led the migration",
    "Pattern: DBA → Infrastructure → CTO?",
    "## Innovation Thesis",
    "### The Belief",
    "I believe platform teams should own their budget and their outcomes.",
    "I believe it.",
    "Belief abcdefghijk",
    "Belief abcdefghijkl",
    "Beliefs held: strong ones, many of them",
    "- **My POV:** the edge wins",
    "Point of view — small teams, long bets",
    "- Thesis: x",
    "- **Belief**",
    "We believe that ÉDGE computing wins, öften",
    "## Network & Influence",
    "### Sponsors",
    "### Mentees",
    "**Sponsors:**",
    "**Mentors**",
    "Mentees:",
    "| Name | Context |",
    "|------|---------|",
    "| Pat Kim | CIO, Litware |",
    "| [[People/Pat Kim\\|Pat Kim]] | [[Northwind]] CIO |",
    "| | |",
    "| [Name] | [Context] |",
    "- **Jane Doe** (VP Eng, Northwind) — sponsor",
    "- Lee Park — mentee, external",
    "## External Visibility Plan",
    "### Targets",
    "| Channel | Target | Status |",
    "| Speaking | | |",
    "## Wins & Artifacts",
    "- **Claims platform cut-over** — claims processing cost down 18%",
    "- **GAS Summit** — three years running",
    "- **[Win]** — [Description]",
    "### Business Impact Metrics",
    "| Initiative | Business Impact | Year |",
    "| Claims platform | $4M saved | 2025 |",
    "## Risk Register",
    "| Risk | Likelihood | Mitigation |",
    "| Reorg | High | |",
    "- Layoffs — if cut, then consult",
    "## Open Tasks",
    "- [ ] [Task 1]",
    "- [x] Call Pat about [[Sponsors]]",
    "## Growth",
    "### Skills Inventory",
    "| SQL | Expert | 2025 |",
    "none",
    "TBD",
    "%% hidden %%",
    "%%",
    "<!-- note -->",
    "Title",
    "===",
    "  - indented item",
    "    more of it",
    "> | a | b |",
    "> |---|---|",
    "- | a | b |",
    "  |---|---|",
    "| a |\r|---|",
    "| 2020-01-19 | Launch slipped | Cut scope |",
    "| Budget | ~$20M |",
];

/// A random note: index lines and the shared fragments.
fn random_note() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        3 => prop::sample::select(INDEX_LINES),
        1 => prop::sample::select(common::FRAGMENTS),
    ];
    (prop::collection::vec(line, 0..60), any::<bool>()).prop_map(|(lines, crlf)| {
        let text = lines.join("\n") + "\n";
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

/// A fixture index with lines deleted, repeated, indented, quoted, turned
/// into headings or replaced.
fn perturbed_index() -> impl Strategy<Value = String> {
    let edit = (
        0..7u8,
        any::<prop::sample::Index>(),
        prop::sample::select(INDEX_LINES),
    );
    (
        any::<prop::sample::Index>(),
        prop::collection::vec(edit, 1..12),
    )
        .prop_map(|(pick, edits)| {
            let base = pick.get(indexes());
            let mut lines: Vec<String> = base.split('\n').map(str::to_string).collect();
            for (op, at, fragment) in edits {
                if lines.is_empty() {
                    lines.push(fragment.to_string());
                }
                let i = at.index(lines.len());
                let line = lines[i].clone();
                match op {
                    0 => {
                        lines.remove(i);
                    }
                    1 => lines.insert(i, line),
                    2 => lines[i] = format!("  {line}"),
                    3 => lines[i] = format!("> {line}"),
                    4 => lines[i] = format!("### {line}"),
                    5 => lines[i] = line.trim_start_matches(['#', ' ', '-', '|']).to_string(),
                    _ => lines.insert(i, fragment.to_string()),
                }
            }
            lines.join("\n")
        })
}

/// Spans cut at any byte (kept on character boundaries), and the same cuts
/// moved back to the starts of their lines.
fn cut_spans(text: &str, cuts: &[(prop::sample::Index, prop::sample::Index)]) -> Vec<Span> {
    let at = |i: &prop::sample::Index| {
        let mut at = i.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |nl| nl + 1);
    cuts.iter()
        .flat_map(|(a, b)| {
            let (a, b) = (at(a).min(at(b)), at(a).max(at(b)));
            [Span::new(a, b), Span::new(line_start(a), line_start(b))]
        })
        .collect()
}

proptest! {
    // 2,000 by default: a random note is read and analysed twice, old and new.
    #![proptest_config(ProptestConfig::with_cases(cases() / 2))]

    #[test]
    fn random_notes_read_and_analyse_as_before(
        text in random_note(),
        cuts in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 0..6),
    ) {
        agree("random note", &text, &cut_spans(&text, &cuts), &mut Tally::default());
    }
}

proptest! {
    // 1,000 by default: each is a whole realistic index.
    #![proptest_config(ProptestConfig::with_cases(cases() / 4))]

    #[test]
    fn perturbed_indexes_read_and_analyse_as_before(
        text in perturbed_index(),
        cuts in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 0..6),
    ) {
        agree("perturbed index", &text, &cut_spans(&text, &cuts), &mut Tally::default());
    }
}
