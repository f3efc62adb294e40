//! How command results and errors are printed.

use career_core::CoreError;

/// A command's result: a line or more for people, and a JSON value for scripts.
pub struct Output {
    /// Text printed without `--json`.
    pub human: String,
    /// Value printed with `--json`.
    pub json: serde_json::Value,
}

impl Output {
    /// Prints to stdout in the requested form.
    pub fn print(&self, json: bool) {
        if json {
            println!("{}", self.json);
        } else if !self.human.is_empty() {
            println!("{}", self.human.trim_end_matches('\n'));
        }
    }
}

/// Prints an error to stderr with its stable code.
pub fn print_error(error: &CoreError, json: bool) {
    if json {
        eprintln!("{}", serde_json::json!({ "error": error }));
    } else {
        eprintln!("error[{}]: {}", error.code, error.message);
    }
}
