//! How command results and errors are printed.

use std::io::Write;

use career_core::CoreError;

/// A command's result: a line or more for people, and a JSON value for scripts.
pub struct Output {
    /// Text printed without `--json`.
    pub human: String,
    /// Value printed with `--json`.
    pub json: serde_json::Value,
    /// Print `human` byte for byte, with no newline added or trimmed.
    pub exact: bool,
}

impl Output {
    /// A result with a message for people and a JSON value for scripts.
    pub fn new(human: impl Into<String>, json: serde_json::Value) -> Self {
        Self {
            human: human.into(),
            json,
            exact: false,
        }
    }

    /// Prints to stdout in the requested form. A closed pipe (`career … | head`)
    /// ends the output quietly instead of panicking.
    pub fn print(&self, json: bool) {
        let text = if json {
            format!("{}\n", self.json)
        } else if self.exact {
            self.human.clone()
        } else if self.human.is_empty() {
            String::new()
        } else {
            format!("{}\n", self.human.trim_end_matches('\n'))
        };
        let mut stdout = std::io::stdout().lock();
        let _ = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
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
