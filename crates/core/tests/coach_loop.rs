//! Issue 14, items 1–3: the loop "ask → receive → confirm → update → next"
//! holds for every write, follow-ups included; each follow-up and each
//! "kept as a note" line has a defined place inside its section; answers are
//! read the way people give them. Each test names the failure it guards.

// Test support functions: a failed unwrap or panic is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic)]

use career_core::coach::questions::for_section;
use career_core::coach::reader::read;
use career_core::coach::session::{prompt, start, step, Action, Prompt, Session};
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::Day;

fn day() -> Day {
    Day::parse("2026-01-17").unwrap()
}

fn template() -> String {
    career_index::render(day(), "2026 Goals", LinkFormat::Wikilink)
}

fn answer(text: &str) -> Action {
    Action::Answer { text: text.into() }
}

fn drive(mut session: Session, mut note: String, actions: &[Action]) -> (Session, String) {
    for (i, action) in actions.iter().enumerate() {
        let result = step(&session, action, &note, &format!("t{i}"))
            .unwrap_or_else(|e| panic!("step {i} {action:?} failed: {e}"));
        if let Some(new) = result.write {
            note = new;
        }
        session = result.session;
    }
    (session, note)
}

fn session(note: &str, sections: &[&str]) -> Session {
    let sections: Vec<String> = sections.iter().map(|s| (*s).to_string()).collect();
    start("Career/0_Career_Index.md", note, &sections, day(), "t").unwrap()
}

/// The text of the section under `heading`, up to the next `## ` heading.
fn section_of<'a>(note: &'a str, heading: &str) -> &'a str {
    let at = note.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let rest = &note[at..];
    let end = rest[heading.len()..]
        .find("\n## ")
        .map_or(rest.len(), |e| e + heading.len() + 1);
    &rest[..end]
}

#[test]
fn a_follow_up_answer_is_read_back_and_written_only_on_confirm() {
    // Failure: "Follow-up answers are never confirmed … yet the log says
    // Confirmed and updated."
    let note = template();
    let s = session(&note, &["Timeline"]);
    let (s, note) = drive(
        s,
        note,
        &[
            answer("2019-now | Director | Lockton | GCC expansion"),
            Action::Confirm,
            answer("Each move took me closer to architecture"),
        ],
    );
    assert!(
        !note.contains("closer to architecture"),
        "nothing is written before the confirm"
    );
    match prompt(&s, &note).unwrap() {
        Prompt::Confirm {
            understood,
            changes,
            ..
        } => {
            assert_eq!(understood.fields.len(), 1);
            assert_eq!(understood.fields[0].label, "The pattern");
            assert_eq!(
                understood.fields[0].value,
                "Each move took me closer to architecture"
            );
            assert!(changes.iter().any(|c| c.sign == '+'
                && c.text == "- **The pattern:** Each move took me closer to architecture"));
        }
        other => panic!("a follow-up answer should be confirmed first, got {other:?}"),
    }
    let (_, edited) = drive(s.clone(), note.clone(), &[Action::Edit]);
    assert_eq!(edited, note, "edit writes nothing");
    let (s2, after_edit) = drive(s.clone(), note.clone(), &[Action::Edit]);
    match prompt(&s2, &after_edit).unwrap() {
        Prompt::Deepen { draft, .. } => {
            assert_eq!(draft, "Each move took me closer to architecture")
        }
        other => panic!("edit returns to the follow-up, got {other:?}"),
    }
    let (_, skipped) = drive(s.clone(), note.clone(), &[Action::Skip]);
    assert_eq!(skipped, note, "a skipped follow-up writes nothing");
    let (done, note) = drive(s, note, &[Action::Confirm]);
    assert!(note.contains("- **The pattern:** Each move took me closer to architecture"));
    assert_eq!(done.answers[0].follow_ups.len(), 1);
}

