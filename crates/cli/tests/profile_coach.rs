//! `career coach --section profile` (issue 14, item 6): the seed's profile
//! questions one at a time, each read back and confirmed before it is
//! written into User Preferences; skip, back, edit, a decision and a thread
//! along the way; the session log records Phase 1.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod support;

use support::TestVault;

const LOG: &str = "Career/2026-01-17 Career Coaching Session.md";

#[test]
fn a_piped_transcript_fills_user_preferences_and_logs_phase_one() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    let before = vault.read("CLAUDE.md");
    let script = [
        "Alex Rivera",
        "y",
        "Lisbon, Portugal",
        "y",
        "skip", // timezone
        "decision",
        "Coach the profile first",
        "It shapes every later answer",
        "Director",
        "e", // not what I meant
        "VP Engineering",
        "y",
        "back", // from industry to role
        "VP Engineering, 6 teams",
        "y",
        "Insurance",
        "y",
        "Platform architecture",
        "y",
        "Direct",
        "y",
        "", // depth: an empty line skips when piped
        "Bullets",
        "y",
        "Challenge my assumptions; Spot what I am missing",
        "y",
        "thread",
        "Ask for the timezone again",
        "Generic advice",
        "y",
        "Separate profile from index | Different audiences", // a decision at the end
        "",                                                  // no more threads
        "Short questions",                                   // what worked
        "",                                                  // nothing to improve
    ];
    let run = vault.career_with_input(
        &["coach", "--section", "profile"],
        &format!("{}\n", script.join("\n")),
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("[1/11] Profile — What name should your assistant use for you?"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Understood: Role: Director\n"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("Understood: How to Help: Challenge my assumptions; Spot what I am missing\n"));
    assert!(
        run.stdout.contains("Now: VP Engineering (skip keeps it)"),
        "back shows what is there:\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("9 of 11 profile answers written to CLAUDE.md."),
        "{}",
        run.stdout
    );

    let after = vault.read("CLAUDE.md");
    let prefs = |t: &str| {
        t.split("## User Preferences\n\n")
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        prefs(&after),
        "### Profile\n\n- **Name:** Alex Rivera\n- **Location:** Lisbon, Portugal\n- **Timezone:** [timezone]\n\n\
         ### Professional Context\n\n- **Role:** VP Engineering, 6 teams\n- **Industry:** Insurance\n- **Expertise:** Platform architecture\n\n\
         ### Communication Preferences\n\n- **Tone:** Direct\n- **Depth:** [depth]\n- **Format:** Bullets\n\n\
         ### How to Help\n\n- Challenge my assumptions\n- Spot what I am missing\n\n\
         ### Things to Avoid\n\n- Generic advice\n"
    );
    let outside = |t: &str| t.replace(&prefs(t), "");
    assert_eq!(
        outside(&after),
        outside(&before),
        "nothing outside User Preferences changes"
    );

    let log = vault.read(LOG);
    assert!(log.contains("### Phase 1: Foundation (Profile)\n\n1. **User Preferences** — Coached the profile in [[CLAUDE.md]], one question at a time\n   - Name: Alex Rivera\n"), "{log}");
    assert!(
        log.contains("   - Role: VP Engineering, 6 teams\n"),
        "the confirmed answer, not the edited one:\n{log}"
    );
    assert!(!log.contains("Director"), "{log}");
    assert!(
        log.contains("| Coach the profile first | It shapes every later answer |"),
        "{log}"
    );
    assert!(log.contains("- [ ] Ask for the timezone again\n"), "{log}");
    assert!(
        log.contains("| Separate profile from index | Different audiences |"),
        "{log}"
    );
    assert!(
        log.contains("| User Preferences | [[CLAUDE.md#User Preferences]] |"),
        "{log}"
    );
    // `init` created the Career Index the same day: Phase 2 of this session's log.
    assert!(
        log.contains("### Phase 2: Career Index Structure\n\n2. Created the Career Index"),
        "{log}"
    );
    assert!(
        log.contains("2. **One Question at a Time** — Confirm before updating"),
        "{log}"
    );
    assert!(
        log.contains("**What worked well:**\n- Short questions\n"),
        "{log}"
    );
}

#[test]
fn pausing_at_the_first_question_writes_nothing() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    let before = vault.read("CLAUDE.md");
    let run = vault.career_with_input(&["coach", "--section", "profile"], "pause\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("0 of 11 profile answers written"),
        "{}",
        run.stdout
    );
    assert_eq!(vault.read("CLAUDE.md"), before);
    assert!(!vault.path(LOG).exists());
}

#[test]
fn a_profile_without_user_preferences_is_refused_before_any_question() {
    let vault = TestVault::new();
    assert_eq!(vault.career(&["init"]).code, 0);
    vault.write("CLAUDE.md", "# Mine\n");
    // No input: the refusal comes before any question is read.
    let run = vault.career(&["coach", "--section", "profile"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("career profile upgrade"),
        "{}",
        run.stderr
    );
    assert_eq!(vault.read("CLAUDE.md"), "# Mine\n");
}
