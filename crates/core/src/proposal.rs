//! Propose → confirm: the one model for a change a person sees before it is written.
//!
//! The method says "confirm understanding → update file": nothing reaches a
//! note until the person has seen what was understood and exactly how the
//! note will change, and agreed. A [`Proposal`] is that moment as data:
//!
//! - what was understood (`read_back`, one line each, for "here is what I understood");
//! - each note it changes: its vault path, the fingerprint of the text the
//!   change was computed from (or that the note was missing), the byte-span
//!   edits on that text, and a unified diff of the result;
//! - a `token` bound to all of that, so a confirmation names exactly one
//!   change on exactly one state of the notes.
//!
//! At confirmation a shell re-reads every note and asks [`Proposal::stale`]:
//! if any note no longer holds the text the change was computed from, nothing
//! is written; the shell computes the change again on the notes as they are
//! now and shows the new preview, with a new token, to be confirmed again.
//! When they all still hold it, [`Proposal::text_for`] gives each note's new
//! text, which the shell writes under its write guard; it checks the
//! fingerprint once more on the text it reads under the lock, so a change that
//! lands between the check and the write is refused as well.
//!
//! The MCP server (`career mcp`) confirms this way; the CLI's multi-note
//! writes (reviews, session logs, a new goals note) build a proposal and write
//! it the same way, moving edits past changes made elsewhere instead of
//! refusing them (see the CLI's `Vault::commit`).
//!
//! Invariants:
//! - A proposal never holds a change that changes nothing.
//! - [`Proposal::text_for`] returns text only for the exact state the proposal
//!   was computed from; any other state is `stale_proposal`.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::edit::{apply, between, Applied, TextEdit};
use crate::error::{CoreError, CoreResult, ErrorCode};

/// Whether a change creates a note or edits one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeAction {
    /// A new note, written in one create that never replaces a file.
    Create,
    /// Byte-span edits to an existing note.
    Edit,
}

/// One note's part of a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteChange {
    /// The note's vault path.
    pub path: String,
    /// Create or edit.
    pub action: ChangeAction,
    /// The fingerprint of the text the change was computed from (`None`: the note was missing).
    pub base: Option<String>,
    /// The edits, as byte spans of that text (a create: one insertion of the whole note).
    pub edits: Vec<TextEdit>,
    /// A unified diff of the note before and after.
    pub diff: String,
    /// Lines added.
    pub added: usize,
    /// Lines removed.
    pub removed: usize,
    /// The text the change was computed from (kept for moving the edits onto a
    /// note changed elsewhere, see [`Proposal::moved_text_for`]).
    #[serde(skip)]
    before: Option<String>,
}

/// A change to one or more notes, waiting for the person's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// Names this change on this state of the notes; confirm with it.
    pub token: String,
    /// One line: what the change does ("Vision in Career/0_Career_Index.md").
    pub summary: String,
    /// What was understood, one line each.
    pub read_back: Vec<String>,
    /// The notes it changes, in the order they are written.
    pub changes: Vec<NoteChange>,
}

/// A change as a shell plans it, before it becomes part of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    path: String,
    before: Option<String>,
    edits: Vec<TextEdit>,
}

impl Planned {
    /// Edits computed on `before`, the note's text as read.
    pub fn edit(path: impl Into<String>, before: &str, edits: Vec<TextEdit>) -> Self {
        Self {
            path: path.into(),
            before: Some(before.to_string()),
            edits,
        }
    }

    /// The note's new text, computed from `before`: the one edit between them.
    pub fn replace(path: impl Into<String>, before: &str, after: &str) -> Self {
        Self::edit(path, before, vec![between(before, after)])
    }

    /// A new note with its whole text.
    pub fn create(path: impl Into<String>, text: &str) -> Self {
        Self {
            path: path.into(),
            before: None,
            edits: vec![TextEdit::insert(0, text)],
        }
    }
}

