//! Runs every spec file under `tests/specs/` against the native core.
//!
//! Each case runs as written, then with frontmatter prepended, with CRLF line
//! endings and with a BOM; an idempotent operation runs a second time and must
//! report no change. The WASM build runs the same files (tests/wasm/).

// A test harness: a failed unwrap or index is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use career_core::ops::{run, Operation};

struct Case {
    file: String,
    name: String,
    op_json: String,
    input: String,
    expect: Expect,
}

enum Expect {
    Text(String),
    Unchanged,
    Error(String),
}

/// Parses a spec file. A block runs to the next marker line; exactly one
/// blank line before a following `=== ` is the separator, not content.
fn parse(file: &str, source: &str) -> Vec<Case> {
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("=== "))
        .collect();
    let mut cases = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let mut body = &lines[start + 1..end];
        if n + 1 < starts.len() && body.last() == Some(&"\n") {
            body = &body[..body.len() - 1];
        }
        let name = lines[start]["=== ".len()..].trim().to_string();
        let find = |prefix: &str| body.iter().position(|l| l.starts_with(prefix));
        let op_json = body
            .iter()
            .find_map(|l| l.strip_prefix("op: "))
            .unwrap_or_else(|| panic!("{file}: {name}: no op line"))
            .trim()
            .to_string();
        let input_at = find("--- input").unwrap_or_else(|| panic!("{file}: {name}: no input"));
        let expect_at = find("--- expect")
            .or_else(|| find("--- error: "))
            .unwrap_or_else(|| panic!("{file}: {name}: no expect"));
        let text = |from: usize, to: usize, marker: &str| {
            let mut t: String = body[from..to].concat();
            if marker.contains("[no final newline]") {
                t.pop();
            }
            t
        };
        let input = generated(body[input_at]) + &text(input_at + 1, expect_at, body[input_at]);
        let marker = body[expect_at];
        let expect = if let Some(code) = marker.strip_prefix("--- error: ") {
            Expect::Error(code.trim().to_string())
        } else if marker.contains("[unchanged]") {
            Expect::Unchanged
        } else if marker.contains("[input then]") {
            Expect::Text(input.clone() + &text(expect_at + 1, body.len(), marker))
        } else {
            Expect::Text(text(expect_at + 1, body.len(), marker))
        };
        cases.push(Case {
            file: file.to_string(),
            name,
            op_json,
            input,
            expect,
        });
    }
    cases
}

/// Builds large hostile inputs named by `--- input [generate: NAME N]`.
/// The WASM harness (tests/wasm/spec-format.mjs) implements the same recipes.
fn generated(marker: &str) -> String {
    let Some(recipe) = marker
        .split("[generate: ")
        .nth(1)
        .and_then(|r| r.split(']').next())
    else {
        return String::new();
    };
    let (name, n) = recipe.split_once(' ').unwrap_or((recipe, "0"));
    let n: usize = n
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("bad count in {marker}"));
    match name {
        "table-rows" => {
            let rows: String = (0..n).map(|i| format!("| row {i} | {i} |\n")).collect();
            format!("## Table\n\n| Name | Value |\n|------|-------|\n{rows}")
        }
        "nested-list" => {
            let items: String = (0..n)
                .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
                .collect();
            format!("## Deep\n\n{items}")
        }
        "big-note" => {
            let mut out = String::with_capacity(n + 200);
            let mut i = 0;
            while out.len() < n {
                out.push_str(&format!("## Section {i}\n\nText of section {i} with a [[Link {i}]], a #tag and `code`.\n\n"));
                i += 1;
            }
            out
        }
        other => panic!("unknown generator {other}"),
    }
}

fn spec_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            spec_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// A variant of a case: how to transform input and expected text.
struct Variant {
    name: &'static str,
    transform: fn(&str) -> String,
    line_shift: usize,
}

const PREFIX: &str = "---\nprepended: true\n---\n";

