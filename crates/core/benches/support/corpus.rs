//! The corpus side of the section-set benchmarks: the notes of a folder, the
//! section each note's section-set targets, and the body written there.
//! Shared by `bench_native` (the native half of `npm run bench`) and
//! `section_set` (instruction counts of the same calls), so that both run
//! what scripts/bench.mjs times.

use std::path::{Path, PathBuf};

use career_core::note::outline::{find, sections};

/// The body every section-set writes into a corpus note.
pub const SECTION_BODY: &str = "\nReplaced by the benchmark: one paragraph and a [[link]].\n\n";

/// Every `*.md` under `dir`, as (path relative to `dir` with `/`, text), sorted by path.
pub fn corpus(dir: &Path) -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    let mut notes: Vec<(String, String)> = files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(dir).unwrap();
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (rel.join("/"), std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    notes.sort();
    notes
}

/// The section a note's section-set targets: the middle one, or the next
/// whose full path finds exactly it; `None` for a note without one.
pub fn pick_section(text: &str) -> Option<String> {
    let all = sections(text);
    let n = all.len();
    (0..n).map(|k| (n / 2 + k) % n).find_map(|i| {
        let s = all.get(i)?;
        (find(&all, &s.path).ok()?.body_span == s.body_span).then(|| s.path.clone())
    })
}
