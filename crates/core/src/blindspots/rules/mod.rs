//! The rules. Each reads the index through the note model (sections by their
//! canonical kind, tables, tasks, placeholders), never by matching raw text
//! layout, so a hand-edited index is judged by what it says.
//!
//! - `support`: the index as the rules see it, the finding builder, the
//!   evidence tests;
//! - `plan`: empty sections, vision, theme, thesis;
//! - `evidence`: visibility, metrics, contingency, sponsors, transition,
//!   mentees, staleness.

mod evidence;
mod plan;
mod support;

use super::{Finding, FindingAction, Note};
use crate::coach::walk::{self, WalkEntry};
use crate::dates::Day;
use crate::note::outline::{sections, Section};
use evidence::{contingency, mentees, metrics, sponsors, stale, transition, visibility};
use plan::{empty_sections, theme, thesis, vision};
use support::Index;

/// Runs every rule over the Career Index, the goals note and the session logs.
pub fn analyze(index_text: &str, goals: Option<&str>, logs: &[Note], today: Day) -> Vec<Finding> {
    let outline = sections(index_text);
    let index = Index::new(index_text, &outline);
    let mut out = Vec::new();
    empty_sections(&index, &mut out);
    vision(&index, &mut out);
    theme(&index, goals, &mut out);
    thesis(&index, &mut out);
    visibility(&index, &mut out);
    metrics(&index, &mut out);
    contingency(&index, &mut out);
    sponsors(&index, &mut out);
    transition(&index, &mut out);
    mentees(&index, &mut out);
    stale(&index, logs, today, &mut out);
    // Each section's walk is read once, however many findings coach it.
    let mut walks: Vec<(String, Vec<WalkEntry>)> = Vec::new();
    for f in &mut out {
        point_at_entry(index_text, &outline, f, &mut walks);
    }
    crate::order::sort_by_key(&mut out, |f| f.severity);
    out
}

/// A coaching action opens the first entry the finding cites among those its
/// section's coaching walks through (a win without numbers, a risk without
/// mitigation), so "Coach this" edits that entry instead of adding a copy.
fn point_at_entry(
    index_text: &str,
    outline: &[Section],
    f: &mut Finding,
    walks: &mut Vec<(String, Vec<WalkEntry>)>,
) {
    if let FindingAction::Coach { section, entry } = &mut f.action {
        let at = match walks.iter().position(|(s, _)| s == section) {
            Some(at) => at,
            None => {
                let entries = walk::entries_in(index_text, outline, section);
                walks.push((section.clone(), entries));
                walks.len() - 1
            }
        };
        let entries = walks.get(at).map_or(&[][..], |(_, e)| e.as_slice());
        *entry = f
            .lines
            .iter()
            .find_map(|&line| walk::index_at_line(entries, line))
            .and_then(|i| entries.get(i))
            .map(|e| e.line);
    }
}