#[test]
fn follow_ups_stay_inside_their_section_before_its_closing_rule() {
    // Failures: Timeline's "the pattern" landed after the section's `---` rule,
    // just above `## Growth`; "Act on first" landed above `## Open Tasks`;
    // others sat above subsections with a double blank line.
    let note = template();
    let s = session(
        &note,
        &["Timeline", "Risk Register", "Current Role", "Wins"],
    );
    let (_, note) = drive(
        s,
        note,
        &[
            answer("2019-now | Director | Lockton | GCC expansion"),
            Action::Confirm,
            answer("Towards architecture"),
            Action::Confirm,
            answer("Path closes | medium | high | external sponsors"),
            Action::Confirm,
            answer("The path closing"),
            Action::Confirm,
            answer("8 direct reports, 65 total org, $20M budget, focus: Architecture"),
            Action::Confirm,
            answer("Delivery handed over by April"),
            Action::Confirm,
            answer("GAS Summit | three years running"),
            Action::Confirm,
            answer("$1.2M pipeline"),
            Action::Confirm,
        ],
    );
    assert!(
        section_of(&note, "## Timeline").contains(
            "| 2019-now | Director | Lockton | GCC expansion |\n\n- **The pattern:** Towards architecture\n\n---\n"
        ),
        "{}",
        section_of(&note, "## Timeline")
    );
    assert!(section_of(&note, "## Risk Register").contains(
        "| Path closes | medium | high | external sponsors |\n\n- **Act on first:** The path closing\n\n---\n"
    ));
    assert!(
        section_of(&note, "## Current Role").starts_with(
            "## Current Role\n\n- **Transition success looks like:** Delivery handed over by April\n\n### Scope\n"
        ),
        "{}",
        section_of(&note, "## Current Role")
    );
    assert!(section_of(&note, "## Wins & Artifacts").starts_with(
        "## Wins & Artifacts\n\n- **Quantified impact:** $1.2M pipeline\n\n### 2026\n"
    ));
    assert!(!note.contains("\n\n\n"), "no double blank lines:\n{note}");
}

#[test]
fn free_text_spanning_several_fields_is_read_into_each_and_the_rest_is_kept() {
    // Failure: "I have 6 direct reports and about 40 people… 9M budget. Focus: …
    // My key stakeholders are…" became `Direct reports: I have 6`; the other
    // figures were asked again and the stakeholders sentence was dropped.
    let q = for_section("current_role").unwrap();
    let r = read(
        q,
        "I have 6 direct reports and about 40 people in total, with a 9M budget. Focus: platform reliability. My key stakeholders are the CFO and the COO.",
        2026,
    );
    assert_eq!(r.get("direct_reports"), Some("6"));
    assert_eq!(r.get("total_org"), Some("~40"));
    assert_eq!(r.get("budget"), Some("9M"));
    assert_eq!(r.get("focus"), Some("platform reliability"));
    assert_eq!(
        r.unplaced,
        ["My key stakeholders are the CFO and the COO."],
        "what fits no field is kept"
    );
    assert!(
        r.missing.is_empty(),
        "nothing is asked again: {:?}",
        r.missing
    );
    let r = read(q, "$9M budget, ~40 people, 6 directs", 2026);
    assert_eq!(
        (r.get("budget"), r.get("total_org"), r.get("direct_reports")),
        (Some("$9M"), Some("~40"), Some("6"))
    );
}

#[test]
fn what_is_kept_as_a_note_is_read_back_and_written_in_the_section() {
    let note = template();
    let s = session(&note, &["Current Role"]);
    let (s, note) = drive(
        s,
        note,
        &[answer(
            "6 direct reports, 40 people, $9M budget, focus: reliability\nI also run the architecture guild",
        )],
    );
    match prompt(&s, &note).unwrap() {
        Prompt::Confirm {
            understood,
            changes,
            ..
        } => {
            assert_eq!(understood.unplaced, ["I also run the architecture guild"]);
            assert!(changes
                .iter()
                .any(|c| c.sign == '+' && c.text == "- I also run the architecture guild"));
        }
        other => panic!("{other:?}"),
    }
    let (_, note) = drive(s, note, &[Action::Confirm, Action::Skip]);
    assert!(section_of(&note, "## Current Role")
        .starts_with("## Current Role\n\n- I also run the architecture guild\n\n### Scope\n"));
}

