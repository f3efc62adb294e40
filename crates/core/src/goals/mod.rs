//! The goal cascade: a `{year} Goals` note that turns the Career Index's
//! strategy into annual goals, quarterly intentions, monthly milestones and
//! weekly actions (the method's phase 5).
//!
//! - [`model`] reads a goals note (as written by us or edited by hand) into
//!   goals, intentions, milestones and actions, each with the spans to edit.
//! - [`template`] writes a new goals note, reads the cascade's context from
//!   the Career Index and links the index to the note.
//! - [`edits`] changes a goal's status and adds weekly actions, as byte spans.
//! - [`progress`] computes completion per goal, quarter and month.
//! - [`interview`] is the guided, one-question-at-a-time creation.

pub mod edits;
pub mod interview;
pub mod model;
pub mod progress;
pub mod template;
pub mod year;

pub use model::{read, GoalRow, GoalStatus, GoalsNote, Item, ItemState, QuarterRow};
pub use template::{
    context, link_back, render, CascadeContext, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft,
};
