//! The native half of `npm run bench` (scripts/bench.mjs): writes the shared
//! inputs, times the core on them, and prints the timings as JSON.
//!
//! ```text
//! cargo run --release -p career-core --example bench_native -- \
//!     [--corpus DIR] [--out DIR] [--budget-ms N]
//! ```
//!
//! It writes into `--out` (default `target/bench/`) the synthetic Career
//! Indexes (`career-index-30k.md`, `career-index-100k.md`) and `plan.json`:
//! the corpus notes in order, the section each note's section-level
//! operation targets, and every operation run on the Career Indexes, as the
//! JSON the plugin sends. The Node script reads that plan, so both sides run
//! byte-identical inputs and identical operations, chosen in one place.
//!
//! It also times each chart's scene (`charts::chart`) on the realistic chart
//! vault (tests/golden/charts/vaults/realistic), as scripts/bench-charts.mjs
//! times it through the WASM: the same notes, kinds, year, day and width.
//!
//! Each measurement warms up, then runs in 15 windows that together last
//! `--budget-ms`, and reports the median window's time per call (and the
//! mean), as scripts/bench.mjs does. A corpus measurement's unit is
//! one pass over every note it applies to.

// A benchmark harness: a failed unwrap is a broken run, reported as such.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/synthetic_index.rs"]
mod synthetic_index;

use corpus::{corpus, pick_section, SECTION_BODY};

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use career_core::charts::{chart, parse_block, ChartInput, KINDS};
use career_core::note::outline::sections;
use career_core::note::{outline, tasks::tasks_in};
use career_core::ops::{run, Operation};
use career_core::{Day, Settings};
use serde_json::{json, Value};

/// The synthetic Career Indexes: (name, minimum size in bytes).
const CAREER_INDEXES: [(&str, usize); 2] =
    [("career-index-30k", 30_000), ("career-index-100k", 100_000)];

/// The chart vault's folder, and the day and width its charts are drawn for
/// (scripts/bench-charts.mjs uses the same).
const CHART_VAULT: &str = "tests/golden/charts/vaults/realistic/Career";
const CHART_TODAY: &str = "2026-09-16";
const CHART_WIDTH: i32 = 640;

struct Args {
    corpus: PathBuf,
    out: PathBuf,
    budget: Duration,
}

fn args() -> Args {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = Args {
        corpus: root.join("../shared/corpus/obsidian-help-en"),
        out: root.join("target/bench"),
        budget: Duration::from_millis(1000),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| usage(&flag));
        match flag.as_str() {
            "--corpus" => args.corpus = value.into(),
            "--out" => args.out = value.into(),
            "--budget-ms" => {
                args.budget = Duration::from_millis(value.parse().unwrap_or_else(|_| usage(&flag)));
            }
            _ => usage(&flag),
        }
    }
    args
}

fn usage(flag: &str) -> ! {
    eprintln!(
        "bench_native: bad argument {flag:?}; usage: [--corpus DIR] [--out DIR] [--budget-ms N]"
    );
    std::process::exit(2)
}

/// Every operation the plugin offers, on the synthetic Career Index.
fn career_index_ops(text: &str) -> Vec<(&'static str, Value)> {
    let open_tasks = sections(text)
        .into_iter()
        .find(|s| s.title == "Open Tasks")
        .expect("the Career Index has Open Tasks");
    let first_task = tasks_in(text, open_tasks.body_span)
        .into_iter()
        .find(|t| t.is_open())
        .expect("Open Tasks has an open task");
    vec![
        (
            "section-set",
            json!({"op": "section-set", "section": "Current Role/Current Focus", "body": "- Hiring two staff engineers\n- Platform migration\n"}),
        ),
        (
            "section-append",
            json!({"op": "section-append", "section": "Wins & Artifacts/2026", "text": "- **Win:** shipped the migration"}),
        ),
        (
            "section-insert",
            json!({"op": "section-insert", "heading": "Board Work", "after": "Risk Register", "body": "Joined the board of a non-profit.\n"}),
        ),
        (
            "table-add-row",
            json!({"op": "table-add-row", "section": "Network/Sponsors", "cells": ["[[People/New Sponsor]]", "Met at the offsite"]}),
        ),
        (
            "table-update-row",
            json!({"op": "table-update-row", "section": "Timeline", "row": 0, "set": {"Role": "Principal Engineer"}}),
        ),
        (
            "table-remove-row",
            json!({"op": "table-remove-row", "section": "Risk Register", "row": 0}),
        ),
        (
            "task-add",
            json!({"op": "task-add", "section": "Open Tasks", "text": "Book the Q3 review 📅 2026-07-01"}),
        ),
        (
            "task-toggle",
            json!({"op": "task-toggle", "line": first_task.line, "today": synthetic_index::TODAY}),
        ),
        (
            "frontmatter-set",
            json!({"op": "frontmatter-set", "key": "updated", "value": synthetic_index::TODAY}),
        ),
        (
            "frontmatter-add",
            json!({"op": "frontmatter-add", "key": "tags", "value": "coaching"}),
        ),
    ]
}

