//! One module per `career` subcommand.

pub mod blindspots;
pub mod calendar;
pub mod career_folder;
pub mod chart;
pub mod coach;
pub mod coach_view;
pub mod due;
pub mod goals;
pub mod goals_interview;
pub mod grammar;
pub mod log;
pub mod note;
pub mod notes;
pub mod paths;
pub mod profile_coach;
pub mod review;