impl Proposal {
    /// A proposal of the planned changes; those that change nothing are left out.
    pub fn new(
        summary: impl Into<String>,
        read_back: Vec<String>,
        planned: Vec<Planned>,
    ) -> CoreResult<Self> {
        let mut changes = Vec::new();
        for p in planned {
            let before = p.before.as_deref().unwrap_or("");
            let after = match apply(before, &p.edits)? {
                Applied::Unchanged if p.before.is_some() => continue,
                applied => applied.text(before).to_string(),
            };
            let (diff, added, removed) = unified_diff(&p.path, p.before.as_deref(), &after);
            changes.push(NoteChange {
                action: if p.before.is_some() {
                    ChangeAction::Edit
                } else {
                    ChangeAction::Create
                },
                base: p.before.as_deref().map(fingerprint),
                path: p.path,
                edits: p.edits,
                before: p.before,
                diff,
                added,
                removed,
            });
        }
        let token = token_of(&changes);
        Ok(Self {
            token,
            summary: summary.into(),
            read_back,
            changes,
        })
    }

    /// Whether confirming it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Every note's diff, in order.
    pub fn diff(&self) -> String {
        self.changes
            .iter()
            .map(|c| c.diff.as_str())
            .collect::<Vec<_>>()
            .join("")
    }

    /// The notes that no longer hold what the proposal was computed from,
    /// given each note's text as it is now (`None`: missing).
    pub fn stale<'t>(&self, now: impl Fn(&str) -> Option<&'t str>) -> Vec<String> {
        self.changes
            .iter()
            .filter(|c| now(&c.path).map(fingerprint) != c.base)
            .map(|c| c.path.clone())
            .collect()
    }

    /// The new text of change `index` when its note holds exactly `current`
    /// (`None`: missing), the state the proposal was computed from;
    /// `stale_proposal` for any other state.
    pub fn text_for(&self, index: usize, current: Option<&str>) -> CoreResult<String> {
        let change = self.changes.get(index).ok_or_else(|| {
            CoreError::new(
                ErrorCode::InvalidInput,
                format!("The proposal has no change number {index}."),
            )
        })?;
        if current.map(fingerprint) != change.base {
            return Err(stale(&change.path));
        }
        let base = current.unwrap_or("");
        Ok(apply(base, &change.edits)?.text(base).to_string())
    }
}

impl Proposal {
    /// Like [`Proposal::text_for`], but a note changed elsewhere since the
    /// proposal keeps the change: its edits move onto the note as it is now
    /// ([`crate::edit::rebase`]); a note changed in the lines they replace is
    /// `conflict`, and a note to create that exists is `note_exists`. For
    /// changes asked for by intent (a log's row, a review's carry), where the
    /// person confirmed what to do, not the bytes around it.
    pub fn moved_text_for(&self, index: usize, current: Option<&str>) -> CoreResult<String> {
        let change = self.changes.get(index).ok_or_else(|| {
            CoreError::new(
                ErrorCode::InvalidInput,
                format!("The proposal has no change number {index}."),
            )
        })?;
        match (change.action, &change.before, current) {
            (ChangeAction::Create, _, None) => self.text_for(index, None),
            (ChangeAction::Create, _, Some(_)) => Err(CoreError::new(
                ErrorCode::NoteExists,
                format!("{} already exists; nothing was written.", change.path),
            )),
            (ChangeAction::Edit, Some(before), Some(now)) => {
                land(&change.path, before, &change.edits, now)
            }
            (ChangeAction::Edit, _, _) => Err(stale(&change.path)),
        }
    }
}

/// Lands `edits`, computed on `before` (the text the person saw), on the
/// note's text `current` at the moment of writing: applied as they are when
/// the note is unchanged; moved past a change made elsewhere in the note
/// ([`crate::edit::rebase`]); `conflict` when the change is in their lines,
/// since what the person confirmed was computed from lines that are gone.
/// Every edit is checked against the text it was computed from first, so
/// edits that do not fit `before` are refused, never applied.
///
/// This is the one landing rule of every shell: the CLI's and the MCP
/// server's moving commits ([`Proposal::moved_text_for`]) and the plugin's
/// coaching writes (through the WASM).
pub fn land(path: &str, before: &str, edits: &[TextEdit], current: &str) -> CoreResult<String> {
    let fits = apply(before, edits)?;
    if before == current {
        return Ok(fits.text(before).to_string());
    }
    let moved = crate::edit::rebase::rebase(before, current, edits).map_err(|e| {
        CoreError::new(
            e.code,
            format!("{path} changed in the lines this change replaces; nothing was written."),
        )
    })?;
    Ok(apply(current, &moved)?.text(current).to_string())
}

