//! The employer and its variants.
//!
//! A note names its company as it pleases: "Northwind Insurance" in the
//! timeline, "Northwind" in the sponsor rows, "Northwind Insurance Group,
//! Inc." in the profile. [`Employer::forms`] are the names that mean the same
//! company: the full name, the name without legal and sector suffixes (Inc,
//! Ltd, LLC, Insurance, Bank, Group, Corp…), and its shortest distinctive
//! form (the first word, when that word is not generic).

use super::roles::{roles, Held};
use super::section;
use crate::note::aliases::normalize;
use crate::note::outline::Section;

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

/// The current employer: the company of the Timeline's current role (see
/// [`super::roles`]: a Company column, the text after ` at ` or the last
/// `, `, or a LinkedIn-style `Company · Full-time` line), else of its first
/// role, else `at X` in Current Role.
pub fn employer(text: &str) -> Option<Employer> {
    employer_in(text, &roles(text), || section(text, "current_role"))
}

/// [`employer`], from the Timeline's roles and (asked only when they name
/// no company) the Current Role section.
pub fn employer_in(
    text: &str,
    held: &[Held],
    current_role: impl FnOnce() -> Option<Section>,
) -> Option<Employer> {
    let current = held.iter().find(|h| h.is_current());
    for h in current.into_iter().chain(held.first()) {
        let name = h.company.trim().trim_end_matches(['.', ',']).trim();
        if !name.is_empty() {
            return Some(Employer {
                name: name.to_string(),
                line: h.company_line,
            });
        }
    }
    let role = current_role()?;
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

/// Whether a person described by `text` (a sponsor's row or item) works at
/// `company`: named there in any form or called "internal", and not called
/// "external".
pub fn works_at(company: &Employer, text: &str) -> bool {
    let t = text.to_lowercase();
    (company.named_in(text) || t.contains("internal")) && !t.contains("external")
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
