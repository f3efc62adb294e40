//! The employer and its variants.
//!
//! A note names its company as it pleases: "Northwind Insurance" in the
//! timeline, "Northwind" in the sponsor rows, "Northwind Insurance Group,
//! Inc." in the profile. [`Employer::forms`] are the names that mean the same
//! company: the full name, the name without legal and sector suffixes (Inc,
//! Ltd, LLC, Insurance, Bank, Group, Corp…), and its shortest distinctive
//! form (the first word, when that word is not generic).

use super::{section, section_entries, Entry, Form};
use crate::note::aliases::normalize;

/// Words a company name may carry or drop without naming another company.
pub const SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "plc",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "bv",
    "nv",
    "pty",
    "group",
    "holdings",
    "holding",
    "insurance",
    "assurance",
    "bank",
    "banking",
    "financial",
    "services",
    "technologies",
    "technology",
    "tech",
    "labs",
    "systems",
    "solutions",
    "partners",
    "consulting",
    "global",
    "international",
    "& co",
    "and co",
    "the",
];

/// First words too common to name one company on their own.
const GENERIC: &[&str] = &[
    "the",
    "first",
    "national",
    "american",
    "global",
    "united",
    "general",
    "new",
    "international",
    "royal",
    "bank",
    "state",
    "city",
    "capital",
    "digital",
    "data",
];

/// A company, with the forms it may be written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employer {
    /// As the note wrote it where it was found.
    pub name: String,
    /// 1-based line it was read from.
    pub line: usize,
}

impl Employer {
    /// Normalised forms, longest first: the full name, the name without
    /// suffixes, and the first word when it is distinctive.
    pub fn forms(&self) -> Vec<String> {
        forms(&self.name)
    }

    /// Whether `text` names this company in any of its forms, as whole words.
    pub fn named_in(&self, text: &str) -> bool {
        let hay = format!(" {} ", normalize(text));
        self.forms().iter().any(|f| hay.contains(&format!(" {f} ")))
    }
}

/// The normalised forms of a company name (see [`Employer::forms`]).
pub fn forms(name: &str) -> Vec<String> {
    let full = normalize(name);
    let mut words: Vec<&str> = full.split(' ').filter(|w| !w.is_empty()).collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| SUFFIXES.contains(w) || *w == "&")
    {
        words.pop();
    }
    let mut out = vec![full.clone()];
    let core = words.join(" ");
    if !core.is_empty() && !out.contains(&core) {
        out.push(core);
    }
    if let Some(first) = words.first() {
        let distinctive =
            first.chars().count() >= 3 && !GENERIC.contains(first) && !SUFFIXES.contains(first);
        if distinctive && !out.iter().any(|f| f == first) {
            out.push((*first).to_string());
        }
    }
    out.retain(|f| !f.is_empty());
    out
}

/// The current employer: the Timeline's current entry (its Company column,
/// the text after ` at ` or `, `, or a LinkedIn-style `Company · Full-time`
/// line), else the first timeline entry, else `at X` in Current Role.
pub fn employer(text: &str) -> Option<Employer> {
    let timeline = section_entries(text, "timeline");
    let current = timeline.iter().find(|e| is_current(&e.text));
    for e in current.into_iter().chain(timeline.first()) {
        if let Some(found) = company_of(e, &timeline) {
            return Some(found);
        }
    }
    let role = section(text, "current_role")?;
    let body = role.body_span.of(text);
    let at = body.find(" at ")?;
    let name = body
        .get(at + 4..)?
        .split(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '&'))
        .next()?
        .trim();
    (!name.is_empty()).then(|| Employer {
        name: name.to_string(),
        line: super::line_of(text, role.body_span.start + at),
    })
}

fn is_current(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "now",
        "present",
        "current",
        "today",
        "heute",
        "actuel",
        "actualidad",
    ]
    .iter()
    .any(|w| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
        || t.lines().any(|l| {
            let l = l.trim_end();
            l.ends_with('–') || l.ends_with('-')
        })
}

fn company_of(e: &Entry, all: &[Entry]) -> Option<Employer> {
    let at = |name: &str, line: usize| {
        let name = name.trim().trim_end_matches(['.', ',']).trim();
        (!name.is_empty()).then(|| Employer {
            name: name.to_string(),
            line,
        })
    };
    if e.form == Form::Row {
        let cell = e
            .field(&[
                "company",
                "employer",
                "organisation",
                "organization",
                "org",
                "firm",
                "where",
            ])
            .or_else(|| {
                e.headers
                    .is_empty()
                    .then(|| e.cells.get(2).map(String::as_str))
                    .flatten()
            })
            .or_else(|| e.cells.get(2).map(String::as_str));
        return cell.and_then(|c| at(c, e.line));
    }
    // LinkedIn: "Company · Full-time" on a line of the entry or just above.
    let linkedin = e
        .text
        .lines()
        .find(|l| l.contains(" · ") && !is_current(l) && !has_year(l));
    if let Some(l) = linkedin {
        return l.split(" · ").next().and_then(|c| at(c, e.line));
    }
    if let Some(prev) = all
        .iter()
        .rev()
        .find(|p| p.end_line + 1 >= e.line && p.line < e.line)
    {
        if let Some(l) = prev
            .text
            .lines()
            .find(|l| l.contains(" · ") && !has_year(l))
        {
            return l.split(" · ").next().and_then(|c| at(c, prev.line));
        }
    }
    let first = e.text.lines().next().unwrap_or("");
    if let Some(i) = first.find(" at ").or_else(|| first.find(" @ ")) {
        let rest = first.get(i + 4..).unwrap_or("").trim_start_matches("@ ");
        return at(
            rest.split([',', '(', '—', '–', ';']).next().unwrap_or(rest),
            e.line,
        );
    }
    // "2019–now — Director, Northwind Insurance": the last comma part.
    let tail = first.rsplit([',', '—', '–', '|']).next().unwrap_or("");
    let tail = tail.split('(').next().unwrap_or(tail);
    (!has_year(tail) && !is_current(tail))
        .then(|| at(tail, e.line))
        .flatten()
}

fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_company_is_named_by_its_short_distinctive_form() {
        let e = Employer {
            name: "Northwind Insurance, Inc.".into(),
            line: 1,
        };
        assert!(e.named_in("Pat Kim — Global CIO, Northwind"));
        assert!(e.named_in("northwind insurance COO"));
        assert!(!e.named_in("Partner at McKinsey"));
        assert!(!e.named_in("Northwinds Ltd"), "whole words only");
        assert_eq!(
            forms("First National Bank"),
            ["first national bank", "first national"]
        );
    }
}
