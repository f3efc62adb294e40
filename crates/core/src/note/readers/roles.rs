//! The roles of a Timeline, however it is written.
//!
//! A table (`| Years | Role | Company | Key Achievement |`, columns found by
//! their headers, else by position), a list (`- 2019–2022 — Staff Engineer,
//! Acme — led the migration`, `- Staff Engineer at Acme (2019–now)`), or a
//! LinkedIn paste (a title heading over `Acme · Full-time` and
//! `Feb 2022 - Present · 3 yrs`) all read as the same [`Held`] roles. The
//! employer reader and the timeline chart both start here.

use super::{section_entries, Entry, Form};

/// One role, as the note states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// 1-based line of the entry.
    pub line: usize,
    /// 1-based line the company was read from.
    pub company_line: usize,
    /// The dates as written (`2019-now`, `Feb 2022 - Present`); may be empty.
    pub when: String,
    /// The first year and the last (inclusive), `None` when still held.
    pub years: Option<(i32, Option<i32>)>,
    /// The title.
    pub role: String,
    /// The company; may be empty.
    pub company: String,
    /// What the person achieved there; may be empty.
    pub achievement: String,
}

impl Held {
    /// Whether the role is still held (its dates are open-ended).
    pub fn is_current(&self) -> bool {
        matches!(self.years, Some((_, None))) || (self.years.is_none() && is_current(&self.when))
    }
}

/// The Timeline's roles, top to bottom (its `Pattern:` line and entries
/// that say nothing are not roles).
pub fn roles(text: &str) -> Vec<Held> {
    roles_in(section_entries(text, "timeline"))
}

/// The roles among a Timeline's entries (as [`section_entries`] reads them).
pub fn roles_in(timeline: Vec<Entry>) -> Vec<Held> {
    let all: Vec<Entry> = timeline
        .into_iter()
        .filter(|e| !e.is_nil() && !is_pattern(e))
        .collect();
    all.iter().map(|e| held(e, &all)).collect()
}

/// The Timeline's `Pattern:` line ("DBA → Infrastructure → CTO?"), if it has one.
pub fn pattern(text: &str) -> Option<String> {
    section_entries(text, "timeline")
        .into_iter()
        .find(is_pattern)
        .map(|e| e.detail)
        .filter(|d| !d.is_empty())
}

/// The `Pattern:` line under a timeline ("DBA → Infrastructure → CTO?").
fn is_pattern(e: &Entry) -> bool {
    let name = e.name.to_lowercase();
    e.form != Form::Row && (name == "pattern" || name == "identified pattern")
}

/// Words that say a role is still held.
const NOW: &[&str] = &[
    "now",
    "present",
    "current",
    "today",
    "ongoing",
    "heute",
    "actuel",
    "actualidad",
];

/// Whether `text` says "until now": a word of [`NOW`], or a line ending in a dash.
pub fn is_current(text: &str) -> bool {
    let t = text.to_lowercase();
    t.split(|c: char| !c.is_alphanumeric())
        .any(|x| NOW.contains(&x))
        || t.lines().any(|l| {
            let l = l.trim_end();
            l.ends_with('–') || l.ends_with('-') || l.ends_with('—')
        })
}

/// `2019-now`, `2012–2019`, `2021`, `Feb 2022 - Present`: the first year and
/// the last (inclusive), or `None` for the last when still held.
pub fn years(text: &str) -> Option<(i32, Option<i32>)> {
    let numbers: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| s.len() == 4)
        .filter_map(|s| s.parse().ok())
        .collect();
    let start = *numbers.first()?;
    match numbers.get(1) {
        _ if is_current(text) => Some((start, None)),
        Some(end) => Some((start, Some((*end).max(start)))),
        None => Some((start, Some(start))),
    }
}

fn held(e: &Entry, all: &[Entry]) -> Held {
    if e.form == Form::Row {
        return row(e);
    }
    let lines: Vec<&str> = e.text.lines().collect();
    let first = lines.first().copied().unwrap_or("");
    // LinkedIn: "Company · Full-time" and "Feb 2022 - Present · 3 yrs".
    let company_line = lines
        .iter()
        .find(|l| l.contains(" · ") && !is_current(l) && !has_year(l));
    let dates_line = lines.iter().find(|l| has_year(l));
    if let Some(company) = company_line {
        let when = dates_line
            .map(|l| l.split(" · ").next().unwrap_or(l).trim().to_string())
            .unwrap_or_default();
        let title = if first.contains(" · ") || has_year(first) {
            e.group.clone().unwrap_or_default()
        } else {
            first.to_string()
        };
        return Held {
            line: e.line,
            company_line: e.line,
            years: years(&when),
            when,
            role: title,
            company: before(company, " · ").to_string(),
            achievement: String::new(),
        };
    }
    let (when, rest) = split_dates(first);
    let (role, mut company, achievement) = role_company(&rest);
    let mut company_line = e.line;
    // "Company · Full-time" on the entry just above (a paste split by a blank line).
    if company.is_empty() {
        let above = all
            .iter()
            .rev()
            .find(|p| p.end_line + 1 >= e.line && p.line < e.line);
        if let Some(l) = above.and_then(|p| {
            p.text
                .lines()
                .find(|l| l.contains(" · ") && !has_year(l))
                .map(|l| (l, p.line))
        }) {
            company = before(l.0, " · ").to_string();
            company_line = l.1;
        }
    }
    Held {
        line: e.line,
        company_line,
        years: years(&when),
        when,
        role,
        company,
        achievement,
    }
}

