//! Reading a free-text answer into the fields the question asks for.
//!
//! This is the "confirm understanding" half of the method: the coach shows the
//! reading back before anything is written, so a misreading costs one "Edit",
//! never a wrong note. Nothing the person typed is dropped: text that fits no
//! field is kept in `unplaced` and shown too.

use serde::Serialize;

use crate::coach::parse;
use crate::coach::questions::{QuestionSet, Shape};

/// Fields whose value is a figure: the number (with its unit) is read out of the clause.
const NUMERIC: &[&str] = &["direct_reports", "total_org", "budget"];

/// One understood field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValue {
    /// Field id.
    pub field: String,
    /// Field label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// What the coach understood from an answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Reading {
    /// Named fields (`Fields` and `Text` shapes).
    pub fields: Vec<FieldValue>,
    /// Entries, each with one value per field in order (`Entries` shape).
    pub entries: Vec<Vec<String>>,
    /// Items (`Items` shape).
    pub items: Vec<String>,
    /// Fields the answer did not give (asked as follow-ups).
    pub missing: Vec<String>,
    /// Text that fits no field, kept so nothing typed is lost.
    pub unplaced: Vec<String>,
    /// Entries to remove, by name (`remove NAME` in an answer; entries only).
    pub remove: Vec<String>,
}

impl Reading {
    /// Whether the reading holds anything to write.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.entries.is_empty()
            && self.items.is_empty()
            && self.remove.is_empty()
    }

    /// The value of a field, if read.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.value.as_str())
    }

    /// The reading as short lines for people: `Label: value`, `a · b · c`, items.
    pub fn summary(&self) -> Vec<String> {
        let fields = self
            .fields
            .iter()
            .map(|f| format!("{}: {}", f.label, f.value));
        let entries = self.entries.iter().map(|e| {
            e.iter()
                .filter(|v| !v.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ")
        });
        fields
            .chain(entries)
            .chain(self.items.iter().cloned())
            .collect()
    }

    /// Sets a field (a follow-up's answer), replacing an earlier value.
    pub fn set(&mut self, questions: &QuestionSet, field: &str, value: &str) {
        let Some(def) = questions.fields.iter().find(|f| f.id == field) else {
            return;
        };
        self.fields.retain(|f| f.field != field);
        let value = value.trim();
        if !value.is_empty() {
            self.fields.push(FieldValue {
                field: field.into(),
                label: def.label.into(),
                value: value.into(),
            });
        }
        self.missing.retain(|m| m != field);
        let order: Vec<&str> = questions.fields.iter().map(|f| f.id).collect();
        crate::order::sort_by_key(&mut self.fields, |f| {
            order.iter().position(|id| *id == f.field)
        });
    }
}