/// Windows per measurement, as many as scripts/bench.mjs uses.
const SLICES: u32 = 15;

/// Nanoseconds per call of `f` after a warm-up: the median of [`SLICES`]
/// windows that together last at least `budget` (`ns`; a burst of the
/// host's steal time slows the windows it falls in, not the figure), and
/// the mean over all of them (`meanNs`).
fn time(budget: Duration, mut f: impl FnMut()) -> Value {
    let warm = Instant::now();
    let mut warm_calls = 0;
    while warm_calls < 3 || warm.elapsed() < budget / 5 {
        f();
        warm_calls += 1;
    }
    let slice = budget / SLICES;
    let mut per_call = Vec::new();
    let (mut iterations, mut elapsed) = (0u64, Duration::ZERO);
    for _ in 0..SLICES {
        let start = Instant::now();
        let mut calls = 0u64;
        while calls < 1 || start.elapsed() < slice {
            f();
            calls += 1;
        }
        let spent = start.elapsed();
        per_call.push(spent.as_nanos() as f64 / calls as f64);
        iterations += calls;
        elapsed += spent;
    }
    per_call.sort_by(f64::total_cmp);
    json!({
        "iterations": iterations,
        "ns": per_call.get(per_call.len() / 2).copied().unwrap_or(f64::NAN),
        "meanNs": elapsed.as_nanos() as f64 / iterations as f64,
    })
}

/// Mean time per scene for each chart kind, on the realistic chart vault.
fn chart_timings(budget: Duration) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut notes: Vec<(String, String)> = std::fs::read_dir(root.join(CHART_VAULT))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                format!("Career/{name}"),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    notes.sort();
    let settings = Settings::default();
    let today = Day::parse(CHART_TODAY).unwrap();
    let mut timings = serde_json::Map::new();
    for kind in KINDS {
        let mut options = parse_block(&format!("kind: {kind}\nyear: 2026")).unwrap();
        options.width = Some(CHART_WIDTH);
        let input = ChartInput {
            options: &options,
            today,
            settings: &settings,
            notes: &notes,
            source: None,
        };
        let scene = chart(&input).unwrap();
        assert!(scene.placeholder.is_none(), "the {kind} chart must draw");
        timings.insert(
            kind.into(),
            time(budget, || {
                black_box(chart(black_box(&input))).ok();
            }),
        );
    }
    json!({
        "notes": notes.len(),
        "bytes": notes.iter().map(|(_, t)| t.len()).sum::<usize>(),
        "native": timings,
    })
}

fn operation(value: &Value) -> Operation {
    serde_json::from_value(value.clone()).expect("the plan's operations parse")
}

/// The day and moment the whole-note analyses run at, on both sides.
const BENCH_TODAY: &str = "2026-03-06";

