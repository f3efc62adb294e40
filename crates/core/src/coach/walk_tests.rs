//! Unit tests of the entry walk.
use super::*;

const NOTE: &str = "# Career\n\n## Network & Influence\n\n### Sponsors\n\n| Name | Context |\n|------|---------|\n| [[Pat Kim]] | Global CIO |\n\n### Mentees\n\n- **Lee Park:** architect\n\n## Wins & Artifacts\n\n### 2026\n\n- **GAS Summit** — ran it\n- Cloud move\n\n### Business Impact Metrics\n\n| Initiative | Business Impact | Year |\n|---|---|---|\n| Claims | $2M | 2025 |\n";

#[test]
fn rows_and_bullets_are_offered_with_their_values_under_labels() {
    let network = entries(NOTE, "network");
    assert_eq!(network.len(), 2);
    assert_eq!(network[0].labels, ["Name", "Context"]);
    assert_eq!(
        network[0].values,
        ["[[Pat Kim]]", "Global CIO"],
        "markup kept"
    );
    assert_eq!(network[0].group.as_deref(), Some("Sponsors"));
    assert_eq!(network[1].values, ["Lee Park", "architect"]);
    let wins = entries(NOTE, "wins");
    let names: Vec<&str> = wins.iter().map(|w| w.values[0].as_str()).collect();
    assert_eq!(
        names,
        ["GAS Summit", "Cloud move"],
        "Business Impact is another question's"
    );
    assert_eq!(wins[0].labels, ["Title", "Description"]);
    assert!(entries(NOTE, "vision").is_empty(), "fields are not walked");
}

#[test]
fn an_edit_replaces_only_the_entry_and_keeps_its_form() {
    let network = entries(NOTE, "network");
    let lee = &network[1];
    let values = new_values(lee, "Detail: architect, now a staff engineer");
    let new = replace(NOTE, lee, &values).unwrap();
    assert_eq!(
        new,
        NOTE.replace(
            "**Lee Park:** architect",
            "**Lee Park:** architect, now a staff engineer"
        )
    );
    let pat = &network[0];
    let new = replace(NOTE, pat, &new_values(pat, "Context: on the board")).unwrap();
    assert!(new.contains("| [[Pat Kim]] | on the board |"), "{new}");
    let wins = entries(NOTE, "wins");
    let values = new_values(&wins[0], "GAS Summit");
    assert_eq!(values, ["GAS Summit", "ran it"], "values left out stay");
    let new = replace(
        NOTE,
        &wins[1],
        &new_values(&wins[1], "Cloud move | 30% cheaper"),
    )
    .unwrap();
    assert!(
        new.contains("- Cloud move | 30% cheaper\n"),
        "a plain item is one value: {new}"
    );
}

#[test]
fn removing_takes_the_entry_lines_only_and_replaying_finds_nothing() {
    let wins = entries(NOTE, "wins");
    let once = remove(NOTE, &wins[0]).unwrap();
    assert_eq!(once, NOTE.replace("- **GAS Summit** — ran it\n", ""));
    let after = entries(&once, "wins");
    assert_eq!(
        locate(&after, 0, &wins[0].text),
        None,
        "a replay removes nothing else"
    );
    let network = entries(NOTE, "network");
    let without = remove(NOTE, &network[0]).unwrap();
    assert_eq!(without, NOTE.replace("| [[Pat Kim]] | Global CIO |\n", ""));
}

#[test]
fn the_draft_is_the_values_as_typed() {
    let network = entries(NOTE, "network");
    assert_eq!(draft(&network[0]), "[[Pat Kim]] | Global CIO");
    assert_eq!(split_values("a \\| b | c | d", 2), ["a \\| b", "c | d"]);
}

#[test]
fn a_plain_bullet_with_a_dash_has_a_name_and_a_detail_too() {
    let note = "## Network & Influence\n\n- Pat Kim — Global CIO\n- Lee Park\n";
    let network = entries(note, "network");
    assert_eq!(network[0].labels, ["Name", "Detail"]);
    assert_eq!(network[0].values, ["Pat Kim", "Global CIO"]);
    assert_eq!(network[1].values, ["Lee Park"], "no detail: one value");
    let new = replace(
        note,
        &network[0],
        &new_values(&network[0], "Detail: Global CIO, on the board"),
    )
    .unwrap();
    assert_eq!(new, note.replace("Global CIO", "Global CIO, on the board"));
}

#[test]
fn a_row_longer_than_its_header_is_edited_in_its_columns_and_keeps_the_rest() {
    let note = "## Risk Register\n\n| Risk | Likelihood |\n|---|---|\n| Reorg | High | stray |\n";
    let risks = entries(note, "risk_register");
    assert_eq!(risks[0].labels, ["Risk", "Likelihood"]);
    let new = replace(note, &risks[0], &new_values(&risks[0], "Likelihood: Low")).unwrap();
    assert_eq!(new, note.replace("| High |", "| Low |"));
}