fn variants(case: &Case) -> Vec<Variant> {
    let mut out = vec![Variant {
        name: "as written",
        transform: |t| t.to_string(),
        line_shift: 0,
    }];
    let touches_frontmatter = case.op_json.contains("\"frontmatter-")
        || case.op_json.contains("\"note-template\"")
        || case.input.starts_with("---");
    if !touches_frontmatter {
        out.push(Variant {
            name: "with frontmatter",
            transform: |t| format!("{PREFIX}{t}"),
            line_shift: 3,
        });
    }
    // A note without a line break has no ending to follow, so LF is right for it.
    if case.input.contains('\n') {
        out.push(Variant {
            name: "with CRLF",
            transform: |t| t.replace('\n', "\r\n"),
            line_shift: 0,
        });
    }
    out.push(Variant {
        name: "with a BOM",
        transform: |t| format!("\u{feff}{t}"),
        line_shift: 0,
    });
    out
}

/// When every edit only inserts, deleting the inserted text must give back the input.
fn not_recoverable(
    input: &str,
    edits: &[career_core::edit::TextEdit],
    output: &str,
) -> Option<String> {
    if edits.is_empty() || edits.iter().any(|e| !e.expected.is_empty()) {
        return None;
    }
    let mut sorted: Vec<_> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    let mut recovered = String::new();
    let (mut from, mut shift) = (0, 0);
    for edit in sorted {
        let start = edit.span.start + shift;
        recovered.push_str(&output[from..start]);
        from = start + edit.new_text.len();
        shift += edit.new_text.len();
    }
    recovered.push_str(&output[from..]);
    (recovered != input)
        .then(|| "deleting the inserted spans does not give back the input".to_string())
}

fn shifted_op(json: &str, shift: usize) -> Operation {
    let mut value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("bad op JSON {json}: {e}"));
    if let Some(line) = value.get("line").and_then(serde_json::Value::as_u64) {
        value["line"] = serde_json::json!(line + shift as u64);
    }
    serde_json::from_value(value).unwrap_or_else(|e| panic!("not an operation {json}: {e}"))
}

#[test]
fn every_spec_holds_in_every_variant() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/specs");
    let mut files = Vec::new();
    spec_files(&root, &mut files);
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        for case in parse(&name, &source.replace("\r\n", "\n")) {
            for variant in variants(&case) {
                count += 1;
                let label = format!("{} :: {} ({})", case.file, case.name, variant.name);
                let op = shifted_op(&case.op_json, variant.line_shift);
                let input = (variant.transform)(&case.input);
                let result = run(&input, &op);
                match (&case.expect, result) {
                    (Expect::Error(code), Err(err)) if err.code.as_str() == code => {}
                    (Expect::Error(code), other) => {
                        failures.push(format!("{label}: expected error {code}, got {other:?}"))
                    }
                    (_, Err(err)) => failures.push(format!("{label}: unexpected error {err}")),
                    (Expect::Unchanged, Ok(outcome)) => {
                        if let Some(text) = outcome.text {
                            failures.push(format!("{label}: expected no change, got:\n{text}"));
                        }
                    }
                    (Expect::Text(expected), Ok(outcome)) => {
                        let expected = (variant.transform)(expected);
                        let got = outcome.text.clone().unwrap_or_else(|| input.clone());
                        if got != expected {
                            failures.push(format!(
                                "{label}:\n--- expected\n{expected:?}\n--- got\n{got:?}"
                            ));
                            continue;
                        }
                        if let Some(problem) = not_recoverable(&input, &outcome.edits, &got) {
                            failures.push(format!("{label}: {problem}"));
                        }
                        if op.is_idempotent() {
                            match run(&got, &op) {
                                Ok(again) if again.text.is_none() => {}
                                other => failures.push(format!(
                                    "{label}: second run changed the note: {other:?}"
                                )),
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(count > 0, "no spec cases found under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {count} spec runs failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
