//! What a session did beyond the coaching questions, phase by phase, so its
//! log covers every phase worked that day (the seed's log groups "What We
//! Did" by phase: profile, structure, coaching, blind spots, goals).
//!
//! The shells know some of it (the profile questions answered) and record
//! the rest as it happens, in [`Recorded`] (kept in `data.json`, so the CLI and
//! the plugin share it): an upgrade of the Career Index, a section added for a
//! blind spot. The rest is read from the career folder's notes by [`detect`]:
//! a Career Index created today, a blind spot analysis saved today, a goals
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

    /// These phases with what `recorded` holds for `today` added: its upgrades
    /// and the sections added for blind spots.
    #[must_use]
    pub fn with_recorded(mut self, recorded: &Recorded, today: &str) -> Phases {
        let more = recorded.phases(today);
        for item in more.structure {
            if !self.structure.contains(&item) {
                self.structure.push(item);
            }
        }
        if self.index_note.is_empty() {
            self.index_note = more.index_note;
        }
        if self.blind_spots.is_none() {
            self.blind_spots = more.blind_spots;
        }
        self
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
        if let Some(b) = self.blind_spots.as_ref().filter(|b| !b.note.is_empty()) {
            out.push(("Blind spot analysis".to_string(), b.note.clone()));
        }
        if let Some(g) = &self.goals {
            out.push((g.note.clone(), g.note.clone()));
        }
        out
    }
}

/// Today's work the shells record as it happens, shared through `data.json`
/// (key `phasesToday`): what an upgrade added to the Career Index, and the
/// sections added for blind spots. A record of another day claims nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Recorded {
    /// The day it is about (ISO).
    pub date: String,
    /// Phase 2: each upgrade ("Upgraded the Career Index: added Risk Register").
    pub structure: Vec<String>,
    /// The Career Index's name, once an upgrade changed it.
    pub index_note: String,
    /// Phase 4: the gaps a section was added for ("Risk Register: …").
    pub gaps: Vec<String>,
    /// Phase 4: the sections added for them.
    pub added: Vec<String>,
}

/// One piece of work to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Work {
    /// `career index upgrade` or "Create or upgrade career index" added sections.
    #[serde(rename_all = "camelCase")]
    Upgraded {
        /// The Career Index's name (a link target).
        index_note: String,
        /// What the upgrade added, as its plan lists it ("section Risk
        /// Register", "prompts under Vision", "properties").
        added: Vec<String>,
    },
    /// A blind spot's "Add section" (`career blindspots --add`).
    AddedForBlindSpot {
        /// The section added, by title.
        section: String,
        /// The gap it was added for ("Risk Register: The index has no Risk Register.").
        gap: String,
    },
}

impl Recorded {
    /// The record with `work` done on `today` (a record of another day is replaced).
    #[must_use]
    pub fn with(self, today: &str, work: Work) -> Recorded {
        let mut r = if self.date == today {
            self
        } else {
            Recorded {
                date: today.to_string(),
                ..Recorded::default()
            }
        };
        let push = |list: &mut Vec<String>, item: String| {
            if !item.trim().is_empty() && !list.contains(&item) {
                list.push(item);
            }
        };
        match work {
            Work::Upgraded { index_note, added } => {
                let sections: Vec<&str> = added
                    .iter()
                    .filter_map(|a| a.strip_prefix("section "))
                    .collect();
                let other: Vec<&str> = added
                    .iter()
                    .map(String::as_str)
                    .filter(|a| !a.starts_with("section ") && *a != "properties")
                    .collect();
                let what = [sections.join(", "), other.join(", ")]
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ");
                if !what.is_empty() {
                    push(
                        &mut r.structure,
                        format!("Upgraded the Career Index: added {what}"),
                    );
                    r.index_note = index_note;
                }
            }
            Work::AddedForBlindSpot { section, gap } => {
                push(&mut r.gaps, gap);
                push(&mut r.added, section);
            }
        }
        r
    }

    /// What it says was done on `today`, as phases (nothing for another day).
    pub fn phases(&self, today: &str) -> Phases {
        if self.date != today {
            return Phases::default();
        }
        Phases {
            structure: self.structure.clone(),
            index_note: self.index_note.clone(),
            blind_spots: (!self.added.is_empty()).then(|| BlindSpotWork {
                note: String::new(),
                gaps: self.gaps.clone(),
                added: self.added.clone(),
            }),
            ..Phases::default()
        }
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

/// What the shell knows (`known`: the profile questions answered and what
/// [`Recorded`] holds for today) with what [`detect`] reads from the notes:
/// Phase 2 lists both (the index created, then upgraded); Phase 4 is the
/// analysis saved today with the sections the shell added; the rest, the
/// shell's when it says it.
pub fn merged(known: Phases, today: &str, notes: &[(String, String)]) -> Phases {
    let found = detect(today, notes);
    let mut structure = found.structure;
    for item in known.structure {
        if !structure.contains(&item) {
            structure.push(item);
        }
    }
    let blind_spots = match (known.blind_spots, found.blind_spots) {
        (Some(k), Some(f)) => Some(BlindSpotWork {
            note: if k.note.is_empty() { f.note } else { k.note },
            gaps: if f.gaps.is_empty() { k.gaps } else { f.gaps },
            added: k.added,
        }),
        (k, f) => k.or(f),
    };
    Phases {
        index_note: if known.index_note.is_empty() {
            found.index_note
        } else {
            known.index_note
        },
        structure,
        blind_spots,
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
