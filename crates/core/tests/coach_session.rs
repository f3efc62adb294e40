//! A coaching session driven the way the shells drive it: re-read the note,
//! step, write, then save the session.

// Test support functions: a failed unwrap or panic is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic)]

use career_core::coach::session::{
    prompt, start, step, Action, AnswerStatus, Mode, Prompt, Session,
};
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

/// Runs actions like a shell: write what a step returns, then keep its session.
fn drive(mut session: Session, mut note: String, actions: &[Action]) -> (Session, String) {
    for (i, action) in actions.iter().enumerate() {
        let at = format!("2026-01-17T10:{:02}:00", i % 60);
        let result = step(&session, action, &note, &at)
            .unwrap_or_else(|e| panic!("step {i} {action:?} failed: {e}"));
        if let Some(new) = result.write {
            note = new;
        }
        session = result.session;
    }
    (session, note)
}

#[test]
fn the_planner_puts_empty_sections_first_and_offers_filled_ones_for_review() {
    let note = template().replace(
        "**North Star (2031):** [One sentence]",
        "**North Star (2031):** CTO by 2031",
    );
    let session = start(
        "Career/0_Career_Index.md",
        &note,
        &[],
        day(),
        "2026-01-17T10:00:00",
    )
    .unwrap();
    let order: Vec<(&str, Mode)> = session
        .plan
        .iter()
        .map(|p| (p.section.as_str(), p.mode))
        .collect();
    assert_eq!(order.first(), Some(&("annual_theme", Mode::Fill)));
    assert_eq!(
        order.last(),
        Some(&("vision", Mode::Review)),
        "the filled vision is offered last, for review"
    );
    let only = start(
        "x.md",
        &note,
        &["Network".into(), "wins".into()],
        day(),
        "t",
    )
    .unwrap();
    assert_eq!(
        only.plan
            .iter()
            .map(|p| p.section.as_str())
            .collect::<Vec<_>>(),
        ["network", "wins"]
    );
    let unknown = start("x.md", &note, &["Hobbies".into()], day(), "t").unwrap_err();
    assert!(
        unknown.message.contains("Choose from"),
        "{}",
        unknown.message
    );
}

#[test]
fn one_question_at_a_time_with_follow_ups_confirm_and_deepening() {
    let note = template();
    let session = start(
        "Career/0_Career_Index.md",
        &note,
        &["Vision".into(), "Current Role".into()],
        day(),
        "2026-01-17T10:00:00",
    )
    .unwrap();
    match prompt(&session, &note).unwrap() {
        Prompt::Question { question, .. } => assert_eq!(
            question,
            "It's 5 years from now and you're fulfilled. What does that look like?"
        ),
        other => panic!("expected the vision question, got {other:?}"),
    }
    // The answer lacks four fields: each is asked as a follow-up, one at a time.
    let (session, note) = drive(
        session,
        note,
        &[
            answer("CTO of a mission-driven company"),
            answer("Balance; travel with my partner"),
        ],
    );
    match prompt(&session, &note).unwrap() {
        Prompt::FollowUp { question, .. } => assert_eq!(question, "Role?"),
        other => panic!("expected the Role follow-up, got {other:?}"),
    }
    let (session, note) = drive(
        session,
        note,
        &[
            answer(""),
            answer("Platforms that halve claim time"),
            answer("Teaching"),
        ],
    );
    match prompt(&session, &note).unwrap() {
        Prompt::Confirm {
            understood,
            changes,
            ..
        } => {
            assert_eq!(
                understood.get("life"),
                Some("Balance; travel with my partner")
            );
            assert_eq!(
                understood.get("role"),
                None,
                "a skipped follow-up stays empty"
            );
            assert!(changes.iter().any(|c| c.sign == '+'
                && c.text == "**North Star (2031):** CTO of a mission-driven company"));
            assert!(changes
                .iter()
                .any(|c| c.sign == '-' && c.text == "**North Star (2031):** [One sentence]"));
        }
        other => panic!("expected the confirm step, got {other:?}"),
    }
    assert!(
        !note.contains("CTO of a mission"),
        "nothing is written before the confirm"
    );
    let (session, note) = drive(session, note, &[Action::Confirm]);
    assert!(note.contains("**North Star (2031):** CTO of a mission-driven company"));
    assert!(matches!(
        prompt(&session, &note).unwrap(),
        Prompt::Deepen { .. }
    ));
    let (session, note) = drive(
        session,
        note,
        &[
            answer("Getting the title but losing my weekends"),
            Action::Confirm,
        ],
    );
    assert!(note
        .contains("- **What failure would look like:** Getting the title but losing my weekends"));
    let (session, note) = drive(
        session,
        note,
        &[
            answer("8 direct reports, 65 total org, $20M budget, focus: Architecture"),
            Action::Confirm,
            answer(""),
        ],
    );
    assert!(note.contains("| Direct reports | 8 |"));
    match prompt(&session, &note).unwrap() {
        Prompt::Done { written, skipped } => assert_eq!((written, skipped), (2, 0)),
        other => panic!("expected done, got {other:?}"),
    }
    let kinds: Vec<&str> = session.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"started"));
    assert_eq!(kinds.last(), Some(&"finished"));
    assert!(
        kinds.contains(&"confirmed") && kinds.contains(&"asked"),
        "the transcript records the conversation: {kinds:?}"
    );
}

