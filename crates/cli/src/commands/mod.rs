//! One module per `career` subcommand.

pub mod note;
pub mod notes;
pub mod paths;