/// A table row: columns by their headers, else by position.
fn row(e: &Entry) -> Held {
    let at = |i: usize| e.cells.get(i).map_or("", String::as_str);
    let named = |names: &[&str], i: usize| -> String {
        if e.headers.is_empty() {
            return at(i).to_string();
        }
        e.field(names).unwrap_or_else(|| at(i)).to_string()
    };
    let when = e
        .field(&["years", "year", "dates", "date", "period", "when", "from"])
        .map(str::to_string)
        .or_else(|| e.cells.iter().find(|c| has_year(c)).cloned())
        .unwrap_or_else(|| at(0).to_string());
    Held {
        line: e.line,
        company_line: e.line,
        years: years(&when),
        when,
        role: named(&["role", "title", "position", "job"], 1),
        company: named(
            &[
                "company",
                "employer",
                "organisation",
                "organization",
                "org",
                "firm",
                "where",
            ],
            2,
        ),
        achievement: named(
            &[
                "key achievement",
                "achievement",
                "highlight",
                "notes",
                "note",
            ],
            3,
        ),
    }
}

/// The dates of a list item's line, and the line without them:
/// `2019–2022 — Staff Engineer, Acme` → (`2019–2022`, `Staff Engineer, Acme`).
fn split_dates(line: &str) -> (String, String) {
    let Some((start, end)) = date_span(line) else {
        return (String::new(), line.trim().to_string());
    };
    let when = line.get(start..end).unwrap_or("").trim().to_string();
    let mut rest = format!(
        "{} {}",
        line.get(..start).unwrap_or("").trim_end(),
        line.get(end..).unwrap_or("").trim_start()
    );
    for empty in ["( )", "[ ]", "()", "[]"] {
        rest = rest.replace(empty, "");
    }
    (when, trim_separators(&rest).to_string())
}

/// The byte span of the first date range in `line`: an optional month, a
/// year, and optionally a range mark followed by another (month and) year
/// or a word of [`NOW`].
fn date_span(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let year_at = |i: usize| -> bool {
        bytes
            .get(i..i + 4)
            .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
            && (i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_digit()))
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    };
    let first = (0..bytes.len()).find(|i| year_at(*i))?;
    let start = month_before(line, first);
    let mut end = first + 4;
    let after = line.get(end..).unwrap_or("");
    let trimmed = after.trim_start();
    let mark = ["–", "—", "-", "to ", "until ", "till "]
        .iter()
        .find(|m| trimmed.starts_with(**m));
    if let Some(mark) = mark {
        let skip = after.len() - trimmed.len() + mark.len();
        let next = line.get(end + skip..).unwrap_or("");
        let word_start = end + skip + (next.len() - next.trim_start().len());
        let word: String = line
            .get(word_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let lower = word.to_lowercase();
        if NOW.contains(&lower.as_str()) {
            end = word_start + word.len();
        } else if let Some(y) = (word_start..line.len().min(word_start + 10)).find(|i| year_at(*i))
        {
            // "2022", or "Jan 2022" (a month word, then the year).
            let between = line.get(word_start..y).unwrap_or("");
            if between.is_empty() || month_before(line, y) == word_start {
                end = y + 4;
            }
        } else if next.trim().is_empty() || next.trim_start().starts_with(['—', '–', '|', ':'])
        {
            // "2019 –" and nothing after: still held.
            end += skip;
        }
    }
    Some((start, end))
}

/// Where a month name just before byte `year` starts (`Feb 2022`), else `year`.
fn month_before(line: &str, year: usize) -> usize {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head = line.get(..year).unwrap_or("");
    let word_end = head.trim_end().len();
    let word_start = head
        .get(..word_end)
        .unwrap_or("")
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + 1);
    let word = head.get(word_start..word_end).unwrap_or("").to_lowercase();
    if word.len() >= 3 && MONTHS.iter().any(|m| word.starts_with(m)) {
        word_start
    } else {
        year
    }
}