/// Splits an answer into its pieces: lines, and `;` (one-line scripted answers).
fn pieces(answer: &str) -> Vec<String> {
    answer
        .lines()
        .flat_map(|l| l.split(';'))
        .map(|p| strip_marker(p.trim()).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Drops a leading list or task marker a person might type.
fn strip_marker(text: &str) -> &str {
    let t = text.trim_start();
    for marker in ["- [ ] ", "- [x] ", "* [ ] ", "- ", "* ", "+ ", "• "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
    {
        return t.get(digits + 2..).unwrap_or(t).trim_start();
    }
    t
}

/// An answer's non-empty lines, trimmed and joined by spaces: a pasted
/// multi-line answer read as one value.
pub(crate) fn joined(answer: &str) -> String {
    answer
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits an entry into parts: `|` first, then tabs, dashes, then commas.
pub(crate) fn parts(entry: &str, wanted: usize) -> Vec<String> {
    let separators = ["|", "\t", " — ", " – ", " - ", ","];
    let split: Vec<String> = separators
        .iter()
        .find(|sep| entry.contains(**sep))
        .map_or_else(
            || vec![entry.to_string()],
            |sep| entry.split(*sep).map(|p| p.trim().to_string()).collect(),
        );
    if split.len() <= wanted {
        return split;
    }
    // Extra separators belong to the last field (a description with commas).
    let mut head: Vec<String> = split.iter().take(wanted - 1).cloned().collect();
    let sep = separators
        .iter()
        .find(|sep| entry.contains(**sep))
        .copied()
        .unwrap_or(",");
    let joiner = if sep == "," { ", " } else { sep };
    head.push(
        split
            .iter()
            .skip(wanted - 1)
            .cloned()
            .collect::<Vec<_>>()
            .join(joiner)
            .trim()
            .to_string(),
    );
    head
}

/// Reads `answer` for `questions`. `year` is this year, for entries without one.
pub fn read(questions: &QuestionSet, answer: &str, year: i32) -> Reading {
    let mut reading = Reading::default();
    match questions.shape {
        Shape::Text => {
            let text = joined(answer);
            let text = text
                .trim_matches(|c| c == '"' || c == '“' || c == '”')
                .trim()
                .to_string();
            if let Some(field) = questions.fields.first() {
                if text.is_empty() {
                    reading.missing.push(field.id.into());
                } else {
                    reading.fields.push(FieldValue {
                        field: field.id.into(),
                        label: field.label.into(),
                        value: text,
                    });
                }
            }
        }
        Shape::Items => {
            reading.items = pieces(answer)
                .iter()
                .flat_map(|p| parse::list_items(p))
                .collect();
        }
        Shape::Entries => {
            if questions.section == "timeline" {
                let lines: Vec<String> = answer
                    .lines()
                    .map(|l| strip_marker(l.trim()).to_string())
                    .filter(|l| !l.is_empty())
                    .collect();
                if let Some(rows) = parse::pasted_history(&lines) {
                    reading.entries = rows;
                    return reading;
                }
            }
            for piece in pieces(answer) {
                let lower = piece.to_lowercase();
                if let Some(key) = lower
                    .strip_prefix("remove ")
                    .and_then(|_| piece.get("remove ".len()..))
                {
                    reading.remove.push(key.trim().to_string());
                    continue;
                }
                let entry = entry(questions, &piece, year);
                if entry.iter().any(|v| !v.is_empty()) {
                    reading.entries.push(entry);
                }
            }
        }
        Shape::Fields => read_fields(questions, answer, &mut reading),
    }
    reading
}

fn entry(questions: &QuestionSet, piece: &str, year: i32) -> Vec<String> {
    let n = questions.fields.len();
    let mut values = parts(piece, n);
    match questions.section {
        // "2025 | title | description" or "title | description".
        "wins" => {
            let has_year = values
                .first()
                .is_some_and(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()));
            if !has_year {
                values = parts(piece, n - 1);
                values.insert(0, year.to_string());
            }
        }
        // The kind (sponsor, mentor, advisor, mentee) may be anywhere in the entry.
        "network" => {
            let kind_at = values.iter().position(|v| network_kind(v).is_some());
            match kind_at {
                Some(1) => {}
                Some(i) => {
                    let kind = values.remove(i);
                    values.insert(1.min(values.len()), kind);
                }
                None => values.insert(1.min(values.len()), String::new()),
            }
            if let Some(kind) = values.get_mut(1) {
                *kind = network_kind(kind).unwrap_or("sponsor").to_string();
            }
        }
        "timeline" => values = parse::timeline_row(values),
        _ => {}
    }
    // Never drop a value: what overflows the columns joins the last one.
    if values.len() > n && n > 0 {
        let tail: Vec<String> = values
            .split_off(n - 1)
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect();
        values.push(tail.join("; "));
    }
    values.resize(n, String::new());
    values
}

/// The network kind a word names, if any.
pub fn network_kind(text: &str) -> Option<&'static str> {
    let t = text.trim().to_lowercase();
    ["sponsor", "mentor", "advisor", "mentee"]
        .into_iter()
        .find(|k| t == *k || t == format!("{k}s") || t == "adviser" && *k == "advisor")
}

fn read_fields(questions: &QuestionSet, answer: &str, reading: &mut Reading) {
    // Commas split a sentence only when every piece then names a field: prose keeps its commas.
    let mut fragments: Vec<String> = Vec::new();
    for sentence in pieces(answer).iter().flat_map(|l| parse::sentences(l)) {
        let comma_pieces: Vec<String> = sentence
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if comma_pieces.len() > 1
            && comma_pieces
                .iter()
                .all(|p| field_of(questions, p).is_some())
        {
            fragments.extend(comma_pieces);
        } else {
            fragments.push(sentence);
        }
    }
    let mut first_free = true;
    for fragment in fragments {
        if read_figures(questions, &fragment, reading) {
            continue;
        }
        let labeled = field_of(questions, &fragment)
            .map(|(id, value)| (id, parse::trim_punctuation(&value).to_string()));
        match labeled {
            Some((id, value)) if reading.get(id).is_none() => reading.set(questions, id, &value),
            Some(_) => reading.unplaced.push(fragment),
            // The first unlabelled line is the sentence the question asks for first.
            None if first_free
                && questions
                    .fields
                    .first()
                    .is_some_and(|f| reading.get(f.id).is_none())
                && matches!(questions.section, "vision" | "headline") =>
            {
                if let Some(first) = questions.fields.first() {
                    reading.set(questions, first.id, &fragment);
                }
                first_free = false;
            }
            None => reading.unplaced.push(fragment),
        }
    }
    reading.missing = questions
        .fields
        .iter()
        .filter(|f| reading.get(f.id).is_none())
        .map(|f| f.id.to_string())
        .collect();
}

/// Reads a sentence that gives figures ("6 direct reports and about 40 people,
/// with a 9M budget"): each clause naming a numeric field and holding a number
/// sets that field; the other clauses are read as fields or kept. False when
/// the sentence gives no figure.
fn read_figures(questions: &QuestionSet, sentence: &str, reading: &mut Reading) -> bool {
    let figure = |clause: &str| -> Option<(&'static str, String)> {
        let lower = clause.to_lowercase();
        if clause.contains(':') {
            return None;
        }
        let field = questions
            .fields
            .iter()
            .filter(|f| NUMERIC.contains(&f.id))
            .find(|f| f.cues.iter().any(|c| find_word(&lower, c).is_some()))?;
        Some((field.id, parse::number(clause)?))
    };
    let clauses = parse::clauses(sentence);
    if !clauses.iter().any(|c| figure(c).is_some()) {
        return false;
    }
    let mut rest = Vec::new();
    for clause in clauses {
        match figure(&clause) {
            Some((id, value)) if reading.get(id).is_none() => reading.set(questions, id, &value),
            Some(_) => rest.push(clause),
            None => match field_of(questions, &clause) {
                Some((id, value)) if reading.get(id).is_none() => {
                    reading.set(questions, id, parse::trim_punctuation(&value));
                }
                _ => rest.push(clause),
            },
        }
    }
    if !rest.is_empty() {
        reading.unplaced.push(rest.join(", "));
    }
    true
}
/// Where `cue` occurs in `lower` as a word of its own (a plural `s` allowed).
fn find_word(lower: &str, cue: &str) -> Option<usize> {
    lower.match_indices(cue).map(|(at, _)| at).find(|&at| {
        let before = lower.get(..at).and_then(|s| s.chars().last());
        let rest = lower.get(at + cue.len()..).unwrap_or("");
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        !before.is_some_and(char::is_alphanumeric)
            && !rest.chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// The field a fragment gives: `Label: value`, a bare link, or a cue word next to the value.
fn field_of(questions: &QuestionSet, fragment: &str) -> Option<(&'static str, String)> {
    let bare = fragment.trim();
    let is_url =
        bare.starts_with("http://") || bare.starts_with("https://") || bare.starts_with("www.");
    if is_url && !bare.contains(' ') {
        if let Some(link) = questions.fields.iter().find(|f| f.id == "link") {
            return Some((link.id, bare.to_string()));
        }
    }
    if let Some((label, value)) = fragment.split_once(':') {
        let label = label.trim().trim_matches('*').trim().to_lowercase();
        let found = questions.fields.iter().find(|f| {
            f.label.to_lowercase() == label
                || f.id.replace('_', " ") == label
                || f.cues.contains(&label.as_str())
        });
        if let Some(f) = found {
            return Some((f.id, value.trim().to_string()));
        }
    }
    let lower = fragment.to_lowercase();
    for f in questions.fields {
        // Longest cue first, so "total org" wins over "org".
        let mut cues: Vec<&&str> = f.cues.iter().collect();
        crate::order::sort_by_key(&mut cues, |c| std::cmp::Reverse(c.len()));
        for cue in cues {
            if let Some(at) = find_word(&lower, cue) {
                let before = fragment.get(..at).unwrap_or("").trim();
                let after = fragment
                    .get(at + cue.len()..)
                    .unwrap_or("")
                    .trim_start_matches('s')
                    .trim()
                    .trim_start_matches(':')
                    .trim();
                // "focus: X", "X budget": the value is the other side of the cue;
                // words on both sides keep the whole fragment, so none is lost.
                let value = match (before.is_empty(), after.is_empty()) {
                    (true, _) => after,
                    (false, true) => before.trim_end_matches(" of").trim(),
                    (false, false) => fragment.trim(),
                };
                let value = value.trim_start_matches("of ").trim();
                if !value.is_empty() {
                    return Some((f.id, value.to_string()));
                }
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
