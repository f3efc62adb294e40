//! Runs the real `career` binary against a temporary vault.
// Test support: a failed unwrap here is a failed test, so unwrapping is fine.
#![allow(dead_code, missing_docs, clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Self {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

pub struct TestVault {
    pub dir: tempfile::TempDir,
}

impl TestVault {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    /// Runs `career --vault <dir> --today 2026-01-17 <args>`.
    pub fn career(&self, args: &[&str]) -> Run {
        self.career_with_input(args, "")
    }

    pub fn career_with_input(&self, args: &[&str], stdin: &str) -> Run {
        run_in(
            self.dir.path(),
            &[
                &[
                    "--vault",
                    self.dir.path().to_str().unwrap(),
                    "--today",
                    "2026-01-17",
                ],
                args,
            ]
            .concat(),
            stdin,
        )
    }
}

pub fn run_in(cwd: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_career"))
        .current_dir(cwd)
        // A fixed clock for the session transcript.
        .env("CAREER_NOW", "2026-01-17T10:00:00")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap().into()
}