/// The error for a note that changed after the proposal was made.
pub fn stale(path: &str) -> CoreError {
    CoreError::new(
        ErrorCode::StaleProposal,
        format!("{path} changed after this change was proposed, so nothing was written. Here is the change again, on the note as it is now: show it and confirm again."),
    )
}

/// The SHA-256 of a text, in hex: what a proposal is bound to.
pub fn fingerprint(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The token: a digest of every change's path, base and edits.
fn token_of(changes: &[NoteChange]) -> String {
    let mut hasher = Sha256::new();
    for c in changes {
        for part in [
            c.path.as_str(),
            c.base.as_deref().unwrap_or("(missing)"),
            c.diff.as_str(),
        ] {
            hasher.update(part.len().to_le_bytes());
            hasher.update(part.as_bytes());
        }
    }
    let digest = hex(&hasher.finalize());
    format!("chg-{}", digest.get(..24).unwrap_or(&digest))
}

/// A unified diff of a note (`old` `None`: created), three lines of context;
/// with the lines added and removed.
pub fn unified_diff(path: &str, old: Option<&str>, new: &str) -> (String, usize, usize) {
    let split =
        |text: &str| -> Vec<String> { text.split_inclusive('\n').map(String::from).collect() };
    let a = split(old.unwrap_or(""));
    let b = split(new);
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let mut out = String::new();
    let (mut added, mut removed) = (0, 0);
    match old {
        Some(_) => out.push_str(&format!("--- a/{path}\n+++ b/{path}\n")),
        None => out.push_str(&format!("--- /dev/null\n+++ b/{path}\n")),
    }
    for group in similar::group_diff_ops(ops, 3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (old_start, new_start) = (first.old_range().start, first.new_range().start);
        let (old_len, new_len) = (
            last.old_range().end - old_start,
            last.new_range().end - new_start,
        );
        let range = |start: usize, len: usize| {
            let shown = if len == 0 { start } else { start + 1 };
            if len == 1 {
                format!("{shown}")
            } else {
                format!("{shown},{len}")
            }
        };
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(old_start, old_len),
            range(new_start, new_len)
        ));
        for op in group {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            let mut line = |sign: char, text: Option<&String>| {
                let text = text.map_or("", String::as_str);
                out.push(sign);
                out.push_str(text);
                if !text.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            };
            match tag {
                similar::DiffTag::Equal => {
                    for i in old_range {
                        line(' ', a.get(i));
                    }
                }
                similar::DiffTag::Delete => {
                    for i in old_range {
                        removed += 1;
                        line('-', a.get(i));
                    }
                }
                similar::DiffTag::Insert => {
                    for i in new_range {
                        added += 1;
                        line('+', b.get(i));
                    }
                }
                similar::DiffTag::Replace => {
                    for i in old_range {
                        removed += 1;
                        line('-', a.get(i));
                    }
                    for i in new_range {
                        added += 1;
                        line('+', b.get(i));
                    }
                }
            }
        }
    }
    (out, added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    const NOTE: &str = "# Career\n\n## Vision\n\n[north star]\n\n## Network\n\n- Ada\n";

    fn vision() -> Proposal {
        let at = NOTE.find("[north star]").unwrap_or(0);
        let edit = TextEdit::replace(NOTE, Span::new(at, at + 12), "CTO by 2031");
        Proposal::new(
            "Vision",
            vec!["North star: CTO by 2031".into()],
            vec![Planned::edit("Career/Index.md", NOTE, vec![edit])],
        )
        .unwrap()
    }

    #[test]
    fn a_proposal_shows_the_exact_diff_and_is_bound_to_the_text() {
        let p = vision();
        assert_eq!(
            p.diff(),
            "--- a/Career/Index.md\n+++ b/Career/Index.md\n@@ -2,7 +2,7 @@\n \n ## Vision\n \n-[north star]\n+CTO by 2031\n \n ## Network\n \n"
        );
        assert_eq!((p.changes[0].added, p.changes[0].removed), (1, 1));
        assert!(p.stale(|_| Some(NOTE)).is_empty());
        assert_eq!(
            p.text_for(0, Some(NOTE)).unwrap(),
            NOTE.replace("[north star]", "CTO by 2031")
        );
        // The same change on the same text has the same token; on another text, another.
        assert_eq!(vision().token, p.token);
        let other = format!("{NOTE}\n- Grace\n");
        let moved = Proposal::new(
            "Vision",
            vec![],
            vec![Planned::replace(
                "Career/Index.md",
                &other,
                &other.replace("[north star]", "CTO by 2031"),
            )],
        )
        .unwrap();
        assert_ne!(moved.token, p.token);
    }

    #[test]
    fn landing_applies_on_the_same_text_moves_past_changes_elsewhere_and_refuses_its_own_lines() {
        let at = NOTE.find("[north star]").unwrap();
        let edits = vec![TextEdit::replace(
            NOTE,
            Span::new(at, at + 12),
            "CTO by 2031",
        )];
        let path = "Career/Index.md";
        assert_eq!(
            land(path, NOTE, &edits, NOTE).unwrap(),
            NOTE.replace("[north star]", "CTO by 2031")
        );
        // Typed elsewhere while the preview was open: kept, and the change lands too.
        let elsewhere = NOTE.replace("- Ada\n", "- Ada\n- Grace\n");
        assert_eq!(
            land(path, NOTE, &edits, &elsewhere).unwrap(),
            elsewhere.replace("[north star]", "CTO by 2031")
        );
        // Typed in the very line the change replaces: refused, nothing computed.
        let own = NOTE.replace("[north star]", "Lead a platform team");
        let refused = land(path, NOTE, &edits, &own).unwrap_err();
        assert_eq!(refused.code, ErrorCode::Conflict);
        assert!(refused.message.contains(path), "{}", refused.message);
        // Edits that do not fit the text they claim to come from are never applied.
        let wrong = vec![TextEdit {
            span: Span::new(0, 3),
            new_text: "x".into(),
            expected: "nope".into(),
        }];
        assert!(land(path, NOTE, &wrong, NOTE).is_err());
        assert!(land(path, NOTE, &wrong, &elsewhere).is_err());
    }

    #[test]
    fn a_changed_or_vanished_note_is_stale_and_gets_no_text() {
        let p = vision();
        let edited = NOTE.replace("Ada", "Ada Lovelace");
        assert_eq!(p.stale(|_| Some(edited.as_str())), vec!["Career/Index.md"]);
        assert_eq!(p.stale(|_| None), vec!["Career/Index.md"]);
        assert_eq!(
            p.text_for(0, Some(&edited)).unwrap_err().code,
            ErrorCode::StaleProposal
        );
        assert_eq!(
            p.text_for(0, None).unwrap_err().code,
            ErrorCode::StaleProposal
        );
    }

    #[test]
    fn a_create_needs_the_note_missing_and_shows_every_line() {
        let p =
            Proposal::new("Log", vec![], vec![Planned::create("Log.md", "# Log\nend")]).unwrap();
        assert_eq!(
            p.diff(),
            "--- /dev/null\n+++ b/Log.md\n@@ -0,0 +1,2 @@\n+# Log\n+end\n\\ No newline at end of file\n"
        );
        assert_eq!(p.text_for(0, None).unwrap(), "# Log\nend");
        assert_eq!(
            p.text_for(0, Some("")).unwrap_err().code,
            ErrorCode::StaleProposal
        );
    }

    #[test]
    fn moved_text_keeps_a_change_made_elsewhere_and_refuses_one_underneath() {
        let p = vision();
        let elsewhere = NOTE.replace("- Ada", "- Ada\n- Grace");
        assert_eq!(
            p.moved_text_for(0, Some(&elsewhere)).unwrap(),
            elsewhere.replace("[north star]", "CTO by 2031")
        );
        let underneath = NOTE.replace("[north star]", "[north star!]");
        assert_eq!(
            p.moved_text_for(0, Some(&underneath)).unwrap_err().code,
            ErrorCode::Conflict
        );
        let log = Proposal::new("Log", vec![], vec![Planned::create("Log.md", "x")]).unwrap();
        assert_eq!(
            log.moved_text_for(0, Some("y")).unwrap_err().code,
            ErrorCode::NoteExists
        );
    }

    #[test]
    fn changes_that_change_nothing_are_left_out() {
        let p = Proposal::new(
            "Nothing",
            vec![],
            vec![Planned::replace("Index.md", NOTE, NOTE)],
        )
        .unwrap();
        assert!(p.is_empty());
        assert_eq!(p.diff(), "");
    }
}
