//! Blind spot analysis (Phase 4): review the Career Index as a coach would.
//!
//! "What's missing that should be front and center?" Each rule looks at the
//! parsed Career Index (and the goals note and session logs when there are
//! any) and reports a [`Finding`]: a stable id, a severity, the evidence it
//! found, the question that surfaces the gap (the methodology's wording where
//! it has one), and an action the shells offer: coach that section (opening
//! the entry it points at, if it cites one), or add the section the index
//! lacks.

pub mod note;
mod rules;

use serde::{Deserialize, Serialize};

pub use rules::analyze;

/// How much a gap matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Front and center: the strategy has a hole.
    High,
    /// Worth a session soon.
    Medium,
    /// Nice to have.
    Low,
}

/// What the shells can do about a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FindingAction {
    /// Start a coaching session on this question-bank section.
    Coach {
        /// Question-bank section id.
        section: String,
        /// The 1-based line of the entry the finding points at, among those
        /// coaching that section walks through: "Coach this" opens it for
        /// editing. `None` when the finding cites no such entry.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entry: Option<usize>,
    },
    /// Add the missing section from the template (a lossless upgrade).
    AddSection {
        /// Canonical section id.
        section: String,
    },
}

/// One gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `no_business_metrics`.
    pub id: String,
    /// How much it matters.
    pub severity: Severity,
    /// The section it concerns (its title in the note, or the canonical name).
    pub section: String,
    /// What the rule found.
    pub evidence: String,
    /// 1-based line the evidence points at, when there is one.
    pub line: Option<usize>,
    /// Every 1-based line that is its evidence (the section's heading, the
    /// rows or items it read), sorted; empty when the evidence is an absence.
    #[serde(default)]
    pub lines: Vec<usize>,
    /// The question that surfaces the gap.
    pub question: String,
    /// What to do about it.
    pub action: FindingAction,
}

/// A note the rules may read besides the index: (vault path, text).
pub type Note = (String, String);
