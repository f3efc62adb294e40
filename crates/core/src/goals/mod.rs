//! The goal cascade: a `{year} Goals` note that turns the Career Index's
//! strategy into annual goals, quarterly intentions, monthly milestones and
//! weekly actions (the method's phase 5).
//!
//! - [`model`] reads a goals note (as written by us or edited by hand) into
//!   goals, intentions, milestones and actions, each with the spans to edit.

pub mod model;

pub use model::{read, GoalRow, GoalStatus, GoalsNote, Item, ItemState, QuarterRow};
