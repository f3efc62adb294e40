//! The suite's bookkeeping and process helpers: each case reports how many of
//! the person's bytes it found missing, and the suite prints (and saves to
//! `target/write-safety.txt`) the figure: cases tried, passed, bytes lost.
// Test support: a failed unwrap here is a failed test.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a case found: `Ok(bytes lost)` when it ran as it should.
pub type Outcome = Result<usize, String>;

/// The cases run so far.
#[derive(Default)]
pub struct Suite {
    rows: Vec<(String, Outcome)>,
}

impl Suite {
    /// Runs one case; a panic inside it counts as a failure, not a crash of the suite.
    pub fn case(&mut self, name: &str, run: impl FnOnce() -> Outcome) {
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|p| {
                Err(p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_else(|| "panicked".into()))
            });
        self.rows.push((name.to_string(), outcome));
    }

    /// Prints the table and the figure, saves them, and fails if any case did.
    pub fn finish(self, group: &str) {
        let mut lines = Vec::new();
        let (mut passed, mut lost) = (0, 0);
        for (name, outcome) in &self.rows {
            match outcome {
                Ok(0) => {
                    passed += 1;
                    lines.push(format!("  ok    {name}"));
                }
                Ok(bytes) => {
                    lost += bytes;
                    lines.push(format!(
                        "  LOST  {name}: {bytes} bytes of the person's text"
                    ));
                }
                Err(why) => lines.push(format!("  FAIL  {name}: {why}")),
            }
        }
        lines.push(format!(
            "{group}: {} cases tried, {passed} passed, {lost} bytes lost",
            self.rows.len()
        ));
        let text = lines.join("\n");
        println!("{text}");
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("write-safety-{group}.txt"));
        let _ = std::fs::write(out, format!("{text}\n"));
        assert!(
            passed == self.rows.len() && lost == 0,
            "write safety failed:\n{text}"
        );
    }
}

/// Fails the case with `why` unless `ok`.
pub fn check(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(why())
    }
}

/// Bytes of `wanted` pieces missing from `text`.
pub fn missing(text: &str, wanted: &[&str]) -> usize {
    wanted
        .iter()
        .filter(|w| !text.contains(**w))
        .map(|w| w.len())
        .sum()
}

/// A scratch vault with the Career Coach notes in it.
pub struct Vault {
    pub dir: tempfile::TempDir,
}

pub const INDEX: &str = "Career/0_Career_Index.md";
pub const TODAY: &str = "2026-12-06";

impl Vault {
    pub fn new() -> Self {
        let vault = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        let run = vault.career(&["init"], "");
        assert_eq!(run.code, 0, "{}", run.stderr);
        vault
    }

    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_default()
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// The command with `--vault` and `--today` set, not yet started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_career"));
        command
            .env("CAREER_NOW", "2026-12-06T10:00:00")
            .args([
                "--vault",
                self.dir.path().to_str().unwrap(),
                "--today",
                TODAY,
            ])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs `career` to the end with `stdin`, killing it if it hangs.
    pub fn career(&self, args: &[&str], stdin: &str) -> Run {
        finish(self.command(args).spawn().unwrap(), stdin)
    }

    /// Files in `relative` (a folder) whose name marks a temp of ours.
    pub fn temps(&self, relative: &str) -> Vec<String> {
        std::fs::read_dir(self.path(relative))
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The run did not end by itself within a minute and was killed.
    pub hung: bool,
}

/// How long a run may take before the suite calls it a hang (not a speed
/// check: every command here finishes in well under a second).
const HANG: Duration = Duration::from_secs(60);

/// Feeds `stdin`, then waits for the child, killing it if it hangs.
pub fn finish(mut child: Child, stdin: &str) -> Run {
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let start = Instant::now();
    let mut hung = false;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > HANG {
            hung = true;
            let _ = child.kill();
            let _ = child.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let code = child.wait().map(|s| s.code().unwrap_or(-1)).unwrap_or(-1);
    Run {
        code,
        stdout,
        stderr,
        hung,
    }
}

/// A running `career` whose output is collected as it comes, to answer prompts.
pub struct Live {
    pub child: Child,
    out: Arc<Mutex<String>>,
}

impl Live {
    pub fn start(vault: &Vault, args: &[&str]) -> Self {
        Self::spawn(vault.command(args))
    }

    /// Runs `career` on a terminal (a pty from util-linux `script`), as a person would.
    pub fn on_terminal(vault: &Vault, args: &[&str]) -> Self {
        let line = std::iter::once(env!("CARGO_BIN_EXE_career").to_string())
            .chain(
                [
                    "--vault",
                    vault.dir.path().to_str().unwrap(),
                    "--today",
                    TODAY,
                ]
                .map(String::from),
            )
            .chain(args.iter().map(|a| (*a).to_string()))
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect::<Vec<_>>()
            .join(" ");
        let mut command = Command::new("script");
        command
            .args(["-qefc", &line, "/dev/null"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        Self::spawn(command)
    }

    fn spawn(mut command: Command) -> Self {
        let mut child = command.spawn().unwrap();
        let out = Arc::new(Mutex::new(String::new()));
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let out = Arc::clone(&out);
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    out.lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(buf.get(..n).unwrap_or_default()));
                }
            });
        }
        Self { child, out }
    }

    /// Everything printed so far.
    pub fn output(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    /// Waits until `text` has been printed `times` times.
    pub fn wait_for(&self, text: &str, times: usize) -> Result<(), String> {
        let start = Instant::now();
        while self.output().matches(text).count() < times {
            if start.elapsed() > HANG {
                return Err(format!("never printed {text:?}:\n{}", self.output()));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(())
    }

    /// Types a line.
    pub fn send(&mut self, line: &str) {
        let input = self.child.stdin.as_mut().unwrap();
        let _ = input.write_all(format!("{line}\n").as_bytes());
        let _ = input.flush();
    }

    /// Closes stdin and waits for the end.
    pub fn end(mut self) -> (i32, String) {
        drop(self.child.stdin.take());
        let code = self
            .child
            .wait()
            .map(|s| s.code().unwrap_or(-1))
            .unwrap_or(-1);
        std::thread::sleep(Duration::from_millis(20));
        (code, self.output())
    }
}

/// A small deterministic random sequence (no crate needed for a test's dice).
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}
