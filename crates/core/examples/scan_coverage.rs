//! Prints which corpus notes the fast heading scan gives up on.
//! `cargo run -p career-core --example scan_coverage -- DIR`
// A developer tool: a failed unwrap or index is a message, not a user's crash.
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use career_core::note::headings::{by_comrak, fast_scan};

fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/obsidian-help-en".into());
    let mut files = Vec::new();
    walk(std::path::Path::new(&dir), &mut files);
    let (mut gave_up, mut disagree) = (0, 0);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        match fast_scan(&text) {
            None => {
                gave_up += 1;
                // The first line whose prefix makes the scan give up.
                let mut end = 0;
                for line in text.split_inclusive('\n') {
                    end += line.len();
                    if fast_scan(&text[..end]).is_none() {
                        println!("gave up: {} at {:?}", file.display(), line.trim_end());
                        break;
                    }
                }
            }
            Some(fast) if fast != by_comrak(&text) => {
                disagree += 1;
                println!("DISAGREES: {}", file.display());
            }
            Some(_) => {}
        }
    }
    println!(
        "{} notes, fast scan gave up on {gave_up}, disagreed on {disagree}",
        files.len()
    );
}