/// `Staff Engineer, Acme — led the move`, `Staff Engineer at Acme: led…`,
/// `DBA at Willis (trading databases)`: role, company, achievement.
fn role_company(rest: &str) -> (String, String, String) {
    let pieces = split_all(rest, &[" — ", " – ", " - ", ": ", " | ", " · "]);
    let head = pieces.first().cloned().unwrap_or_default();
    let mut tail: Vec<String> = pieces.into_iter().skip(1).collect();
    let (role, company) = if let Some(i) = head.find(" at ").or_else(|| head.find(" @ ")) {
        // "Lead at Acme, London": the company, not where it is.
        let after = head.get(i + 4..).unwrap_or("").trim_start_matches("@ ");
        (
            head.get(..i).unwrap_or("").to_string(),
            before(after, ", ").to_string(),
        )
    } else if let Some(i) = head.rfind(", ") {
        (
            head.get(..i).unwrap_or("").to_string(),
            head.get(i + 2..).unwrap_or("").to_string(),
        )
    } else if !tail.is_empty() {
        (head.clone(), tail.remove(0))
    } else {
        (head.clone(), String::new())
    };
    // A parenthesis after the company is what was done there.
    let (company, aside) = match company.split_once(" (") {
        Some((c, a)) => (c.to_string(), a.trim_end_matches(')').to_string()),
        None => (company, String::new()),
    };
    if !aside.is_empty() {
        tail.insert(0, aside);
    }
    (
        role.trim().to_string(),
        company
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .trim()
            .to_string(),
        tail.join(" — "),
    )
}

/// `text` cut at every one of `seps`, pieces trimmed, empty ones dropped.
fn split_all(text: &str, seps: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, len)) = seps
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
        .min()
    {
        out.push(rest.get(..at).unwrap_or(""));
        rest = rest.get(at + len..).unwrap_or("");
    }
    out.push(rest);
    out.into_iter()
        .map(|p| trim_separators(p).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | ',' | ';' | '|' | '·')
    })
}

fn before<'a>(s: &'a str, sep: &str) -> &'a str {
    s.split(sep).next().unwrap_or(s).trim()
}

fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> (String, String, String, String) {
        let text = format!("## Timeline\n\n{line}\n");
        let h = roles(&text).into_iter().next().unwrap_or_else(|| Held {
            line: 0,
            company_line: 0,
            when: String::new(),
            years: None,
            role: String::new(),
            company: String::new(),
            achievement: String::new(),
        });
        (h.when, h.role, h.company, h.achievement)
    }

    fn four(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
        (a.into(), b.into(), c.into(), d.into())
    }

    #[test]
    fn list_items_read_as_their_table_rows() {
        assert_eq!(
            one("- 2019–2022 — Staff Engineer, Acme"),
            four("2019–2022", "Staff Engineer", "Acme", "")
        );
        assert_eq!(
            one("- 2023-now — Director, Architecture & Innovation, Lockton — GCC expansion"),
            four(
                "2023-now",
                "Director, Architecture & Innovation",
                "Lockton",
                "GCC expansion"
            )
        );
        assert_eq!(
            one("- 2014 - 2019: Infrastructure lead at Lockton: Data centre exit"),
            four(
                "2014 - 2019",
                "Infrastructure lead",
                "Lockton",
                "Data centre exit"
            )
        );
        assert_eq!(
            one("- **2005-2010** DBA at Willis (24/7 trading databases)"),
            four("2005-2010", "DBA", "Willis", "24/7 trading databases")
        );
        assert_eq!(
            one("- Staff Engineer at Acme (Jan 2019 – Present)"),
            four("Jan 2019 – Present", "Staff Engineer", "Acme", "")
        );
        assert_eq!(
            one("- 2019–now · Staff Engineer · Acme"),
            four("2019–now", "Staff Engineer", "Acme", "")
        );
        assert_eq!(
            one("- Mobile lead at Proseware, 2023–"),
            four("2023–", "Mobile lead", "Proseware", "")
        );
        assert_eq!(
            one("| Years | Role | Company |\n|---|---|---|\n| 2019–present | Director | Northwind Insurance |"),
            four("2019–present", "Director", "Northwind Insurance", "")
        );
    }

    #[test]
    fn open_ended_dates_are_current() {
        for open in [
            "2019-now",
            "2019 – present",
            "Mar 2021 –",
            "2019–heute",
            "2020 - ongoing",
        ] {
            assert_eq!(years(open).map(|y| y.1), Some(None), "{open}");
        }
        assert_eq!(years("2012–2019"), Some((2012, Some(2019))));
        assert_eq!(years("2021"), Some((2021, Some(2021))));
        assert_eq!(years("soon"), None);
    }

    #[test]
    fn a_linkedin_paste_reads_title_company_and_dates() {
        let text = "## Experience\n\n### Senior Product Manager\nNorthwind Traders · Full-time\nFeb 2022 - Present · 3 yrs 11 mos\nSeattle, Washington\n";
        let r = roles(text);
        let h = r.first();
        assert_eq!(h.map(|h| h.role.as_str()), Some("Senior Product Manager"));
        assert_eq!(h.map(|h| h.company.as_str()), Some("Northwind Traders"));
        assert_eq!(h.map(|h| h.when.as_str()), Some("Feb 2022 - Present"));
        assert!(h.is_some_and(Held::is_current));
    }
}
