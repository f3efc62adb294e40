//! Calls one whole-note analysis N times on a file, for instruction counts:
//! `cargo build --release -p career-core --example whole_note`, then
//! `valgrind --tool=callgrind target/release/examples/whole_note CALL FILE N`
//! with CALL `blindSpots`, `planNote`, `coachStart` or `coachPrompt` (the WASM exports' names), as
//! `npm run bench` calls them (today 2026-03-06, default settings).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use career_core::blindspots::analyze;
use career_core::coach::session::{prompt, start};
use career_core::templates::plan::{plan_note, NoteKind};
use career_core::{Day, Settings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let call = args.get(1).expect("CALL: blindSpots or planNote");
    let text = std::fs::read_to_string(args.get(2).expect("FILE")).unwrap();
    let n: usize = args.get(3).map_or(1, |n| n.parse().unwrap());
    let today = Day::parse("2026-03-06").unwrap();
    let settings = Settings::default();
    let path = "Career/0_Career_Index.md";
    let session = start(path, &text, &[], today, "t0").unwrap();
    for _ in 0..n {
        match call.as_str() {
            "blindSpots" => {
                black_box(analyze(black_box(&text), None, &[], today));
            }
            "planNote" => {
                black_box(
                    plan_note(
                        NoteKind::CareerIndex,
                        &settings,
                        today,
                        Default::default(),
                        Some(black_box(&text)),
                    )
                    .ok(),
                );
            }
            "coachStart" => {
                black_box(start(path, black_box(&text), &[], today, "t0").ok());
            }
            "coachPrompt" => {
                black_box(prompt(&session, black_box(&text)).ok());
            }
            other => panic!("unknown call {other}"),
        }
    }
}
