//! Phase 1 coached (issue 14, item 6): the seed's profile questions, one at a
//! time, each answer read back and written into User Preferences only.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

use career_core::ops::{run, Operation};
use career_core::templates::profile_coach::{current, read, write, QUESTIONS};
use career_core::ErrorCode;

fn profile() -> String {
    let op: Operation = serde_json::from_str(
        r#"{"op": "note-template", "kind": "profile", "today": "2026-01-17"}"#,
    )
    .unwrap();
    run("", &op).unwrap().text.unwrap()
}

const ANSWERS: [(&str, &str); 11] = [
    ("name", "Alex Rivera"),
    ("location", "Lisbon, Portugal"),
    ("timezone", "Europe/Lisbon"),
    ("role", "VP Engineering, 6 teams"),
    ("industry", "Insurance"),
    ("expertise", "Platform architecture; reliability"),
    ("tone", "Direct"),
    ("depth", "Brief, with the reasoning on request"),
    ("format", "Bullets"),
    ("help", "Challenge my assumptions\nSpot what I am missing"),
    ("avoid", "Generic advice; long preambles"),
];

fn coached(mut note: String) -> String {
    for (id, answer) in ANSWERS {
        let reading = read(id, answer).unwrap();
        if let Some(new) = write(&note, &reading).unwrap().text {
            note = new;
        }
    }
    note
}

#[test]
fn the_questions_are_the_seeds_in_order() {
    let ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(
        ids,
        [
            "name",
            "location",
            "timezone",
            "role",
            "industry",
            "expertise",
            "tone",
            "depth",
            "format",
            "help",
            "avoid"
        ]
    );
}

#[test]
fn every_answer_lands_in_its_field_and_nothing_else_changes() {
    let before = profile();
    let after = coached(before.clone());
    let prefs = after
        .split("## User Preferences\n\n")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    assert_eq!(
        prefs,
        "### Profile\n\n- **Name:** Alex Rivera\n- **Location:** Lisbon, Portugal\n- **Timezone:** Europe/Lisbon\n\n\
         ### Professional Context\n\n- **Role:** VP Engineering, 6 teams\n- **Industry:** Insurance\n- **Expertise:** Platform architecture; reliability\n\n\
         ### Communication Preferences\n\n- **Tone:** Direct\n- **Depth:** Brief, with the reasoning on request\n- **Format:** Bullets\n\n\
         ### How to Help\n\n- Challenge my assumptions\n- Spot what I am missing\n\n\
         ### Things to Avoid\n\n- Generic advice\n- long preambles\n"
    );
    // Outside User Preferences, the note is as it was.
    let tail = |t: &str| t.split("## Career Coaching").nth(1).unwrap().to_string();
    assert_eq!(tail(&after), tail(&before));
    let head = |t: &str| t.split("## User Preferences").next().unwrap().to_string();
    assert_eq!(head(&after), head(&before));
}

#[test]
fn writing_again_changes_nothing() {
    let once = coached(profile());
    for (id, answer) in ANSWERS {
        let reading = read(id, answer).unwrap();
        assert_eq!(write(&once, &reading).unwrap().text, None, "{id}");
    }
}

#[test]
fn the_read_back_names_the_field() {
    assert_eq!(read("tone", " direct\n").unwrap().read_back, "Tone: direct");
    assert_eq!(
        read("help", "- a\n- b; c").unwrap().read_back,
        "How to Help: a; b; c"
    );
    assert_eq!(
        read("tone", "  ").unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(
        read("shoe size", "42").unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn current_values_ignore_the_template_prompts() {
    let fresh = profile();
    assert_eq!(current(&fresh, "name").unwrap(), None);
    assert_eq!(current(&fresh, "help").unwrap(), None);
    let done = coached(fresh);
    assert_eq!(
        current(&done, "name").unwrap().as_deref(),
        Some("Alex Rivera")
    );
    assert_eq!(
        current(&done, "avoid").unwrap().as_deref(),
        Some("Generic advice; long preambles")
    );
}

#[test]
fn a_hand_written_profile_keeps_its_own_lines() {
    let note = "# CLAUDE.md\r\n\r\n## User Preferences\r\n\r\n### Communication Preferences\r\n\r\n- **Tone:** warm\r\n- Keep it short\r\n\r\n### How to Help\r\n\r\n- Review my drafts\r\n";
    let tone = write(note, &read("tone", "Direct").unwrap())
        .unwrap()
        .text
        .unwrap();
    assert_eq!(tone, note.replace("**Tone:** warm", "**Tone:** Direct"));
    let format = write(note, &read("format", "Bullets").unwrap())
        .unwrap()
        .text
        .unwrap();
    assert_eq!(
        format,
        note.replace(
            "- Keep it short\r\n",
            "- Keep it short\r\n- **Format:** Bullets\r\n"
        )
    );
    let help = write(
        note,
        &read("help", "Review my drafts; Ask hard questions").unwrap(),
    )
    .unwrap()
    .text
    .unwrap();
    assert_eq!(
        help,
        note.replace(
            "- Review my drafts\r\n",
            "- Review my drafts\r\n- Ask hard questions\r\n"
        )
    );
}

#[test]
fn a_profile_without_user_preferences_is_refused_with_the_way_forward() {
    let err = write("# CLAUDE.md\n\nNotes.\n", &read("name", "Alex").unwrap()).unwrap_err();
    assert_eq!(err.code, ErrorCode::SectionNotFound);
    assert!(
        err.message.contains("career profile upgrade"),
        "{}",
        err.message
    );
}
