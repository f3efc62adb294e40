//! Blind spot analysis: the seed scenario, each rule's positive and negative
//! case, and the pristine template.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use career_core::blindspots::{analyze, Finding, FindingAction};
use career_core::templates::career_index;
use career_core::templates::links::LinkFormat;
use career_core::Day;

fn day() -> Day {
    Day::parse("2026-01-17").unwrap()
}

fn ids(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.id.as_str()).collect()
}

fn seed() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/seed-index-before-blind-spots.md"),
    )
    .unwrap()
}

#[test]
fn the_seed_scenario_yields_the_six_gaps_its_session_found() {
    let findings = analyze(&seed(), None, &[], day());
    let found = ids(&findings);
    for gap in [
        "no_innovation_thesis",
        "internal_only_visibility",
        "no_business_metrics",
        "no_transition_success_criteria",
        "no_external_sponsor",
        "too_many_priorities",
    ] {
        assert!(found.contains(&gap), "{gap} should be found; got {found:?}");
    }
    assert!(
        !found.contains(&"vision_incomplete"),
        "the filled vision is not flagged"
    );
    assert!(
        !found.contains(&"empty_section"),
        "no filled section is called empty: {findings:#?}"
    );
    assert!(!found.contains(&"no_mentee"), "the mentee is seen");
    let sponsors = findings
        .iter()
        .find(|f| f.id == "no_external_sponsor")
        .unwrap();
    assert!(
        sponsors.evidence.contains("Lockton"),
        "the employer is read from the timeline: {}",
        sponsors.evidence
    );
    let thesis = findings
        .iter()
        .find(|f| f.id == "no_innovation_thesis")
        .unwrap();
    assert_eq!(
        thesis.question,
        "What do you believe about your industry that others don't?"
    );
    assert_eq!(
        thesis.action,
        FindingAction::AddSection {
            section: "innovation_thesis".into()
        }
    );
}

#[test]
fn the_pristine_template_flags_every_section() {
    let template = career_index::render(day(), "2026 Goals", LinkFormat::Wikilink);
    let findings = analyze(&template, None, &[], day());
    let sections: Vec<&str> = findings.iter().map(|f| f.section.as_str()).collect();
    for expected in [
        "Vision",
        "Annual Theme",
        "Current Role",
        "Timeline",
        "Growth",
        "Innovation Thesis",
        "Sponsors",
        "External Visibility Plan",
        "Wins & Artifacts",
        "Business Impact Metrics",
        "Risk Register",
        "Open Tasks",
        "Mentees",
    ] {
        assert!(
            sections.contains(&expected),
            "{expected} should be flagged on the pristine template: {sections:?}"
        );
    }
}

/// (rule, a note that triggers it, a note that does not)
fn cases() -> Vec<(&'static str, String, String)> {
    let s = seed();
    vec![
        ("no_innovation_thesis", s.clone(), s.replace("## Open Tasks", "## Innovation Thesis\n\n### The Belief\n\n> Insurance will be rebuilt around AI-native claims.\n\n## Open Tasks")),
        ("internal_only_visibility", s.clone(), s.replace("## Open Tasks", "## External Visibility Plan\n\n### Targets\n\n| Channel | Target | Status |\n|---------|--------|--------|\n| Speaking | InsurTech Connect | pitched |\n\n## Open Tasks")),
        ("no_business_metrics", s.clone(), s.replace("ran it three years running", "ran it three years running, 900 attendees, $1.2M pipeline")),
        ("wins_not_quantified", s.clone(), s.replace("- **GCC expansion** — Chennai to Trivandrum\n- **AI expert brand** — established inside Lockton\n- **IDEO certification** — design thinking\n", "").replace("ran it three years running", "grew attendance 40%")),
        ("too_many_priorities", s.clone(), s.replace("- Launch AI pilots\n- Expand the GCC in Trivandrum\n- Run the GAS Summit\n- Finish the MIT program\n", "").replace("## Vision", "## 2026 Theme\n\n> **\"Visible outside Lockton\"**\n\n## Vision")),
        ("no_annual_theme", s.replace("- Launch AI pilots\n- Expand the GCC in Trivandrum\n- Run the GAS Summit\n- Finish the MIT program\n", ""), s.replace("- Launch AI pilots\n- Expand the GCC in Trivandrum\n- Run the GAS Summit\n- Finish the MIT program\n", "").replace("## Vision", "## 2026 Theme\n\n> **\"Visible outside Lockton\"**\n\n## Vision")),
        ("no_contingency", s.clone(), s.replace("## Open Tasks", "## Risk Register\n\n| Risk | Likelihood | Impact | Mitigation |\n|------|------------|--------|------------|\n| CTO path closes | Medium | High | Build external sponsors |\n\n## Open Tasks")),
        ("no_external_sponsor", s.clone(), s.replace("| Jo Park | Lockton CTO |", "| Jo Park | Partner at McKinsey |")),
        ("no_transition_success_criteria", s.clone(), s.replace("taking over operational responsibilities.", "taking over operational responsibilities. Transition success looks like: handoff done by April.")),
        ("vision_incomplete", s.replace("- **Reach:** Teaching and publishing", "- **Reach:** [How you extend beyond day job]"), s.clone()),
        ("no_mentee", s.replace("| Lee Park | Senior architect |\n", ""), s.clone()),
        ("empty_section", s.replace("- [ ] Update LinkedIn", "- [ ] [Task 1]"), s.clone()),
        ("stale_index", s.replace("created: 2026-01-17", "created: 2025-06-01"), s.replace("created: 2026-01-17", "created: 2025-12-01")),
    ]
}

