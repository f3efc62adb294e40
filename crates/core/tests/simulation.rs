//! Lives a person's planning years day by day and checks, after every day,
//! that the maintenance loop never loses track of work (issue 15).
//!
//! Three planning years: calendar 2026 (with ISO week 2026-W53) and 2027,
//! then FY2028 starting in April. A seeded random mix each day: adding,
//! ticking, dropping and keeping actions; ticking milestones; setting a goal
//! Complete; doing each due review on time, late or not at all (holidays
//! of up to four months); quarterly intentions kept or changed; an annual
//! review that chooses next year's theme, which the next goals note uses.
//!
//! Invariants, after every day:
//! - No unfinished item is stranded: every open item is in a current or
//!   future period, or in a period still due for review (so the next review
//!   carries it), or was kept by the person, or sits in its year's last
//!   period (not carried into next year's note; the review says so).
//! - Nothing that was due disappears unreviewed: a period once due stays in
//!   `due` (covered or skipped) until a review settles it.
//! - No review note is duplicated, and no review is written over another.
//! - Carried counts are exact: each item has at most one open copy, whose
//!   `[carried:: N]` is the number of times it moved, with N `[>]` originals.
//! - Progress figures agree: the overall figure is done ÷ counted items,
//!   the same in the terminal text, the JSON and the markdown tables (the
//!   progress chart reads the same tally: see `progress_formula.rs`).
//! - `due` and the `.ics` agree: each event starts on the first due day of
//!   the current period of its kind.
//!
//! CI runs `CAREER_SIM_SEEDS` seeds (2 by default, per test); the longer run is
//! `CAREER_SIM_SEEDS=200 cargo test --release -p career-core --test simulation`.

// Test support: a failed unwrap is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::too_many_lines,
    clippy::panic,
    clippy::unreachable
)]

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use career_core::edit::{apply, Applied, TextEdit};
use career_core::goals::edits::{add_action, set_status};
use career_core::goals::model::{read, ItemState};
use career_core::goals::progress::{progress, render_markdown, render_text};
use career_core::goals::template::{render, GoalDraft, GoalsInput, MilestoneDraft, QuarterDraft};
use career_core::reviews::calendar::calendar_for;
use career_core::reviews::due::{due_from, due_in, started, KINDS};
use career_core::reviews::{
    next_review, plan_review, planned_theme, reviews_in, Answers, Decision, ReviewInput,
};
use career_core::templates::links::LinkFormat;
use career_core::{Day, FiscalYear, Period, PeriodKind, Settings};

/// xorshift64*: small, seeded, the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap()
    }
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn edited(text: &str, edits: &[TextEdit]) -> String {
    match apply(text, edits).unwrap() {
        Applied::Changed(new) => new,
        Applied::Unchanged => text.to_string(),
    }
}

/// The person, their vault and what the test knows about them.
struct Life {
    rng: Rng,
    settings: Settings,
    fiscal: FiscalYear,
    /// Vault path → text.
    notes: BTreeMap<String, String>,
    /// Periods ever listed as due.
    ever_due: BTreeSet<Period>,
    /// Items (by text) the person kept where they were.
    kept: BTreeSet<String>,
    /// Times each item (by text) was carried.
    carried: BTreeMap<String, u32>,
    /// Items left open because their next period is in next year's note.
    left_at_year_end: BTreeSet<String>,
    /// No reviews until this day.
    holiday_until: Day,
    /// Goals notes as last read (path → text, note), read again when they change.
    parsed: BTreeMap<String, (String, Rc<career_core::goals::model::GoalsNote>)>,
    /// `notes` as a list, until a note changes.
    cached: Option<Rc<Vec<(String, String)>>>,
    /// Open items already seen to be collected by the next review (item, next review's period).
    verified: BTreeSet<(String, Period, usize)>,
    next_id: usize,
    reviews_written: usize,
}

impl Life {
    fn new(seed: u64, start_month: u32) -> Self {
        let settings = Settings {
            fiscal_year_start_month: start_month,
            ..Settings::default()
        };
        let fiscal = settings.fiscal().unwrap();
        Self {
            rng: Rng::new(seed),
            settings,
            fiscal,
            notes: BTreeMap::new(),
            ever_due: BTreeSet::new(),
            kept: BTreeSet::new(),
            carried: BTreeMap::new(),
            left_at_year_end: BTreeSet::new(),
            holiday_until: day("1999-01-01"),
            cached: None,
            parsed: BTreeMap::new(),
            verified: BTreeSet::new(),
            next_id: 0,
            reviews_written: 0,
        }
    }