#[test]
fn a_pasted_linkedin_history_keeps_each_value_in_its_column() {
    // Failure: a LinkedIn-style history pasted into Timeline shifted the
    // columns (`Years = Acme Insurance`).
    let q = for_section("timeline").unwrap();
    let pasted = "Director of Engineering\nAcme Insurance · Full-time\n2019 - Present · 7 yrs\nSenior Architect\nAon\nJan 2012 – Dec 2018 · 7 yrs\nChicago, Illinois";
    let r = read(q, pasted, 2026);
    assert_eq!(
        r.entries,
        [
            vec![
                "2019 - Present",
                "Director of Engineering",
                "Acme Insurance",
                ""
            ],
            vec![
                "Jan 2012 – Dec 2018",
                "Senior Architect",
                "Aon",
                "Chicago, Illinois"
            ],
        ]
    );
    let joined = read(
        q,
        "Director | Acme Insurance | 2019-2024\nArchitect at Aon (2012–2018)",
        2026,
    );
    assert_eq!(
        joined.entries,
        [
            vec!["2019-2024", "Director", "Acme Insurance", ""],
            vec!["2012–2018", "Architect", "Aon", ""],
        ],
        "the years go to Years wherever they were typed"
    );
}

#[test]
fn the_read_back_names_each_entry_value_by_its_column() {
    let note = template();
    let s = session(&note, &["Timeline"]);
    let (s, note) = drive(s, note, &[answer("2019-now | Director | Lockton")]);
    match prompt(&s, &note).unwrap() {
        Prompt::Confirm { columns, .. } => {
            assert_eq!(columns, ["Years", "Role", "Company", "Key Achievement"])
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lists_split_on_commas_semicolons_and_and_new_lines() {
    let q = for_section("open_tasks").unwrap();
    assert_eq!(
        read(
            q,
            "Draft the thesis, call Pat and book a talk\nUpdate LinkedIn; Ask Sam",
            2026
        )
        .items,
        [
            "Draft the thesis",
            "call Pat",
            "book a talk",
            "Update LinkedIn",
            "Ask Sam"
        ]
    );
    let network = for_section("network").unwrap();
    assert_eq!(
        read(
            network,
            "Pat Kim | sponsor | CIO; Sam Ortiz | mentor | CTO",
            2026
        )
        .entries
        .len(),
        2
    );
}

#[test]
fn back_returns_to_the_previous_section_and_edit_to_this_answer() {
    // Failure: `[b]ack` behaved like `[e]dit`.
    let note = template();
    let s = session(&note, &["Annual Theme", "Headline"]);
    let (s, note) = drive(
        s,
        note,
        &[
            answer("Visible outside"),
            Action::Confirm,
            answer("Architect"),
        ],
    );
    let (back, _) = drive(s.clone(), note.clone(), &[Action::Back]);
    assert_eq!(back.position, 0, "back goes to the previous section");
    let (edit, _) = drive(s, note, &[Action::Edit]);
    assert_eq!(edit.position, 1, "edit stays on this answer");
}

#[test]
fn a_cue_inside_a_word_or_mid_sentence_never_cuts_the_answer() {
    let q = for_section("current_role").unwrap();
    let r = read(q, "George leads the guild", 2026);
    assert_eq!(
        r.unplaced,
        ["George leads the guild"],
        "\"org\" in George is no cue"
    );
    let r = read(q, "my focus is platform reliability", 2026);
    assert_eq!(r.get("focus"), Some("my focus is platform reliability"));
}

#[test]
fn an_existing_entry_is_edited_or_removed_by_name_never_copied() {
    // Failure: "Coach this" on a wins finding appended a second copy of the win.
    let note = template()
        .replace(
            "- **[Win]** — [Description]",
            "- **GAS Summit** — ran it three years running",
        )
        .replace(
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| | |",
            "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |\n| Sam Ortiz | former CTO |",
        );
    let s = session(&note, &["Wins", "Network"]);
    match prompt(&s, &note).unwrap() {
        Prompt::Entry { entry, .. } => assert_eq!(
            entry.entry.values,
            ["GAS Summit", "ran it three years running"]
        ),
        other => panic!("the walk offers the win first: {other:?}"),
    }
    // `add` at an entry keeps the rest; an answer naming one still edits it.
    let (added, _) = drive(s.clone(), note.clone(), &[Action::Add]);
    match prompt(&added, &note).unwrap() {
        Prompt::Question { hint, .. } => assert!(
            hint.contains("this adds new ones (the same title changes one)"),
            "{hint}"
        ),
        other => panic!("{other:?}"),
    }
    let (_, out) = drive(
        s,
        note,
        &[
            Action::Add,
            answer("GAS Summit | 900 attendees, $1.2M pipeline"),
            Action::Confirm,
            Action::Skip,
            Action::Add,
            answer(
                "Pat Kim | sponsor | Global CIO, now on the board\nremove Sam Ortiz\nremove Nobody",
            ),
            Action::Confirm,
            Action::Skip,
        ],
    );
    assert_eq!(out.matches("**GAS Summit**").count(), 1, "{out}");
    assert!(out.contains("- **GAS Summit** — 900 attendees, $1.2M pipeline\n"));
    assert!(
        out.contains("| Pat Kim | Global CIO, now on the board |\n"),
        "{out}"
    );
    assert_eq!(out.matches("Pat Kim").count(), 1);
    assert!(!out.contains("Sam Ortiz"), "removed: {out}");
    assert!(
        out.contains("- remove Nobody"),
        "an unknown name is kept, not lost"
    );
}

#[test]
fn an_entry_edit_or_removal_replayed_after_a_crash_changes_nothing_else() {
    // Shells write the note, then save the session: a crash in between leaves the
    // old session with the new note. Replaying it must not touch another entry.
    let note = template().replace(
        "### Sponsors\n\n| Name | Context |\n|------|---------|\n| | |",
        "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |\n| Sam Ortiz | former CTO |\n| Lee Park | architect |",
    );
    let s = session(&note, &["Network"]);
    // An edit: confirmed, written, then the old session comes back.
    let (at_confirm, _) = drive(
        s.clone(),
        note.clone(),
        &[Action::Edit, answer("Context: on the board")],
    );
    let written = step(&at_confirm, &Action::Confirm, &note, "t").unwrap();
    let edited = written.write.unwrap();
    assert!(edited.contains("| Pat Kim | on the board |"), "{edited}");
    match prompt(&at_confirm, &edited).unwrap() {
        Prompt::Confirm { changes, .. } => {
            assert!(changes.is_empty(), "the replay shows no change")
        }
        other => panic!("{other:?}"),
    }
    let replay = step(&at_confirm, &Action::Confirm, &edited, "t").unwrap();
    assert_eq!(replay.write, None, "nothing is written twice");
    assert!(
        matches!(prompt(&replay.session, &edited).unwrap(), Prompt::Entry { entry, .. } if entry.number == 2)
    );

    // A removal: confirmed, written, then the old session comes back.
    let (at_removal, _) = drive(s, note.clone(), &[Action::Keep, Action::Remove]);
    let removed = step(&at_removal, &Action::Confirm, &note, "t")
        .unwrap()
        .write
        .unwrap();
    assert!(
        !removed.contains("Sam Ortiz") && removed.contains("Lee Park"),
        "{removed}"
    );
    match prompt(&at_removal, &removed).unwrap() {
        Prompt::Entry { entry, .. } => assert_eq!(
            entry.entry.values[0], "Lee Park",
            "the next entry is offered, not removed"
        ),
        other => panic!("{other:?}"),
    }
    let (_, after) = drive(at_removal, removed.clone(), &[Action::Keep]);
    assert_eq!(after, removed, "Lee Park stays");
}