#[test]
fn edit_back_and_skip_never_write_an_unconfirmed_answer() {
    let note = template();
    let session = start(
        "i.md",
        &note,
        &["Annual Theme".into(), "Risk Register".into()],
        day(),
        "t0",
    )
    .unwrap();
    let (session, note_after) = drive(
        session,
        note.clone(),
        &[answer("Visible inside"), Action::Edit],
    );
    assert_eq!(note_after, note, "editing writes nothing");
    match prompt(&session, &note_after).unwrap() {
        Prompt::Question { draft, .. } => {
            assert_eq!(draft, "Visible inside", "the answer is kept for editing")
        }
        other => panic!("{other:?}"),
    }
    let (session, note) = drive(
        session,
        note_after,
        &[
            answer("Visible outside Lockton"),
            Action::Confirm,
            Action::Skip,
        ],
    );
    assert!(note.contains("> **\"Visible outside Lockton\"**"));
    assert_eq!(session.answers[1].status, Some(AnswerStatus::Skipped));
    assert!(
        note.contains("| | | | |"),
        "the skipped risk register is untouched"
    );
}

#[test]
fn a_session_interrupted_anywhere_resumes_and_never_writes_twice() {
    let note = template();
    let session = start(
        "i.md",
        &note,
        &["Network".into(), "Open Tasks".into()],
        day(),
        "t0",
    )
    .unwrap();
    let (session, note) = drive(session, note, &[answer("Pat Kim | sponsor | Global CIO")]);
    // The app closes: the session is saved as JSON and loaded again.
    let saved = serde_json::to_string(&session).unwrap();
    let restored: Session = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored, session);
    // Confirm, but "crash" after the write and before saving the new session.
    let crashed = step(&restored, &Action::Confirm, &note, "t1").unwrap();
    let note = crashed.write.unwrap();
    // On resume the old session confirms again: the write changes nothing more.
    let replay = step(&restored, &Action::Confirm, &note, "t2").unwrap();
    assert_eq!(replay.write, None, "an answer is never written twice");
    assert_eq!(note.matches("| Pat Kim | Global CIO |").count(), 1);
    let (session, note) = drive(
        replay.session,
        note,
        &[
            answer(""),
            answer("Draft thesis; Book a talk"),
            Action::Confirm,
        ],
    );
    assert!(note.contains("- [ ] Draft thesis\n- [ ] Book a talk\n"));
    assert!(matches!(
        prompt(&session, &note).unwrap(),
        Prompt::Done {
            written: 2,
            skipped: 0
        }
    ));
}

#[test]
fn a_note_edited_during_the_session_is_written_where_the_section_now_is() {
    let note = template();
    let session = start("i.md", &note, &["Risk Register".into()], day(), "t0").unwrap();
    let (session, _) = drive(
        session,
        note.clone(),
        &[answer("Path closes | medium | high | external sponsors")],
    );
    // The person adds text above the section while the confirm step is open.
    let edited = note.replace(
        "## Risk Register\n",
        "## Risk Register\n\nReviewed every quarter.\n",
    );
    let result = step(&session, &Action::Confirm, &edited, "t1").unwrap();
    let written = result.write.unwrap();
    assert!(
        written.contains("Reviewed every quarter.\n"),
        "the person's edit is kept"
    );
    assert!(written.contains("| Path closes | medium | high | external sponsors |"));
}

