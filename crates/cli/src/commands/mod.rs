//! One module per `career` subcommand.

pub mod init;
pub mod note;
pub mod paths;
