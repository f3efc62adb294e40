//! The hostile-input and race suite for every write path of `career`
//! (issue 13): concurrent writers, `kill -9` mid-write, notes changed at a
//! prompt, symlinks, loops, FIFOs, permissions, paths that leave the vault,
//! bad input. Each group prints its figure (cases tried, passed, bytes lost)
//! and saves it under the target's tmp folder; `scripts/test.sh` prints them.
// Test helpers: a failed unwrap is a failed case, reported by the suite.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod files;
mod harness;
mod paths;
mod prompts;
mod races;
