//! Unit tests of the section writers.
use super::*;
use crate::coach::questions::for_section;
use crate::coach::reader::read;

fn template() -> String {
    career_index::render(
        Day::parse("2026-01-17").unwrap(),
        "2026 Goals",
        LinkFormat::Wikilink,
    )
}

fn answer(note: &str, section: &str, text: &str) -> String {
    let reading = read(for_section(section).unwrap(), text, 2026);
    let day = Day::parse("2026-01-17").unwrap();
    let once = write(note, section, &reading, day).unwrap();
    let twice = write(&once, section, &reading, day).unwrap();
    assert_eq!(
        once, twice,
        "writing {section} twice should change the note once"
    );
    once
}

#[test]
fn answers_land_in_the_template_in_place_of_its_prompts() {
    let note = template();
    let note = answer(
        &note,
        "vision",
        "CTO of a mission-driven company\nLife: balance and travel\nReach: teaching",
    );
    assert!(note.contains("**North Star (2031):** CTO of a mission-driven company\n"));
    assert!(
        note.contains("- **Life:** balance and travel\n- **Role:** [What role looks like]\n"),
        "unanswered prompts stay"
    );
    let note = answer(&note, "annual_theme", "Visible outside Lockton");
    assert!(note.contains("> **\"Visible outside Lockton\"**\n"));
    let note = answer(
        &note,
        "current_role",
        "8 direct reports, 65 total org, $20M budget, focus: Architecture",
    );
    assert!(note.contains(
        "| Direct reports | 8 |\n| Total org | 65 |\n| Budget | $20M |\n| Focus | Architecture |\n"
    ));
    let note = answer(
        &note,
        "network",
        "Pat Kim | sponsor | Global CIO\nSam Ortiz | mentor | former CTO",
    );
    assert!(note.contains(
        "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |\n"
    ));
    assert!(note.contains(
        "### Mentors\n\n| Name | Context |\n|------|---------|\n| Sam Ortiz | former CTO |\n"
    ));
    let note = answer(
        &note,
        "wins",
        "GAS Summit | three years running\n2025 | GCC expansion | Chennai to Trivandrum",
    );
    assert!(
        note.contains("### 2026\n\n- **GAS Summit** — three years running\n"),
        "the placeholder win is replaced"
    );
    assert!(
        note.contains("### 2025\n\n- **GCC expansion** — Chennai to Trivandrum\n"),
        "a new year subsection is added"
    );
    assert!(
        note.find("### 2025").unwrap() < note.find("### 2026").unwrap(),
        "inserted before the other subsections"
    );
    let note = answer(
        &note,
        "open_tasks",
        "Draft thesis; Book a talk 📅 2026-03-01",
    );
    assert!(note.contains("- [ ] Draft thesis\n- [ ] Book a talk 📅 2026-03-01\n"));
    let note = answer(
        &note,
        "external_visibility",
        "Speaking | GAS Summit | booked",
    );
    assert!(
        note.contains("| Speaking | GAS Summit | booked |\n| Writing | | |\n"),
        "the existing Speaking row is filled"
    );
}

#[test]
fn a_missing_section_is_added_from_the_template_before_writing() {
    let note = "# Career\n\n## Vision\n\nCTO\n\n## Open Tasks\n\n- [ ] one\n";
    let out = answer(
        note,
        "risk_register",
        "Path closes | medium | high | build external sponsors",
    );
    assert!(out.contains("## Risk Register\n\n| Risk | Likelihood | Impact | Mitigation |\n|------|------------|--------|------------|\n| Path closes | medium | high | build external sponsors |\n"), "{out}");
    assert!(out.find("## Risk Register").unwrap() < out.find("## Open Tasks").unwrap());
}

#[test]
fn the_preview_lists_added_and_replaced_lines() {
    let got: Vec<String> = changes("a\nb\nc\n", "a\nB\nc\nd\n")
        .iter()
        .map(|c| format!("{}{}", c.sign, c.text))
        .collect();
    assert_eq!(got, ["-b", "+B", "+d"], "removals come before additions");
    assert!(
        changes("same\n", "same\n").is_empty(),
        "no change, no lines"
    );
}
