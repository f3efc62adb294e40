//! As it was before the whole-note reading (commit 645e324), for the
//! equivalence tests only: see `crates/core/tests/blindspots_agree.rs`.
//!
//! `blindspots::rules::mod`.
mod evidence;
mod plan;
mod support;

use career_core::blindspots::{Finding, FindingAction, Note};
use career_core::Day;
use evidence::{contingency, mentees, metrics, sponsors, stale, transition, visibility};
use plan::{empty_sections, theme, thesis, vision};
use support::Index;

/// Runs every rule over the Career Index, the goals note and the session logs.
pub fn analyze(index_text: &str, goals: Option<&str>, logs: &[Note], today: Day) -> Vec<Finding> {
    let index = Index::new(index_text);
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
    for f in &mut out {
        point_at_entry(index_text, f);
    }
    out.sort_by_key(|f| f.severity);
    out
}

/// A coaching action opens the first entry the finding cites among those its
/// section's coaching walks through (a win without numbers, a risk without
/// mitigation), so "Coach this" edits that entry instead of adding a copy.
fn point_at_entry(index_text: &str, f: &mut Finding) {
    if let FindingAction::Coach { section, entry } = &mut f.action {
        let entries = career_core::coach::walk::entries(index_text, section);
        *entry = f
            .lines
            .iter()
            .find_map(|&line| career_core::coach::walk::index_at_line(&entries, line))
            .and_then(|i| entries.get(i))
            .map(|e| e.line);
    }
}
