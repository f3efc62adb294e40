//! `career goals` on a real vault: creating the note, status, actions,
//! progress, and a scripted interview.

mod support;

use support::TestVault;

const INDEX: &str = "Career/0_Career_Index.md";
const GOALS: &str = "Career/2026 Goals.md";

/// A vault whose index has a filled-in theme section without the goals link.
fn vault() -> TestVault {
    let vault = TestVault::new();
    vault.write(
        INDEX,
        "# Career\n\n## Vision\n\n**North Star (2031):** CTO of a mission-driven company\n\n## 2026 Theme\n\n> **\"Year of visibility\"**\n\n### Success Criteria (Dec 2026)\n\n- [ ] Three talks given\n\n## Open Tasks\n",
    );
    vault
}

fn new_note(vault: &TestVault) {
    let run = vault.career(&[
        "goals",
        "new",
        "--goal",
        "Be known outside|3 talks",
        "--goal",
        "Publish the thesis|paper by Q3",
        "--quarter",
        "Q1|Stabilize the transition|team",
        "--milestone",
        "2026-03|Submit two talk proposals|G1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Created Career/2026 Goals.md\nLinked it from Career/0_Career_Index.md (2026 Theme).\n"
    );
}

#[test]
fn new_writes_the_note_and_links_it_from_the_index() {
    let vault = vault();
    let before = vault.read(INDEX);
    new_note(&vault);
    let note = vault.read(GOALS);
    assert!(
        note.contains("theme: \"Year of visibility\"\n"),
        "theme from the index:\n{note}"
    );
    assert!(note.contains(
        "**Vision:** CTO of a mission-driven company — [[0_Career_Index#Vision|Vision]]\n"
    ));
    assert!(note.contains("| G2 | Publish the thesis | paper by Q3 | Not started |\n"));
    assert!(note.contains("### 2026-03 March\n\n- [ ] Submit two talk proposals #goal/G1\n"));
    assert_eq!(
        vault.read(INDEX),
        before.replace(
            "> **\"Year of visibility\"**\n",
            "> **\"Year of visibility\"**\n\n**→ [[2026 Goals]]** — Full cascade\n"
        ),
        "only the link line is added"
    );
    // A second run refuses and changes nothing.
    let again = vault.career(&["goals", "new", "--goal", "x|y"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.starts_with("error[note_exists]:"),
        "{}",
        again.stderr
    );
    assert_eq!(vault.read(GOALS), note);
}

#[test]
fn new_refuses_bad_input_and_writes_nothing() {
    let vault = vault();
    let run = vault.career(&[
        "goals",
        "new",
        "--goal",
        "a|1",
        "--milestone",
        "2026-04|x|G2",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[goal_not_found]:"),
        "{}",
        run.stderr
    );
    let run = vault.career(&[
        "goals", "new", "--goal", "a|1", "--goal", "b|2", "--goal", "c|3", "--goal", "d|4",
    ]);
    assert!(run.stderr.contains("at most 3"), "{}", run.stderr);
    let run = vault.career(&["goals", "new", "--year", "99999", "--goal", "a|1"]);
    assert!(
        run.stderr
            .starts_with("error[invalid_input]: 99999 is not a planning year"),
        "{}",
        run.stderr
    );
    assert!(!vault.path(GOALS).exists());
}

#[test]
fn status_action_and_progress_change_and_read_the_note() {
    let vault = vault();
    new_note(&vault);
    let before = vault.read(GOALS);
    let run = vault.career(&["goals", "status", "G1", "in progress"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "G1 is now In progress.\n");
    assert_eq!(
        vault.read(GOALS),
        before.replace("| 3 talks | Not started |", "| 3 talks | In progress |")
    );
    let bad = vault.career(&["goals", "status", "G1", "paused"]);
    assert!(
        bad.stderr.starts_with("error[invalid_input]:"),
        "{}",
        bad.stderr
    );

    // --today is 2026-01-17: ISO week 2026-W03.
    let run = vault.career(&["goals", "action", "Draft the CFP", "--goal", "g1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Added to 2026-W03: - [ ] Draft the CFP #goal/G1\n"
    );
    let run = vault.career(&["goals", "action", "Reflect", "--week", "2026-W53"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note = vault.read(GOALS);
    assert!(
        note.contains("## Weekly Actions\n\n### 2026-W03\n\n- [ ] Draft the CFP #goal/G1\n\n### 2026-W53\n\n- [ ] Reflect\n\n## Weekly Review Questions"),
        "{note}"
    );
    let unknown = vault.career(&["goals", "action", "x", "--goal", "G5"]);
    assert!(
        unknown.stderr.starts_with("error[goal_not_found]:"),
        "{}",
        unknown.stderr
    );

    let run = vault.career(&["--json", "goals", "progress"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let p: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(p["overall"]["total"], 3);
    assert_eq!(p["goals"][0]["total"], 2);
    assert_eq!(p["goals"][0]["status"], "In progress");
    assert_eq!(p["currentWeek"], "2026-W03");
    assert_eq!(p["quarters"][0]["intention"], "Stabilize the transition");
    let text = vault.career(&["goals", "progress"]);
    assert!(
        text.stdout.contains("Now: 2026-Q1 · 2026-01 · 2026-W03"),
        "{}",
        text.stdout
    );
}

#[test]
fn commands_on_a_missing_note_say_how_to_create_it() {
    let vault = vault();
    let run = vault.career(&["goals", "progress"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("career goals new --year 2026"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_fiscal_year_from_the_plugin_settings_sets_the_default_year() {
    let vault = vault();
    vault.write(
        ".obsidian/plugins/career-coach/data.json",
        r#"{"fiscalYearStartMonth": 4}"#,
    );
    // 2026-01-17 is in the last quarter of the fiscal year that started in
    // April 2025, so `new` offers the one starting in April 2026 and says so
    // (issue 14); `--year 2025` still plans the current one.
    let run = vault.career(&[
        "goals",
        "new",
        "--goal",
        "a|1",
        "--milestone",
        "2026-05|x|G1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("last quarter of the 2025 planning year")
            && run.stderr.contains("--year 2025"),
        "{}",
        run.stderr
    );
    let note = vault.read("Career/2026 Goals.md");
    assert!(note.contains("| Q4 (Jan–Mar) | | |"), "{note}");
    assert!(note.contains("### 2026-05 May"), "{note}");
    let run = vault.career(&[
        "goals",
        "new",
        "--year",
        "2025",
        "--goal",
        "a|1",
        "--milestone",
        "2026-02|x|G1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("last quarter"), "{}", run.stderr);
    let note = vault.read("Career/2025 Goals.md");
    assert!(note.contains("### 2026-02 February"), "{note}");
}

#[test]
fn a_scripted_interview_creates_the_note() {
    let vault = vault();
    let script = [
        "",                                 // keep the index's theme
        "Be known outside | 3 talks",       // G1
        "y",                                // confirm
        "Publish the thesis",               // G2, no metric yet
        "paper by Q3",                      // the metric
        "n",                                // not what I meant: edit
        "Publish the thesis | paper by Q3", // again
        "y",
        "/done",                           // no more goals
        "Stabilize the transition | team", // Q1
        "y",
        "",                        // Q2 skipped
        "",                        // Q3
        "",                        // Q4
        "Outline the thesis | G2", // January
        "y",
        "/done",
    ]
    .join("\n");
    let run = vault.career_with_input(&["goals", "new"], &format!("{script}\n"));
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("  North star: CTO of a mission-driven company"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  Success criterion: Three talks given"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "I understood: G2 — outcome: Publish the thesis; success metric: paper by Q3"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with(
            "Created Career/2026 Goals.md\nLinked it from Career/0_Career_Index.md (2026 Theme).\n"
        ),
        "{}",
        run.stdout
    );
    let note = vault.read(GOALS);
    assert!(note.contains("| G1 | Be known outside | 3 talks | Not started |\n| G2 | Publish the thesis | paper by Q3 | Not started |\n"), "{note}");
    assert!(
        note.contains("### 2026-01 January\n\n- [ ] Outline the thesis #goal/G2\n"),
        "{note}"
    );
}

#[test]
fn an_interview_cut_short_pauses_and_resumes_where_it_stopped() {
    let vault = vault();
    let run = vault.career_with_input(&["goals", "new"], "\nBe known | 3 talks\ny\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "Paused (end of input); nothing was written yet. Run `career goals new` to resume.\n"
        ),
        "{}",
        run.stdout
    );
    assert!(!vault.path(GOALS).exists());
    let run = vault.career_with_input(&["goals", "new"], "/done\n/done\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("Resuming the 2026 goals interview"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("· G1 — outcome: Be known; success metric: 3 talks"),
        "{}",
        run.stdout
    );
    let note = vault.read(GOALS);
    assert!(
        note.contains("| G1 | Be known | 3 talks | Not started |"),
        "{note}"
    );
    let data = vault.read(".obsidian/plugins/career-coach/data.json");
    assert!(
        !data.contains("goalsInterview"),
        "the finished interview is cleared: {data}"
    );
}

#[test]
fn restart_discards_a_paused_interview() {
    let vault = vault();
    vault.career_with_input(&["goals", "new"], "\nOld goal | x\ny\n");
    let run = vault.career_with_input(
        &["goals", "new", "--restart"],
        "\nNew goal | y\ny\n/done\n/done\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("Resuming"), "{}", run.stdout);
    let note = vault.read(GOALS);
    assert!(
        note.contains("| G1 | New goal | y |") && !note.contains("Old goal"),
        "{note}"
    );
}

#[test]
fn without_a_career_index_the_note_is_still_created_and_the_gap_named() {
    let vault = TestVault::new();
    let run = vault.career(&["goals", "new", "--theme", "Ship", "--goal", "a|1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Created Career/2026 Goals.md\nCareer/0_Career_Index.md does not exist, so nothing links to the goals note yet: run `career init`.\n"
    );
    assert!(vault
        .read(GOALS)
        .contains("**Theme:** \"Ship\" — [[0_Career_Index#2026 Theme|2026 Theme]]\n"));
}

#[test]
fn next_years_note_takes_the_theme_last_years_annual_review_chose() {
    let vault = vault();
    vault.write(
        "Career/2026 Annual Review.md",
        "---\ntype: annual-review\nperiod: \"2026\"\nnext_theme: Lead in the open\n---\n# Annual Review 2026\n",
    );
    let run = vault.career(&[
        "goals",
        "new",
        "--year",
        "2027",
        "--goal",
        "Lead a guild|2 guilds",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note = vault.read("Career/2027 Goals.md");
    assert!(note.contains("theme: \"Lead in the open\"\n"), "{note}");
}
