//! The note commands on a real folder: outline, section, table, task, frontmatter.

mod support;

use support::TestVault;

const NOTE: &str = "---\r\ntype: career-index\r\n---\r\n# Career\r\n\r\n## Vision\r\n\r\n**North Star (2031):** [One sentence]\r\n\r\n## Network & Influence\r\n\r\n### Sponsors\r\n\r\n| Name | Context |\r\n|------|---------|\r\n| | |\r\n\r\n## Open Tasks\r\n\r\n- [ ] Draft thesis 🎯\r\n- [ ] 准备演讲\r\n";

fn vault_with_note() -> TestVault {
    let vault = TestVault::new();
    vault.write("Career/0_Career_Index.md", NOTE);
    vault
}

#[test]
fn outline_json_lists_sections_tables_tasks_and_links_with_byte_spans() {
    let vault = vault_with_note();
    let run = vault.career(&["--json", "outline", "Career/0_Career_Index.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for key in ["sections", "tables", "tasks", "links"] {
        assert!(json[key].is_array(), "outline should have {key}");
    }
    let vision = &json["sections"][1];
    assert_eq!(vision["path"], "Career/Vision");
    assert_eq!(vision["level"], 2);
    let span = &vision["heading_span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &NOTE.as_bytes()[start..end],
        b"## Vision",
        "spans are UTF-8 byte offsets, end exclusive"
    );
    let task = &json["tasks"][1];
    let text_span = &task["text_span"];
    let (start, end) = (
        text_span["start"].as_u64().unwrap() as usize,
        text_span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &NOTE[start..end],
        "准备演讲",
        "spans stay exact after emoji and CJK"
    );
}

#[test]
fn section_get_prints_the_body_exactly_and_set_replaces_it_from_stdin() {
    let vault = vault_with_note();
    let got = vault.career(&["section", "get", "Career/0_Career_Index.md", "vision"]);
    assert_eq!(
        got.stdout, "\r\n**North Star (2031):** [One sentence]\r\n\r\n",
        "byte for byte, CRLF kept"
    );
    let set = vault.career_with_input(
        &["section", "set", "Career/0_Career_Index.md", "Vision"],
        "**North Star (2031):** CTO\n",
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let after = vault.read("Career/0_Career_Index.md");
    assert_eq!(
        after,
        NOTE.replace("[One sentence]", "CTO"),
        "only the body changed, in CRLF"
    );
    let again = vault.career_with_input(
        &["section", "set", "Career/0_Career_Index.md", "Vision"],
        "**North Star (2031):** CTO\n",
    );
    assert!(again.stdout.starts_with("No change"), "{}", again.stdout);
}

#[test]
fn table_task_and_frontmatter_edits_touch_only_their_bytes() {
    let vault = vault_with_note();
    let file = "Career/0_Career_Index.md";
    assert_eq!(
        vault
            .career(&[
                "table",
                "add-row",
                file,
                "Network/Sponsors",
                "--cell",
                "[[Dana Lee|Dana]]",
                "--cell",
                "CIO"
            ])
            .code,
        0
    );
    assert_eq!(
        vault
            .career(&[
                "table",
                "update-row",
                file,
                "Sponsors",
                "Dana Lee",
                "--set",
                "Context=CIO, internal"
            ])
            .code,
        0
    );
    assert_eq!(
        vault
            .career(&[
                "task",
                "add",
                file,
                "Open Tasks",
                "Book a speaking slot 📅 2026-03-01"
            ])
            .code,
        0
    );
    assert_eq!(
        vault.career(&["task", "toggle", file, "20"]).code,
        0,
        "line 20 is the first task"
    );
    assert_eq!(
        vault
            .career(&["frontmatter", "add", file, "tags", "career"])
            .code,
        0
    );
    let after = vault.read(file);
    let expected = NOTE
        .replace("| | |\r\n", "| [[Dana Lee\\|Dana]] | CIO, internal |\r\n")
        .replace("- [ ] Draft thesis 🎯", "- [x] Draft thesis 🎯")
        .replace(
            "- [ ] 准备演讲\r\n",
            "- [ ] 准备演讲\r\n- [ ] Book a speaking slot 📅 2026-03-01\r\n",
        )
        .replace(
            "type: career-index\r\n",
            "type: career-index\r\ntags:\r\n  - career\r\n",
        );
    assert_eq!(after, expected);
}

#[test]
fn edits_report_errors_with_codes_and_leave_the_file_alone() {
    let vault = vault_with_note();
    let file = "Career/0_Career_Index.md";
    let missing = vault.career(&["task", "add", file, "Risk Register", "x"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.starts_with("error[section_not_found]:"),
        "{}",
        missing.stderr
    );
    let not_task = vault.career(&["task", "toggle", file, "1"]);
    assert!(
        not_task.stderr.starts_with("error[task_not_found]:"),
        "{}",
        not_task.stderr
    );
    let no_file = vault.career(&["outline", "Career/nope.md"]);
    assert!(
        no_file.stderr.starts_with("error[note_missing]:"),
        "{}",
        no_file.stderr
    );
    assert_eq!(vault.read(file), NOTE);
}

#[test]
fn every_path_outline_prints_is_accepted_by_section_get_even_with_a_slash_in_a_heading() {
    let vault = TestVault::new();
    let note = "# About properties/`tag`/`alias` vs `tags`\n\nFirst.\n\n## Span/Div\n\nSecond.\n\n## Properties\n\nThird.\n";
    vault.write("Notes/help.md", note);
    let run = vault.career(&["--json", "outline", "Notes/help.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(
        sections[1]["path"],
        "About properties\\/`tag`\\/`alias` vs `tags`/Span\\/Div"
    );
    for (section, body) in sections.iter().zip(["First.\n", "Second.\n", "Third.\n"]) {
        let path = section["path"].as_str().unwrap();
        let run = vault.career(&["section", "get", "Notes/help.md", path]);
        assert_eq!(run.code, 0, "{path}: {}", run.stderr);
        assert!(
            run.stdout.trim_start().starts_with(body),
            "{path}: {:?}",
            run.stdout
        );
    }
}
