//! A note changed by hand while a person answers a prompt.

use std::time::Duration;

use crate::harness::{check, missing, Live, Suite, Vault, INDEX};

const THEME_SLOT: &str = "> **\"[Theme in quotes]\"**";
const DATA: &str = ".obsidian/plugins/career-coach/data.json";

/// Starts coaching the Annual Theme and stops at the confirm prompt.
fn at_confirm(vault: &Vault) -> Result<Live, String> {
    let mut live = Live::start(vault, &["coach", "--new", "--section", "Annual Theme"]);
    live.wait_for("[1/", 1)?;
    live.send("Visible outside the company");
    live.wait_for("Here is what I understood:", 1)?;
    Ok(live)
}

#[test]
fn a_note_changed_at_a_prompt_is_shown_again_or_merged() {
    let mut suite = Suite::default();
    suite.case(
        "coach: the person edits the answer's lines at Confirm → asked again, both texts kept",
        || {
            let vault = Vault::new();
            let mut live = at_confirm(&vault)?;
            let typed = "> **\"My own theme, typed in Obsidian\"**";
            vault.write(INDEX, &vault.read(INDEX).replace(THEME_SLOT, typed));
            live.send("y");
            live.wait_for("changed where this answer goes", 1)?;
            live.wait_for("Here is what I understood:", 2)?;
            live.send("p");
            let (code, out) = live.end();
            check(code == 0, || out.clone())?;
            let note = vault.read(INDEX);
            check(!note.contains("Visible outside the company"), || {
                "the answer was written over the person's edit without being confirmed again".into()
            })?;
            // The pending answer is kept in the paused session.
            let lost = missing(&note, &[typed])
                + missing(&vault.read(DATA), &["Visible outside the company"]);
            Ok(lost)
        },
    );
    suite.case(
        "coach: an edit elsewhere at Confirm is merged with the answer",
        || {
            let vault = Vault::new();
            let mut live = at_confirm(&vault)?;
            let elsewhere = "- [ ] typed in Obsidian meanwhile\n";
            let note = vault.read(INDEX);
            let at = note.find("## Open Tasks").ok_or("no Open Tasks")?;
            let end = note[at..].find("\n\n").map_or(note.len(), |i| at + i + 2);
            let mut changed = note.clone();
            changed.insert_str(end, elsewhere);
            vault.write(INDEX, &changed);
            live.send("y");
            std::thread::sleep(Duration::from_millis(200));
            let (code, out) = live.end();
            check(code == 0, || out.clone())?;
            let note = vault.read(INDEX);
            Ok(missing(&note, &[elsewhere, "Visible outside the company"]))
        },
    );
    suite.case(
        "review quarterly: a box ticked while it waits for the intention is kept",
        || {
            let vault = Vault::new();
            let run = vault.career(
                &[
                    "goals",
                    "new",
                    "--year",
                    "2026",
                    "--goal",
                    "Ship it|1 launch",
                    "--quarter",
                    "Q4|Land the launch|Shipping",
                ],
                "",
            );
            check(run.code == 0, || run.stderr.clone())?;
            let run = vault.career(&["goals", "action", "W49 thing", "--goal", "G1"], "");
            check(run.code == 0, || run.stderr.clone())?;
            let mut live = Live::start(&vault, &["review", "quarterly"]);
            // Give the review time to read the notes, as a person takes time to answer.
            std::thread::sleep(Duration::from_millis(300));
            let goals = "Career/2026 Goals.md";
            let ticked = vault
                .read(goals)
                .replace("- [ ] W49 thing", "- [x] W49 thing");
            check(ticked.contains("- [x] W49 thing"), || {
                "no action to tick".into()
            })?;
            vault.write(goals, &ticked);
            live.send("Next quarter's intention");
            live.send("Next quarter's focus");
            let (code, out) = live.end();
            check(code == 0, || out.clone())?;
            Ok(missing(&vault.read(goals), &["- [x] W49 thing"]))
        },
    );
    suite.case(
        "goals interview: the index edited during the interview keeps the edit and gets the link",
        || {
            let vault = Vault::new();
            let mut live = Live::start(&vault, &["goals", "new", "--year", "2027"]);
            std::thread::sleep(Duration::from_millis(300));
            let edit = "Written in Obsidian while the interview ran.\n";
            let index = vault.read(INDEX);
            let at = index.find("## Open Tasks").ok_or("no Open Tasks")?;
            let mut changed = index.clone();
            changed.insert_str(at, edit);
            changed.insert(at + edit.len(), '\n');
            vault.write(INDEX, &changed);
            for line in ["A theme", "y", "Ship it | 1 launch", "y"] {
                live.send(line);
            }
            // Enter moves past every remaining question.
            for _ in 0..60 {
                live.send("");
            }
            let (code, out) = live.end();
            check(code == 0 && out.contains("Linked it from"), || out.clone())?;
            check(
                vault.read("Career/2027 Goals.md").contains("Ship it"),
                || "no goals note".into(),
            )?;
            Ok(missing(&vault.read(INDEX), &[edit, "[[2027 Goals]]"]))
        },
    );
    suite.case(
        "review weekly on a terminal: an item ticked at the carry/keep/drop prompt is asked again, not overwritten",
        || {
            let vault = Vault::new();
            let run = vault.career(&["goals", "new", "--year", "2026", "--goal", "Ship it|1 launch"], "");
            check(run.code == 0, || run.stderr.clone())?;
            for action in ["Old thing", "Other thing"] {
                let run = vault.career(&["goals", "action", action, "--goal", "G1"], "");
                check(run.code == 0, || run.stderr.clone())?;
            }
            let mut live = Live::on_terminal(&vault, &["review", "weekly"]);
            live.wait_for("Old thing [C/k/d]", 1)?;
            let goals = "Career/2026 Goals.md";
            vault.write(goals, &vault.read(goals).replace("- [ ] Old thing", "- [x] Old thing"));
            live.send("\r");
            live.wait_for("Other thing [C/k/d]", 1)?;
            live.send("\r");
            live.wait_for("Here is the review again", 1)?;
            live.wait_for("Other thing [C/k/d]", 2)?;
            live.send("\r");
            live.wait_for("Weekly review 2026-W49", 1)?;
            let (_, out) = live.end();
            let text = vault.read(goals);
            check(!text.contains("Old thing #goal/G1 [carried"), || {
                format!("the ticked item was carried:\n{text}\n{out}")
            })?;
            Ok(missing(&text, &["- [x] Old thing", "- [ ] Other thing #goal/G1 [carried:: 1]"]))
        },
    );
    suite.finish("prompts");
}