    /// The vault's notes as the shells pass them (cached until a note changes).
    fn list(&mut self) -> Rc<Vec<(String, String)>> {
        if let Some(list) = &self.cached {
            return Rc::clone(list);
        }
        let list: Rc<Vec<(String, String)>> = Rc::new(
            self.notes
                .iter()
                .map(|(p, t)| (p.clone(), t.clone()))
                .collect(),
        );
        self.cached = Some(Rc::clone(&list));
        list
    }

    /// Writes a note. A review note keeps only its frontmatter here: that is
    /// all `due` reads, and it keeps a long life fast.
    fn put(&mut self, path: &str, text: &str) {
        let kept = if path.ends_with("Review.md") {
            let end = text
                .get(4..)
                .and_then(|t| t.find("\n---\n"))
                .map_or(text.len(), |i| i + 9);
            &text[..end]
        } else {
            text
        };
        self.notes.insert(path.to_string(), kept.to_string());
        self.cached = None;
    }

    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix} {}", self.next_id)
    }

    fn goals_path(&self, year: i32) -> String {
        self.settings.goals_path(year).unwrap()
    }

    /// Creates the planning year's goals note (its theme from last year's annual review).
    fn plan_year(&mut self, year: i32, today: Day) {
        let theme = planned_theme(year, &self.list()).unwrap_or_else(|| format!("Theme {year}"));
        let months = Period::Year { year }.months(self.fiscal);
        let mut milestones = Vec::new();
        for month in months {
            for _ in 0..(1 + self.rng.below(2)) {
                let text = self.id("Milestone");
                let goal = format!("G{}", 1 + self.rng.below(2));
                milestones.push(MilestoneDraft { month, text, goal });
            }
        }
        let input = GoalsInput {
            year,
            theme: theme.clone(),
            vision: "Lead a mission-driven engineering org".into(),
            goals: vec![
                GoalDraft {
                    outcome: "Be known outside the company".into(),
                    metric: "3 talks".into(),
                },
                GoalDraft {
                    outcome: "Publish the thesis".into(),
                    metric: "Paper out".into(),
                },
            ],
            quarters: (1..=4)
                .map(|quarter| QuarterDraft {
                    quarter,
                    intention: format!("Intention {year}-{quarter}"),
                    focus: format!("Focus {year}-{quarter}"),
                })
                .collect(),
            milestones,
        };
        let text = render(
            &input,
            "0_Career_Index",
            LinkFormat::default(),
            self.fiscal,
            today,
        )
        .unwrap();
        assert!(
            read(&text).theme.as_deref() == Some(theme.as_str()),
            "the goals note takes the theme the annual review chose"
        );
        let path = self.goals_path(year);
        assert!(!self.notes.contains_key(&path));
        self.put(&path, &text);
    }

    fn year_of(&self, p: Period) -> i32 {
        career_core::reviews::goals_year(p, self.fiscal)
    }

    /// Adds, ticks, drops actions and milestones; sometimes completes a goal.
    fn work(&mut self, today: Day) {
        let week = Period::containing(PeriodKind::Week, today, self.fiscal);
        let path = self.goals_path(self.year_of(week));
        let Some(text) = self.notes.get(&path).cloned() else {
            return;
        };
        let mut text = text;
        if self.rng.chance(25) {
            let action = self.id("Action");
            let goal = format!("G{}", 1 + self.rng.below(2));
            let edits = add_action(&text, week, &action, Some(&goal)).unwrap();
            text = edited(&text, &edits);
        }
        let note = read(&text);
        let open: Vec<_> = note
            .actions
            .iter()
            .chain(&note.milestones)
            .filter(|i| {
                i.state == ItemState::Open
                    && i.period <= Period::containing(i.period.kind(), today, self.fiscal)
            })
            .collect();
        if !open.is_empty() && self.rng.chance(40) {
            let item = open[self.rng.below(open.len())];
            let status = if self.rng.chance(85) { "x" } else { "-" };
            text = edited(&text, &[TextEdit::replace(&text, item.status_span, status)]);
        }
        if self.rng.chance(1) {
            let goal = format!("G{}", 1 + self.rng.below(2));
            text = edited(&text, &set_status(&text, &goal, "Complete").unwrap());
        }
        self.put(&path, &text);
    }

    /// Does the review of `kind` that is due, if the person feels like it.
    fn maybe_review(&mut self, kind: PeriodKind, today: Day) {
        let list = self.list();
        let found = due_in(today, self.fiscal, &list);
        if !found.iter().any(|d| d.kind == kind) || today < self.holiday_until {
            return;
        }
        let willing = match kind {
            PeriodKind::Week => 45,
            PeriodKind::Month => 30,
            PeriodKind::Quarter => 30,
            PeriodKind::Year => 40,
        };
        if !self.rng.chance(willing) {
            return;
        }
        let reviews = reviews_in(&list);
        let start = started(&list, self.fiscal);
        let (period, covers, skipped) = next_review(kind, today, self.fiscal, start, &reviews);
        let year = self.year_of(period);
        let goals_path = self.goals_path(year);
        let next_goals_path = self.goals_path(year + 1);
        let mut answers = Answers::default();
        if kind == PeriodKind::Quarter && self.rng.chance(40) {
            answers.next_intention = Some(self.id("Changed intention"));
        }
        if kind == PeriodKind::Year {
            answers.next_theme = Some(self.id("Theme"));
        }
        let mut input = ReviewInput {
            period: Some(period),
            covers,
            skipped,
            today: today.iso(),
            settings: self.settings.clone(),
            goals_text: self.notes.get(&goals_path).cloned(),
            next_goals_text: self.notes.get(&next_goals_path).cloned(),
            previous_goals_text: self.notes.get(&self.goals_path(year - 1)).cloned(),
            reviews,
            answers,
            ..ReviewInput::default()
        };
        let mut plan = plan_review(&input).unwrap();
        // The person keeps or drops some unfinished items; the rest are carried.
        for c in plan
            .carried
            .iter()
            .filter(|c| c.decision == Decision::Carry)
        {
            let roll = self.rng.next() % 100;
            if roll < 8 {
                input.answers.keep.push(c.text.clone());
            } else if roll < 16 {
                input.answers.drop.push(c.text.clone());
            }
        }
        if !input.answers.keep.is_empty() || !input.answers.drop.is_empty() {
            plan = plan_review(&input).unwrap();
        }
        let next_in_same_year = self.year_of(period.next(self.fiscal)) == year;
        let before_next = if next_in_same_year {
            input.goals_text.as_deref()
        } else {
            input.next_goals_text.as_deref()
        }
        .map(read);
        if let Some(g) = &plan.goals {
            self.put(&g.path, &g.new_text);
        }
        if let Some(g) = &plan.next_goals {
            self.put(&g.path, &g.new_text);
        }
        if let Some(g) = &plan.previous_goals {
            self.put(&g.path, &g.new_text);
        }
        let note = plan.create.as_ref().unwrap();
        assert!(
            !self.notes.contains_key(&note.path),
            "a review is never written over another: {}",
            note.path
        );
        self.put(&note.path, &note.text);
        self.reviews_written += 1;
        for c in &plan.carried {
            match c.decision {
                Decision::Keep => {
                    self.kept.insert(c.text.clone());
                }
                Decision::Drop => {}
                Decision::Carry if c.moved => {
                    *self.carried.entry(c.text.clone()).or_default() += 1;
                }
                Decision::Carry => {
                    self.left_at_year_end.insert(c.text.clone());
                }
            }
        }
        if kind == PeriodKind::Quarter {
            // Next quarter's intention is kept unless changed.
            let next = period.next(self.fiscal);
            let Period::Quarter { quarter, .. } = next else {
                unreachable!()
            };
            if let (Some(before), Some(after)) = (
                before_next.as_ref(),
                self.notes.get(&self.goals_path(self.year_of(next))),
            ) {
                let was = before.quarter(quarter).map(|q| q.intention.clone());
                let now = read(after).quarter(quarter).map(|q| q.intention.clone());
                let expected = input.answers.next_intention.clone().or(was);
                assert_eq!(
                    now, expected,
                    "{next}'s intention after the review of {period}"
                );
            }
        }
        if kind == PeriodKind::Year {
            let Period::Year { year: y } = period else {
                unreachable!()
            };
            assert_eq!(
                planned_theme(y + 1, &self.list()),
                input.answers.next_theme,
                "next year's theme is recorded"
            );
        }
    }

    /// Whether the review of `kind` a person would do now carries (or asks
    /// about) the open item `text`.
    fn next_review_collects(&mut self, today: Day, kind: PeriodKind, text: &str) -> bool {
        let list = self.list();
        let reviews = reviews_in(&list);
        let start = started(&list, self.fiscal);
        let (period, covers, skipped) = next_review(kind, today, self.fiscal, start, &reviews);
        // The same item, the same next review and no review written since: already seen.
        let key = (text.to_string(), period, self.reviews_written);
        if self.verified.contains(&key) {
            return true;
        }
        let year = self.year_of(period);
        let input = ReviewInput {
            period: Some(period),
            covers,
            skipped,
            today: today.iso(),
            settings: self.settings.clone(),
            goals_text: self.notes.get(&self.goals_path(year)).cloned(),
            next_goals_text: self.notes.get(&self.goals_path(year + 1)).cloned(),
            previous_goals_text: self.notes.get(&self.goals_path(year - 1)).cloned(),
            reviews,
            ..ReviewInput::default()
        };
        let plan = plan_review(&input).unwrap();
        let found = plan.carried.iter().any(|c| c.text == text);
        if found {
            // Whatever this plan collects is collected until the notes change.
            for c in &plan.carried {
                self.verified
                    .insert((c.text.clone(), period, self.reviews_written));
            }
        }
        found
    }

    /// Every invariant, on `today`.
    fn check(&mut self, today: Day) {
        let list = self.list();
        let reviews = reviews_in(&list);
        let found = due_in(today, self.fiscal, &list);
        let due_now: BTreeSet<Period> = found
            .iter()
            .flat_map(|d| d.covers.iter().chain(&d.skipped).copied())
            .collect();
        let done: BTreeSet<Period> = reviews
            .iter()
            .flat_map(|r| r.covers.iter().chain(&r.skipped).copied().chain([r.period]))
            .collect();
        let settled = |p: Period| done.contains(&p);

        // Nothing that was due disappears unreviewed.
        self.ever_due.extend(due_now.iter().copied());
        for p in &self.ever_due {
            assert!(
                settled(*p) || due_now.contains(p),
                "{p} was due and vanished unreviewed on {}",
                today.iso()
            );
        }

        // No review note is duplicated.
        let mut seen = BTreeSet::new();
        for r in &reviews {
            assert!(seen.insert(r.period), "two reviews of {}", r.period);
        }

        // No unfinished item is stranded: one in a past period that the
        // person did not keep is picked up by the next review of its kind.
        let mut waiting: Vec<(Period, String)> = Vec::new();
        let mut parsed = Vec::new();
        for (path, text) in &self.notes {
            if !path.ends_with("Goals.md") {
                continue;
            }
            let (note, seen_before) = match self.parsed.get(path) {
                Some((old, note)) if old == text => (Rc::clone(note), true),
                _ => {
                    let note = Rc::new(read(text));
                    parsed.push((path.clone(), text.clone(), Rc::clone(&note)));
                    (note, false)
                }
            };
            for item in note.actions.iter().chain(&note.milestones) {
                if item.state != ItemState::Open {
                    continue;
                }
                let current = Period::containing(item.period.kind(), today, self.fiscal);
                let fine = item.period >= current || self.kept.contains(&item.text);
                if !fine {
                    waiting.push((item.period, item.text.clone()));
                }
            }
            // Progress figures agree across the text, the JSON and the block
            // (the figures do not depend on the day: checked when the note changes).
            if seen_before {
                continue;
            }
            let p = progress(&note, self.fiscal, today);
            let counted: Vec<_> = note
                .actions
                .iter()
                .chain(&note.milestones)
                .filter(|i| {
                    i.state.counts() && i.period.within(Period::Year { year: p.year }, self.fiscal)
                })
                .collect();
            let complete: Vec<&str> = note
                .goals
                .iter()
                .filter(|g| g.status.label() == "Complete")
                .map(|g| g.id.as_str())
                .collect();
            let done = counted
                .iter()
                .filter(|i| {
                    i.state == ItemState::Done
                        || i.goals.iter().any(|g| complete.contains(&g.as_str()))
                })
                .count();
            assert_eq!((p.overall.done, p.overall.total), (done, counted.len()));
            let percent = if counted.is_empty() {
                0
            } else {
                (done * 100 + counted.len() / 2) / counted.len()
            };
            assert_eq!(p.overall.percent as usize, percent, "done ÷ counted");
            let json = serde_json::to_value(&p).unwrap();
            assert_eq!(json["overall"]["done"], done);
            assert_eq!(json["overall"]["percent"], percent);
            let block = render_markdown(&p);
            assert!(block.contains(&format!(
                "**Overall:** {done}/{} done ({percent}%)",
                counted.len()
            )));
            let text_view = render_text(&p);
            assert!(text_view.contains(&format!("{percent:>3}%  {done}/{}", counted.len())));
            for g in &p.goals {
                if g.status.label() == "Complete" {
                    assert_eq!((g.tally.done, g.tally.percent), (g.tally.total, 100));
                }
            }
        }

        for (path, text, note) in parsed {
            self.parsed.insert(path, (text, note));
        }
        for (period, text) in waiting {
            let picked = self.next_review_collects(today, period.kind(), &text);
            assert!(
                picked,
                "\"{text}\" is stranded in {period} on {}",
                today.iso()
            );
        }

        // Carried counts are exact, across every goals note.
        let mut open: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut forwarded: BTreeMap<String, u32> = BTreeMap::new();
        for (path, text) in &self.notes {
            if !path.ends_with("Goals.md") {
                continue;
            }
            let note = read(text);
            for item in note.actions.iter().chain(&note.milestones) {
                match item.state {
                    ItemState::Open => open
                        .entry(item.text.clone())
                        .or_default()
                        .push(item.carried),
                    ItemState::Forwarded => *forwarded.entry(item.text.clone()).or_default() += 1,
                    _ => {}
                }
            }
        }
        for (text, counts) in &open {
            assert_eq!(
                counts.len(),
                1,
                "\"{text}\" is open in {} places",
                counts.len()
            );
            let moved = self.carried.get(text).copied().unwrap_or(0);
            assert_eq!(counts[0], moved, "\"{text}\" was carried {moved} times");
            assert_eq!(forwarded.get(text).copied().unwrap_or(0), moved, "{text}");
        }

        // `due` and the .ics agree.
        let ics = calendar_for(today, self.fiscal, "Simulated vault");
        let starts: Vec<&str> = ics
            .split("\r\n")
            .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
            .collect();
        for (kind, start) in KINDS.iter().zip(starts) {
            let first = due_from(Period::containing(*kind, today, self.fiscal), self.fiscal);
            assert_eq!(
                start,
                first.iso().replace('-', ""),
                "{kind:?} reminder on {}",
                today.iso()
            );
        }
    }
}