#[test]
fn each_rule_fires_on_its_gap_and_not_once_the_gap_is_closed() {
    for (rule, positive, negative) in cases() {
        let yes = analyze(&positive, None, &[], day());
        assert!(
            ids(&yes).contains(&rule),
            "{rule} should fire: {:?}",
            ids(&yes)
        );
        let no = analyze(&negative, None, &[], day());
        assert!(
            !ids(&no).contains(&rule),
            "{rule} should not fire once closed: {:#?}",
            no.iter().filter(|f| f.id == rule).collect::<Vec<_>>()
        );
    }
}

#[test]
fn more_than_three_annual_goals_is_too_many_priorities() {
    let s = seed().replace("- Launch AI pilots\n- Expand the GCC in Trivandrum\n- Run the GAS Summit\n- Finish the MIT program\n", "").replace("## Vision", "## 2026 Theme\n\n> **\"Visible\"**\n\n## Vision");
    let goals = "## Annual Goals\n\n| Goal | Outcome |\n|---|---|\n| G1 | a |\n| G2 | b |\n| G3 | c |\n| G4 | d |\n";
    assert!(ids(&analyze(&s, Some(goals), &[], day())).contains(&"too_many_priorities"));
    let three = goals.replace("| G4 | d |\n", "");
    assert!(!ids(&analyze(&s, Some(&three), &[], day())).contains(&"too_many_priorities"));
}

#[test]
fn a_recent_session_log_keeps_the_index_fresh() {
    let old = seed().replace("created: 2026-01-17", "created: 2025-01-01");
    let log = (
        "Career/log.md".to_string(),
        "---\ntype: coaching-session\ndate: 2026-01-10\n---\n".to_string(),
    );
    assert!(!ids(&analyze(&old, None, &[log], day())).contains(&"stale_index"));
}

#[test]
fn a_saved_analysis_lists_what_was_resolved_and_what_is_new() {
    use career_core::blindspots::note::{name, render, saved_keys};
    let first = analyze(&seed(), None, &[], day());
    let first_note = render(&first, "2026-01-17", None);
    assert!(first_note.starts_with("---\ntype: blind-spot-analysis\ndate: 2026-01-17\nfindings:\n"));
    assert!(first_note.contains("## High\n"));
    assert_eq!(
        saved_keys(&first_note).len(),
        first.len(),
        "every finding is recorded"
    );
    let fixed = seed()
        .replace(
            "| Jo Park | Lockton CTO |",
            "| Jo Park | Partner at McKinsey |",
        )
        .replace("| Lee Park | Senior architect |\n", "");
    let second = analyze(&fixed, None, &[], day());
    let second_note = render(
        &second,
        "2026-04-17",
        Some((&name("2026-01-17"), &first_note)),
    );
    assert!(second_note.contains("## Since [[Blind Spot Analysis 2026-01-17]]\n\n- Resolved: `no_external_sponsor@Sponsors`\n- New: `no_mentee@Mentees`\n"), "{second_note}");
}

#[test]
fn the_add_section_action_inserts_only_that_section_in_its_place() {
    use career_core::templates::plan::{plan_sections, PlanAction};
    let plan = plan_sections(
        &career_core::Settings::default(),
        day(),
        LinkFormat::Wikilink,
        &seed(),
        &["risk_register"],
    )
    .unwrap();
    assert_eq!(plan.action, PlanAction::Upgrade);
    let text = plan.text.unwrap();
    assert!(text.contains("## Risk Register\n\n| Risk | Likelihood | Impact | Mitigation |"));
    assert!(
        !text.contains("## Innovation Thesis"),
        "only the requested section is added"
    );
    assert!(text.find("## Risk Register").unwrap() < text.find("## Open Tasks").unwrap());
    assert_eq!(
        text.len() - seed().len(),
        plan.edits.iter().map(|e| e.new_text.len()).sum::<usize>(),
        "insertions only"
    );
}

#[test]
fn the_add_section_preview_names_the_section_by_its_title() {
    use career_core::templates::plan::plan_sections;
    let plan = plan_sections(
        &career_core::Settings::default(),
        day(),
        LinkFormat::Wikilink,
        &seed(),
        &["innovation_thesis"],
    )
    .unwrap();
    assert_eq!(plan.additions[0].what, ["section Innovation Thesis"]);
}

#[test]
fn a_saved_analysis_names_every_line_of_a_findings_evidence() {
    use career_core::blindspots::note::render;
    let findings = analyze(&seed(), None, &[], day());
    let note = render(&findings, "2026-01-17", None);
    let several = findings
        .iter()
        .find(|f| f.lines.len() > 1)
        .expect("the seed has a finding with several evidence lines");
    let cited = several
        .lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    assert!(
        note.contains(&format!("{} (lines {cited})\n", several.evidence)),
        "{note}"
    );
    for f in findings.iter().filter(|f| f.lines.len() == 1) {
        assert!(
            note.contains(&format!("{} (line {})\n", f.evidence, f.lines[0])),
            "{note}"
        );
    }
}
