//! Every section path the outline reports is addressable: over the whole
//! corpus, as shipped and in CRLF, `find` on a reported path returns that very
//! section (issue 16: a heading with `/` in it was listed but not found).

mod common;

use career_core::note::outline::{find, sections};

#[test]
fn every_outline_path_of_the_corpus_finds_its_own_section() {
    let notes = common::corpus();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, original) in &notes {
        for text in [
            original.clone(),
            original.replace("\r\n", "\n").replace('\n', "\r\n"),
        ] {
            let all = sections(&text);
            for section in &all {
                checked += 1;
                match find(&all, &section.path) {
                    Ok(found) if found.heading_span == section.heading_span => {}
                    other => failures.push(format!(
                        "{name}: \"{}\" → {:?}",
                        section.path,
                        other.map(|s| s.path.clone())
                    )),
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} sections checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} paths do not find their section:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_slash_in_a_heading_is_escaped_in_its_path_and_found_again() {
    let text = "# About properties/`tag`/`alias`\n\nbody\n\n## a\\b / c\n\nmore\n";
    let all = sections(text);
    let paths: Vec<&str> = all.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "About properties\\/`tag`\\/`alias`",
            "About properties\\/`tag`\\/`alias`/a\\\\b \\/ c"
        ]
    );
    for section in &all {
        assert_eq!(
            find(&all, &section.path).unwrap().heading_span,
            section.heading_span
        );
    }
    assert_eq!(
        find(&all, "a\\\\b \\/ c").unwrap().heading_span,
        all[1].heading_span
    );
}
