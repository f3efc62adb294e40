//! Prints what `plan_note` makes of a file: `cargo run -p career-core --example plan_note -- KIND FILE [TODAY]`.
//! A developer tool for reviewing template output before it becomes a golden spec.
#![allow(missing_docs, clippy::unwrap_used)]

use career_core::templates::links::LinkFormat;
use career_core::templates::plan::{plan_note, NoteKind};
use career_core::{Day, Settings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind: NoteKind = serde_json::from_str(&format!(
        "\"{}\"",
        args.get(1).map_or("career-index", |s| s.as_str())
    ))
    .unwrap();
    let text = args.get(2).map(|p| std::fs::read_to_string(p).unwrap());
    let today = Day::parse(args.get(3).map_or("2026-01-17", |s| s.as_str())).unwrap();
    let plan = plan_note(
        kind,
        &Settings::default(),
        today,
        LinkFormat::Wikilink,
        text.as_deref(),
    )
    .unwrap();
    eprintln!(
        "action: {:?}, additions: {}",
        plan.action,
        plan.additions.len()
    );
    for a in &plan.additions {
        eprintln!(
            "  + {} after line {} ({:?})",
            a.what.join(", "),
            a.after_line,
            a.context
        );
    }
    print!("{}", plan.text.unwrap_or_default());
}
