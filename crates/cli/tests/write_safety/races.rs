//! Two writers at once, and writers killed with SIGKILL at random points.

use std::time::Duration;

use crate::harness::{check, missing, Dice, Suite, Vault, INDEX};

const ROUNDS: usize = 100;

/// Runs two commands at once; returns their exit codes and stderr.
fn pair(vault: &Vault, a: &[&str], b: &[&str]) -> [(i32, String); 2] {
    let first = vault.command(a).spawn().unwrap();
    let second = vault.command(b).spawn().unwrap();
    [first, second].map(|child| {
        let run = crate::harness::finish(child, "");
        (run.code, run.stderr)
    })
}

/// Every writer that said it succeeded has its text in the note, and one
/// that failed said why with a stable code.
fn both_kept(vault: &Vault, relative: &str, cmds: [(&[&str], &str); 2]) -> crate::harness::Outcome {
    let mut lost = 0;
    for round in 0..ROUNDS {
        let args = |cmd: &[&str]| -> Vec<String> {
            cmd.iter()
                .map(|a| a.replace("{round}", &round.to_string()))
                .collect()
        };
        let (a, b) = (args(cmds[0].0), args(cmds[1].0));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let results = pair(vault, &a, &b);
        let text = vault.read(relative);
        for ((code, stderr), (_, wanted)) in results.iter().zip(cmds) {
            let wanted = wanted.replace("{round}", &round.to_string());
            if *code == 0 {
                lost += missing(&text, &[&wanted]);
            } else {
                check(stderr.contains("error[conflict]"), || {
                    format!("round {round}: a refusal without a clear code: {stderr}")
                })?;
            }
        }
    }
    Ok(lost)
}

#[test]
fn concurrent_writers_and_killed_writers_lose_nothing() {
    let mut suite = Suite::default();
    suite.case("100 rounds: two `task add` at once keep both tasks", || {
        let vault = Vault::new();
        let mut lost = 0;
        for round in 0..ROUNDS {
            let (a, b) = (format!("task A {round}"), format!("task B {round}"));
            let results = pair(
                &vault,
                &["task", "add", INDEX, "Open Tasks", &a],
                &["task", "add", INDEX, "Open Tasks", &b],
            );
            let text = vault.read(INDEX);
            for ((code, stderr), wanted) in results.iter().zip([&a, &b]) {
                check(*code == 0, || format!("round {round}: {stderr}"))?;
                lost += missing(&text, &[&format!("- [ ] {wanted}\n")]);
            }
        }
        Ok(lost)
    });
    suite.case(
        "100 rounds: two `section append` at once keep both paragraphs",
        || {
            let vault = Vault::new();
            let mut lost = 0;
            for round in 0..ROUNDS {
                let (a, b) = (
                    format!("Paragraph A {round}."),
                    format!("Paragraph B {round}."),
                );
                let mut children = Vec::new();
                for text in [&a, &b] {
                    let child = vault
                        .command(&["section", "append", INDEX, "Growth"])
                        .spawn()
                        .unwrap();
                    children.push((child, text.clone()));
                }
                let runs: Vec<_> = children
                    .into_iter()
                    .map(|(child, text)| (crate::harness::finish(child, &text), text))
                    .collect();
                let note = vault.read(INDEX);
                for (run, text) in runs {
                    check(run.code == 0, || format!("round {round}: {}", run.stderr))?;
                    lost += missing(&note, &[&text]);
                }
            }
            Ok(lost)
        },
    );
    suite.case(
        "100 rounds: two writers of data.json at once keep both keys",
        || {
            let vault = Vault::new();
            let data = ".obsidian/plugins/career-coach/data.json";
            let mut lost = 0;
            for round in 0..ROUNDS {
                // A coaching session paused at once by end of input, and a goals
                // interview paused the same way: two owners of data.json.
                vault.write(
                    data,
                    &format!("{{\"careerFolder\": \"Career\", \"mine\": \"kept {round}\"}}"),
                );
                let results = pair(
                    &vault,
                    &["coach", "--new", "--section", "Vision"],
                    &["goals", "new", "--year", "2027"],
                );
                for (code, stderr) in &results {
                    check(*code == 0, || format!("round {round}: {stderr}"))?;
                }
                let json: serde_json::Value = serde_json::from_str(&vault.read(data))
                    .map_err(|e| format!("round {round}: data.json is not JSON any more: {e}"))?;
                for key in ["session", "goalsInterview", "mine", "careerFolder"] {
                    if json.get(key).is_none_or(serde_json::Value::is_null) {
                        lost += key.len();
                    }
                }
            }
            Ok(lost)
        },
    );
    suite.case(
        "100 rounds: a task and a frontmatter property at once keep both",
        || {
            let vault = Vault::new();
            both_kept(
                &vault,
                INDEX,
                [
                    (
                        &["task", "add", INDEX, "Open Tasks", "Task {round}"],
                        "- [ ] Task {round}",
                    ),
                    (
                        &["frontmatter", "set", INDEX, "reviewed", "round-{round}"],
                        "reviewed: round-{round}",
                    ),
                ],
            )
        },
    );
    suite.case("200 × kill -9 mid-write: the note is the old or the new text, and no temp survives the next run", || {
        let vault = Vault::new();
        // A big note makes the write long enough to be interrupted at many points.
        let filler: String = (0..20_000).map(|i| format!("Line {i} of the person's own notes.\n")).collect();
        let base = format!("# Big\n\n## Tasks\n\n{filler}");
        let mut dice = Dice::new(13);
        let mut lost = 0;
        for round in 0..200 {
            vault.write("Career/Big.md", &base);
            let task = format!("killed {round}");
            let mut child = vault
                .command(&["task", "add", "Career/Big.md", "Tasks", &task])
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_micros(dice.below(40_000)));
            let _ = child.kill();
            let _ = child.wait();
            let after = vault.read("Career/Big.md");
            let with_task = after.contains(&format!("- [ ] {task}"));
            check(after == base || with_task && after.starts_with("# Big\n\n## Tasks\n\n"), || {
                format!("round {round}: the note is neither the old nor the new text ({} bytes)", after.len())
            })?;
            lost += missing(&after, &[&filler]);
        }
        // The next run cleans up what the killed ones left.
        let run = vault.career(&["task", "add", "Career/Big.md", "Tasks", "after"], "");
        check(run.code == 0, || run.stderr.clone())?;
        check(vault.temps("Career").is_empty(), || {
            format!("temps left: {:?}", vault.temps("Career"))
        })?;
        Ok(lost)
    });
    suite.finish("races");
}
