//! What a session did beyond the coaching questions, phase by phase, so its
//! log covers every phase worked that day (the seed's log groups "What We
//! Did" by phase: profile, structure, coaching, blind spots, goals).
//!
//! The shells know some of it (the profile questions answered, an upgrade
//! run); the rest is read from the career folder's notes by [`detect`]: a
//! Career Index created today, a blind spot analysis saved today, a goals
//! note created today. Only a session run in the product is detected; a log
//! for a session held elsewhere claims only what it was told.

use serde::{Deserialize, Serialize};

use crate::note::frontmatter::{frontmatter, Value};

/// The work of one session outside the coaching questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Phases {
    /// Phase 1: what the profile got ("Communication preferences: direct, brief").
    pub profile: Vec<String>,
    /// The profile note's name (a link target, e.g. `CLAUDE.md`), when `profile` is not empty.
    pub profile_note: String,
    /// Phase 2: what changed in the Career Index's structure.
    pub structure: Vec<String>,
    /// The Career Index's name, when Phase 2 created or changed it.
    pub index_note: String,
    /// Phase 4: the blind spot analysis, when one was done.
    pub blind_spots: Option<BlindSpotWork>,
    /// Phase 5: the goals note created.
    pub goals: Option<GoalsWork>,
}

/// A blind spot analysis done in the session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BlindSpotWork {
    /// The saved analysis note's name.
    pub note: String,
    /// The gaps found ("Network: every sponsor is internal").
    pub gaps: Vec<String>,
    /// Sections added because of them.
    pub added: Vec<String>,
}

/// A goals note created in the session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GoalsWork {
    /// The goals note's name.
    pub note: String,
    /// Its annual goals, one line each ("G1 — Be known outside").
    pub goals: Vec<String>,
    /// How many quarters have an intention.
    pub quarters: usize,
    /// How many monthly milestones it holds.
    pub milestones: usize,
}

impl Phases {
    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.profile.is_empty()
            && self.structure.is_empty()
            && self.blind_spots.is_none()
            && self.goals.is_none()
    }

    /// The notes it created or changed besides the Career Index: (label, link
    /// target, `#heading` allowed).
    pub fn artifacts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.index_note.is_empty() {
            out.push(("Career Index".to_string(), self.index_note.clone()));
        }
        if !self.profile.is_empty() {
            out.push((
                "User Preferences".to_string(),
                format!("{}#User Preferences", self.profile_note),
            ));
        }
        if let Some(b) = &self.blind_spots {
            out.push(("Blind spot analysis".to_string(), b.note.clone()));
        }
        if let Some(g) = &self.goals {
            out.push((g.note.clone(), g.note.clone()));
        }
        out
    }
}

fn scalar(text: &str, key: &str) -> Option<String> {
    match frontmatter(text)?.get(key).map(|k| k.value.clone()) {
        Some(Value::Scalar(v)) => Some(v.trim().trim_matches('"').to_string()),
        _ => None,
    }
}

fn note_name(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file).to_string()
}

/// Reads what was done today from the career folder's notes (vault path, text).
pub fn detect(today: &str, notes: &[(String, String)]) -> Phases {
    let mut phases = Phases::default();
    for (path, text) in notes {
        let kind = scalar(text, "type").unwrap_or_default();
        match kind.as_str() {
            "career-index" if scalar(text, "created").as_deref() == Some(today) => {
                let sections = crate::note::outline::sections(text)
                    .iter()
                    .filter(|s| s.level == 2)
                    .count();
                phases.structure.push(format!(
                    "Created the Career Index from the template ({sections} sections)"
                ));
                phases.index_note = note_name(path);
            }
            "blind-spot-analysis" if scalar(text, "date").as_deref() == Some(today) => {
                let gaps = text
                    .lines()
                    .filter_map(|l| {
                        l.strip_prefix("- [ ] **")
                            .or_else(|| l.strip_prefix("- [x] **"))
                    })
                    .filter_map(|l| l.split_once("**: "))
                    .map(|(section, evidence)| format!("{section}: {}", strip_line_ref(evidence)))
                    .collect();
                phases.blind_spots = Some(BlindSpotWork {
                    note: note_name(path),
                    gaps,
                    added: Vec::new(),
                });
            }
            "goals" if scalar(text, "created").as_deref() == Some(today) => {
                let read = crate::goals::read(text);
                phases.goals = Some(GoalsWork {
                    note: note_name(path),
                    goals: read
                        .goals
                        .iter()
                        .map(|g| format!("{} — {}", g.id, g.outcome))
                        .collect(),
                    quarters: read
                        .quarters
                        .iter()
                        .filter(|q| !q.intention.trim().is_empty())
                        .count(),
                    milestones: read.milestones.len(),
                });
            }
            _ => {}
        }
    }
    phases
}

/// What the shell knows (`known`: the profile questions answered) with what
/// [`detect`] reads from the notes; what the shell says wins.
pub fn merged(known: Phases, today: &str, notes: &[(String, String)]) -> Phases {
    let found = detect(today, notes);
    Phases {
        index_note: if known.index_note.is_empty() {
            found.index_note
        } else {
            known.index_note
        },
        structure: if known.structure.is_empty() {
            found.structure
        } else {
            known.structure
        },
        blind_spots: known.blind_spots.or(found.blind_spots),
        goals: known.goals.or(found.goals),
        ..known
    }
}

/// `evidence (line 12)` → `evidence`.
fn strip_line_ref(evidence: &str) -> &str {
    match evidence.rfind(" (line ") {
        Some(at) if evidence.ends_with(')') => &evidence[..at],
        _ => evidence,
    }
}
