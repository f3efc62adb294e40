//! Criterion benchmarks of the core's hot paths on a synthetic Career Index.
//!
//! `cargo bench -p career-core` times, on a 30 KB and a 100 KB filled-in
//! Career Index (see `support/synthetic_index.rs`): the fast heading scan
//! against comrak, building the section tree, the full outline, and the
//! section-level operations the plugin runs most (set a body, add a table
//! row, add a task). These are the native numbers; `npm run bench` compares
//! native, WASM and the JavaScript parsers in one run (BENCHMARKS.md).

// A benchmark harness: a failed unwrap is a broken benchmark, reported as such;
// criterion's macros generate undocumented functions.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "support/synthetic_index.rs"]
mod synthetic_index;

use std::hint::black_box;
use std::time::Duration;

use career_core::note::headings::{by_comrak, fast_scan};
use career_core::note::{outline, outline::sections};
use career_core::ops::{run, Operation};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// The inputs: (label, text).
fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("30KB", synthetic_index::career_index(30_000)),
        ("100KB", synthetic_index::career_index(100_000)),
    ]
}

/// The section-level operations, as the plugin sends them.
fn operations() -> Vec<(&'static str, Operation)> {
    vec![
        (
            "section-set",
            Operation::SectionSet {
                section: "Current Role/Current Focus".into(),
                body: "- Hiring two staff engineers\n- Platform migration\n".into(),
            },
        ),
        (
            "table-add-row",
            Operation::TableAddRow {
                section: "Network/Sponsors".into(),
                table: 0,
                cells: vec!["[[People/New Sponsor]]".into(), "Met at the offsite".into()],
            },
        ),
        (
            "task-add",
            Operation::TaskAdd {
                section: "Open Tasks".into(),
                text: "Book the Q3 review 📅 2026-07-01".into(),
            },
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    for (label, text) in &inputs {
        assert!(
            fast_scan(text).is_some(),
            "the fast scan must answer on {label}"
        );
    }
    let mut group = c.benchmark_group("headings");
    for (label, text) in &inputs {
        group.bench_with_input(BenchmarkId::new("fast_scan", label), text, |b, t| {
            b.iter(|| fast_scan(black_box(t)));
        });
        group.bench_with_input(BenchmarkId::new("by_comrak", label), text, |b, t| {
            b.iter(|| by_comrak(black_box(t)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("note");
    for (label, text) in &inputs {
        group.bench_with_input(BenchmarkId::new("sections", label), text, |b, t| {
            b.iter(|| sections(black_box(t)));
        });
        group.bench_with_input(BenchmarkId::new("outline", label), text, |b, t| {
            b.iter(|| outline(black_box(t)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("ops");
    for (name, op) in operations() {
        for (label, text) in &inputs {
            assert!(
                run(text, &op).unwrap().text.is_some(),
                "{name} must change the {label} note"
            );
            group.bench_with_input(BenchmarkId::new(name, label), text, |b, t| {
                b.iter(|| run(black_box(t), black_box(&op)));
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
