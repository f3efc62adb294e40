//! One module per `career` subcommand.

pub mod init;
pub mod paths;
