//! No input makes the goals code panic, and every edit it returns applies
//! and leaves the rest of the note as it was: real notes from the corpus
//! (as shipped and CRLF) and hostile snippets.
// Tests: a failed unwrap is a failed test.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use career_core::edit::{apply, Applied};
use career_core::goals::edits::{add_action, set_status};
use career_core::goals::interview::{prompt, start, step, Interview, Reply};
use career_core::goals::progress::{progress, render_markdown, render_text};
use career_core::goals::read;
use career_core::goals::template::{context, link_back};
use career_core::templates::links::LinkFormat;
use career_core::{Day, ErrorCode, FiscalYear, Period};

const HOSTILE: &[&str] = &[
    "",
    "\r",
    "\u{feff}## Weekly Actions\r\n### 2026-W47",
    "---\nyear: 2147483647\n---\n## Annual Goals\n| Goal | Status |\n|---|---|\n| G1 | x |\n",
    "## Weekly Actions\n\n### 2026-W47\n\n```\n- [ ] fenced",
    "## Annual Goals\n\nG1 | Complete\n--|--\n",
    "## Annual Goals\n\n| Goal |\n|---|\n| G1 |\n",
    "## Weekly Actions\n#### 2026-W47\n- [ ] x\n### 2026-W47\n",
    "> ## Weekly Actions\n> ### 2026-W47\n> - [ ] quoted\n",
    "## Theme\n\n**→ [[2026 Goals|",
];

fn check(label: &str, text: &str, failures: &mut Vec<String>) {
    let today = Day::parse("2026-11-21").unwrap();
    for fiscal in [FiscalYear::default(), FiscalYear::starting(10).unwrap()] {
        let p = progress(&read(text), fiscal, today);
        let _ = (render_text(&p), render_markdown(&p));
    }
    let _ = context(text, 2026);
    let week = Period::parse("2026-W47").unwrap();
    let attempts = [
        (
            "link_back",
            link_back(text, 2026, "2026 Goals", LinkFormat::Markdown),
        ),
        ("set_status", set_status(text, "G1", "complete")),
        ("add_action", add_action(text, week, "Act #goal/G1", None)),
    ];
    for (what, result) in attempts {
        match result {
            Ok(edits) => match apply(text, &edits) {
                Ok(Applied::Changed(after)) if what == "add_action" => {
                    if !read(&after)
                        .actions
                        .iter()
                        .any(|a| a.period == week && a.text == "Act")
                    {
                        failures.push(format!("{label}: {what} did not read back"));
                    }
                }
                Ok(_) => {}
                Err(e) => failures.push(format!("{label}: {what} edits do not apply: {e}")),
            },
            Err(e)
                if e.code == ErrorCode::SectionNotFound
                    || e.code == ErrorCode::TableNotFound
                    || e.code == ErrorCode::GoalNotFound
                    || e.code == ErrorCode::WouldBeHidden
                    || e.code == ErrorCode::UnsupportedLineEndings => {}
            Err(e) => failures.push(format!("{label}: {what} failed unexpectedly: {e}")),
        }
    }
}

#[test]
fn corpus_and_hostile_notes_never_panic_and_edits_apply() {
    let mut failures = Vec::new();
    for (name, text) in common::corpus() {
        check(&name, &text, &mut failures);
        check(
            &format!("{name} (CRLF)"),
            &text.replace("\r\n", "\n").replace('\n', "\r\n"),
            &mut failures,
        );
    }
    for (i, text) in HOSTILE.iter().enumerate() {
        check(&format!("hostile #{i}"), text, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_hand_edited_saved_interview_cannot_overflow() {
    let mut i: Interview = start("", 2026, FiscalYear::starting(4).unwrap());
    i.year = i32::MAX;
    i.stage = career_core::goals::interview::Stage::Milestones { month: usize::MAX };
    let json = serde_json::to_string(&i).unwrap();
    let i: Interview = serde_json::from_str(&json).unwrap();
    let _ = prompt(&i);
    for reply in [
        Reply::Skip,
        Reply::Back,
        Reply::Finish,
        Reply::Answer {
            text: "x | G1".into(),
        },
    ] {
        let _ = step(&i, &reply);
    }
    let huge = read(HOSTILE[3]);
    assert_eq!(huge.year, Some(i32::MAX));
    let p = progress(
        &huge,
        FiscalYear::starting(4).unwrap(),
        Day::parse("2026-11-21").unwrap(),
    );
    assert_eq!(
        p.year, 2026,
        "an impossible year falls back to today's planning year"
    );
    let far = start("", i32::MIN, FiscalYear::starting(12).unwrap());
    assert_eq!(far.year, 1000, "clamped into four digits");
}
