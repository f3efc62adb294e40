//! Runs the benchmark's section-set on every note of a folder N times, for
//! instruction counts on small notes, where a call's fixed costs show:
//! `cargo build --release -p career-core --example section_set`, then
//! `valgrind --tool=callgrind target/release/examples/section_set DIR N`.
//! Notes, sections and body are `npm run bench`'s (`benches/support/corpus.rs`).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;

use career_core::ops::{run, Operation};
use corpus::{corpus, pick_section, SECTION_BODY};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("DIR: a folder of notes");
    let n: usize = args.get(2).map_or(1, |n| n.parse().unwrap());
    let work: Vec<(String, Operation)> = corpus(Path::new(dir))
        .into_iter()
        .filter_map(|(_, text)| {
            let section = pick_section(&text)?;
            let op = Operation::SectionSet {
                section,
                body: SECTION_BODY.into(),
            };
            Some((text, op))
        })
        .collect();
    for _ in 0..n {
        for (text, op) in &work {
            black_box(run(black_box(text), black_box(op)).unwrap());
        }
    }
    eprintln!("section_set: {} notes, {n} passes", work.len());
}