#[test]
fn every_template_section_can_be_filled_by_coaching() {
    let note = template();
    let session = start("i.md", &note, &[], day(), "t0").unwrap();
    assert_eq!(
        session.plan.len(),
        19,
        "every section of the question bank is planned"
    );
    let answers: Vec<(&str, &str)> = vec![
        ("headline", "Architect of insurance platforms\nhttps://www.linkedin.com/in/jordan-example"),("vision", "CTO of a mission-driven company\nLife: balance\nRole: CTO\nImpact: faster claims\nReach: teaching"),
        ("annual_theme", "Visible outside Lockton"),
        ("success_criteria", "Two external talks; Thesis published"),
        ("current_role", "8 direct reports, 65 total org, $20M budget, focus: Architecture"),
        ("stakeholders", "Dana Lee | West CIO | taking over operations"),
        ("current_focus", "Hand off delivery; Stand up the architecture office"),
        ("timeline", "2019-now | Director | Lockton | GCC expansion"),
        ("skills", "AI strategy | Expert | 2026 | MIT program"),
        ("active_development", "Board-level finance course"),
        ("belief", "Insurance will be rebuilt around AI-native claims."),
        ("innovation_portfolio", "Claims copilot | cuts handling 30% | running | needs champions"),
        ("failure_log", "2025-06 | Chatbot pilot | start with internal users"),
        ("network", "Pat Kim | sponsor | Global CIO; Lee Park | mentee | senior architect"),
        ("external_visibility", "Speaking | GAS Summit | booked"),
        ("wins", "GAS Summit | ran it three years running"),
        ("business_impact", "GCC expansion | $4M yearly savings | 2025"),
        ("risk_register", "CTO path closes | medium | high | external sponsors"),
        ("open_tasks", "Draft thesis"),
    ];
    let mut actions = Vec::new();
    for (section, text) in &answers {
        let index = session
            .plan
            .iter()
            .position(|p| p.section == *section)
            .unwrap_or_else(|| panic!("{section} is planned"));
        actions.push((index, *text));
    }
    actions.sort_by_key(|(i, _)| *i);
    let mut script = Vec::new();
    for (index, text) in actions {
        script.push(answer(text));
        script.push(Action::Confirm);
        let follow_ups = career_core::coach::questions::for_section(&session.plan[index].section)
            .unwrap()
            .follow_ups
            .len();
        script.extend((0..follow_ups).map(|_| answer("")));
    }
    let (session, note) = drive(session, note, &script);
    assert!(matches!(
        prompt(&session, &note).unwrap(),
        Prompt::Done {
            written: 19,
            skipped: 0
        }
    ));
    assert!(note.contains("# Career\n\nhttps://www.linkedin.com/in/jordan-example\n\n> Architect of insurance platforms\n"), "{note}");
    let leftover: Vec<&str> = note
        .lines()
        .filter(|l| {
            career_core::note::placeholders::is_placeholder_line(l)
                && l.contains('[')
                && !l.contains("[[")
        })
        .collect();
    assert!(
        leftover.is_empty(),
        "no template prompt is left: {leftover:?}"
    );
}

#[test]
fn reviewing_a_section_shows_its_own_text_not_the_sections_under_it() {
    // A filled index, every section reviewed: the headline's "what it says now"
    // is the title block, not the whole note under the H1; Vision keeps its own
    // subsection (The Picture), and Network keeps the people groups it owns.
    let note = template()
        .replace(
            "[Tagline / headline]",
            "Engineering leader who builds calm teams.",
        )
        .replace(
            "## Vision\n",
            "## Vision\n\n**North Star (2031):** Lead a platform org.\n",
        );
    let session = start("Career/0_Career_Index.md", &note, &[], day(), "t0").unwrap();
    let mut seen = Vec::new();
    let mut s = session;
    for _ in 0..s.plan.len() {
        if let Prompt::Question {
            section, current, ..
        } = prompt(&s, &note).unwrap()
        {
            seen.push((section, current));
        }
        s = step(&s, &Action::Skip, &note, "t1").unwrap().session;
    }
    let current = |id: &str| {
        seen.iter()
            .find(|(s, _)| s == id)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("{id} was not reviewed: {seen:?}"))
    };
    let headline = current("headline");
    assert!(headline.contains("Engineering leader who builds calm teams."));
    assert!(
        !headline.contains("## Vision") && !headline.contains("## Risk Register"),
        "the headline shows only the title block:\n{headline}"
    );
    let vision = current("vision");
    assert!(vision.contains("Lead a platform org."));
    assert!(!vision.contains("## Annual Theme"), "{vision}");
}
