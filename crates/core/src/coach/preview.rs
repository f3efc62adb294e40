//! The change preview: which lines of the note an answer adds and removes.

use serde::Serialize;

/// One line of the change preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ChangeLine {
    /// `+` for an added line, `-` for a removed one.
    pub sign: char,
    /// The line's text.
    pub text: String,
}

/// A line diff between two versions of a note, for the preview: changed lines only.
pub fn changes(old: &str, new: &str) -> Vec<ChangeLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(a.len().min(b.len()) - prefix)
        .take_while(|(x, y)| x == y)
        .count();
    let a = a.get(prefix..a.len() - suffix).unwrap_or(&[]);
    let b = b.get(prefix..b.len() - suffix).unwrap_or(&[]);
    let line = |sign: char, text: &str| ChangeLine {
        sign,
        text: text.to_string(),
    };
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return a
            .iter()
            .map(|l| line('-', l))
            .chain(b.iter().map(|l| line('+', l)))
            .collect();
    }
    // Longest common subsequence over the changed region, in one flat table.
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    let at = |t: &[u32], i: usize, j: usize| t.get(i * width + j).copied().unwrap_or(0);
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let value = if a.get(i) == b.get(j) {
                at(&table, i + 1, j + 1) + 1
            } else {
                at(&table, i + 1, j).max(at(&table, i, j + 1))
            };
            if let Some(cell) = table.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (None, Some(y)) => {
                out.push(line('+', y));
                j += 1;
            }
            (Some(_), Some(y)) if at(&table, i, j + 1) > at(&table, i + 1, j) => {
                out.push(line('+', y));
                j += 1;
            }
            (Some(x), _) => {
                out.push(line('-', x));
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}