/// The analyses the plugin runs over a whole Career Index, each under the
/// name of its WASM export, as scripts/bench.mjs calls them.
fn whole_note_calls(text: &str, budget: Duration) -> Vec<(&'static str, Value)> {
    use career_core::blindspots::analyze;
    use career_core::coach::session::{prompt, start};
    use career_core::templates::plan::{plan_note, NoteKind};
    let today = career_core::Day::parse(BENCH_TODAY).unwrap();
    let settings = career_core::Settings::default();
    let session = start("Career/0_Career_Index.md", text, &[], today, "t0").unwrap();
    vec![
        (
            "planNote",
            time(budget, || {
                black_box(plan_note(
                    NoteKind::CareerIndex,
                    &settings,
                    today,
                    Default::default(),
                    Some(black_box(text)),
                ))
                .ok();
            }),
        ),
        (
            "coachStart",
            time(budget, || {
                black_box(start(
                    "Career/0_Career_Index.md",
                    black_box(text),
                    &[],
                    today,
                    "t0",
                ))
                .ok();
            }),
        ),
        (
            "coachPrompt",
            time(budget, || {
                black_box(prompt(&session, black_box(text))).ok();
            }),
        ),
        (
            "blindSpots",
            time(budget, || {
                black_box(analyze(black_box(text), None, &[], today));
            }),
        ),
    ]
}

fn main() {
    let args = args();
    let notes = corpus(&args.corpus);
    if notes.is_empty() {
        eprintln!("bench_native: no notes under {}", args.corpus.display());
        std::process::exit(1);
    }
    std::fs::create_dir_all(&args.out).unwrap();
    let out = args.out.canonicalize().unwrap();

    let picks: Vec<Option<String>> = notes.iter().map(|(_, t)| pick_section(t)).collect();
    let mut indexes = Vec::new();
    for (name, size) in CAREER_INDEXES {
        let text = synthetic_index::career_index(size);
        let file = out.join(format!("{name}.md"));
        std::fs::write(&file, &text).unwrap();
        let ops = career_index_ops(&text);
        for (op_name, op) in &ops {
            let outcome =
                run(&text, &operation(op)).unwrap_or_else(|e| panic!("{op_name} on {name}: {e:?}"));
            assert!(outcome.text.is_some(), "{op_name} must change {name}");
        }
        indexes.push((name, file, text, ops));
    }
    let plan = json!({
        "corpus": {
            "dir": args.corpus.canonicalize().unwrap(),
            "notes": notes.iter().zip(&picks).map(|((path, text), section)| json!({
                "path": path, "bytes": text.len(), "section": section,
            })).collect::<Vec<_>>(),
        },
        "sectionBody": SECTION_BODY,
        "careerIndex": indexes.iter().map(|(name, file, text, ops)| json!({
            "name": name, "file": file, "bytes": text.len(),
            "ops": ops.iter().map(|(n, op)| json!({"name": n, "op": op})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    std::fs::write(
        out.join("plan.json"),
        serde_json::to_string_pretty(&plan).unwrap(),
    )
    .unwrap();

    // The corpus: full outline of every note; section-set where a note has a section.
    let budget = args.budget;
    let set_ops: Vec<(&str, Operation)> = notes
        .iter()
        .zip(&picks)
        .filter_map(|((_, text), section)| {
            let op = Operation::SectionSet {
                section: section.clone()?,
                body: SECTION_BODY.into(),
            };
            run(text, &op).expect("the picked section is found");
            Some((text.as_str(), op))
        })
        .collect();
    let corpus_outline = time(budget, || {
        for (_, text) in &notes {
            black_box(outline(black_box(text)));
        }
    });
    let corpus_set = time(budget, || {
        for (text, op) in &set_ops {
            black_box(run(black_box(text), op)).ok();
        }
    });

    let mut index_timings = Vec::new();
    for (name, _, text, ops) in &indexes {
        let mut timings = serde_json::Map::new();
        timings.insert(
            "outline".into(),
            time(budget / 2, || {
                black_box(outline(black_box(text)));
            }),
        );
        for (op_name, op) in ops {
            let op = operation(op);
            timings.insert(
                (*op_name).into(),
                time(budget / 2, || {
                    black_box(run(black_box(text), &op)).ok();
                }),
            );
        }
        for (call, timing) in whole_note_calls(text, budget / 2) {
            timings.insert(call.into(), timing);
        }
        index_timings.push(json!({"name": name, "bytes": text.len(), "ops": timings}));
    }

    let report = json!({
        "plan": out.join("plan.json"),
        "corpus": {
            "notes": notes.len(),
            "bytes": notes.iter().map(|(_, t)| t.len()).sum::<usize>(),
            "sectionNotes": set_ops.len(),
            "outline": corpus_outline,
            "section-set": corpus_set,
        },
        "careerIndex": index_timings,
        "charts": chart_timings(budget / 2),
    });
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
}