/// Lives from `first` to `last`, creating each planning year's goals note on its first day.
fn live(life: &mut Life, first: &str, last: &str) {
    let mut today = day(first);
    while today <= day(last) {
        let year = Period::containing(PeriodKind::Year, today, life.fiscal);
        let Period::Year { year: y } = year else {
            unreachable!()
        };
        if !life.notes.contains_key(&life.goals_path(y)) {
            life.plan_year(y, today);
        }
        if today >= life.holiday_until && life.rng.chance(1) {
            let days = 7 + i64::try_from(life.rng.below(120)).unwrap();
            life.holiday_until = today.add_days(days);
        }
        life.work(today);
        for kind in KINDS {
            life.maybe_review(kind, today);
        }
        life.check(today);
        today = today.add_days(1);
    }
}

fn seeds() -> u64 {
    std::env::var("CAREER_SIM_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2)
}

#[test]
fn calendar_years_2026_and_2027_with_week_53() {
    for seed in 1..=seeds() {
        let mut life = Life::new(seed, 1);
        live(&mut life, "2026-01-01", "2028-01-20");
        assert!(
            life.reviews_written > 50,
            "seed {seed}: a life with reviews"
        );
        let goals = &life.notes[&life.goals_path(2026)];
        assert!(
            goals.contains("### 2026-W53") || !goals.contains("2026-W52"),
            "seed {seed}"
        );
    }
}

#[test]
fn a_planning_year_from_april() {
    for seed in 1..=seeds() {
        let mut life = Life::new(1000 + seed, 4);
        live(&mut life, "2028-04-01", "2029-04-20");
        assert!(
            life.reviews_written > 20,
            "seed {seed}: a life with reviews"
        );
    }
}
