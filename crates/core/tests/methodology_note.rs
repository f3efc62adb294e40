//! The methodology note covers every part of the method (issue 14, item 10):
//! phases, why one question at a time works, sample questions, the
//! sponsor/mentor/advisor definitions, the blind-spot questions, the cascade
//! tables, the weekly questions, the cadence and session logs.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use career_core::ops::{run, Operation};

fn note() -> String {
    let op: Operation = serde_json::from_str(
        r#"{"op": "note-template", "kind": "methodology", "today": "2026-01-17"}"#,
    )
    .unwrap();
    run("", &op).unwrap().text.unwrap()
}

#[test]
fn every_part_of_the_method_is_in_the_note() {
    let note = note();
    let parts: &[(&str, &[&str])] = &[
        (
            "phases",
            &[
                "### Phase 1: Foundation Setup",
                "### Phase 2: Career Index Structure",
                "### Phase 3: Coaching Conversation",
                "### Phase 4: Blind Spot Analysis",
                "### Phase 5: Goal Cascade",
                "### Phase 6: Maintenance",
            ],
        ),
        (
            "the profile's contents",
            &[
                "name, location, timezone",
                "role, industry, expertise",
                "tone, depth, format",
                "**How to help:**",
                "**Things to avoid:**",
            ],
        ),
        (
            "why one question at a time works",
            &[
                "#### Why One Question at a Time Works",
                "**Depth over breadth:**",
                "**Small batches:**",
            ],
        ),
        (
            "sample questions",
            &[
                "#### Sample Questions",
                "It's 5 years from now and you're fulfilled.",
                "What's your scope? Who are your key stakeholders?",
            ],
        ),
        (
            "definitions",
            &[
                "| Sponsor | Advocates for you when you're not in the room",
                "| Mentor | Gives advice based on experience",
                "| Advisor | Sounding board for specific decisions",
            ],
        ),
        (
            "blind-spot questions",
            &[
                "What would a coach specializing in [your focus area] add?",
                "| No contingency | What if your current path doesn't work out? |",
            ],
        ),
        (
            "cascade tables",
            &[
                "| Goal | Outcome | Success Metric | Status |",
                "| Quarter | Intention | Focus |",
                "| Q4 | *\"Deliver and reflect\"* |",
            ],
        ),
        (
            "weekly questions",
            &[
                "1. What's the ONE thing this week that moves me toward my goals?",
                "4. Am I protecting time for what matters?",
            ],
        ),
        ("cadence", &["| Frequency | Activity |", "| Annually |"]),
        (
            "session logs",
            &[
                "## Session Logs",
                "| Date | Focus | Output |",
                "**Frameworks used:** only those the session actually used",
            ],
        ),
    ];
    for (part, phrases) in parts {
        for phrase in *phrases {
            assert!(note.contains(phrase), "{part}: missing {phrase:?}");
        }
    }
    assert!(!note.contains("<%"));
}
