//! Reading answers the way people give them: sentences and clauses, numbers
//! with units, lists joined by commas or "and", and career histories pasted
//! from LinkedIn. Plain string work; the reader decides what goes where.

/// Splits a line into sentences after `.`, `!`, `?` or `…` followed by a space.
/// Each sentence keeps its closing punctuation.
pub fn sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_some_and(|(_, n)| *n == ' ');
        if matches!(c, '.' | '!' | '?' | '…') && next_is_space {
            let end = at + c.len_utf8();
            // "e.g. " and "approx. " are not sentence ends: a capital must follow.
            let capital_follows = chars
                .get(i + 2)
                .is_some_and(|(_, n)| n.is_uppercase() || n.is_ascii_digit());
            if c == '…' || capital_follows {
                let piece = line.get(start..end).unwrap_or("").trim();
                if !piece.is_empty() {
                    out.push(piece.to_string());
                }
                start = end;
            }
        }
    }
    let rest = line.get(start..).unwrap_or("").trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// Splits a sentence into clauses at commas, " and " and " with ".
pub fn clauses(sentence: &str) -> Vec<String> {
    sentence
        .split(',')
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" with "))
        .map(|p| trim_punctuation(p).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Trims spaces and a closing `.`, `;` or `…`.
pub fn trim_punctuation(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['.', ';', '…'])
        .trim()
        .trim_start_matches("and ")
        .trim()
}

/// The first number in `text` with its unit, as people write it: `$9M`,
/// `~$20M`, `9M`, `40`, `1,200`, `15%`. "about 40" and "around 40" read as `~40`.
pub fn number(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let first = bytes.iter().position(u8::is_ascii_digit)?;
    let mut start = first;
    while start > 0
        && text
            .get(..start)
            .and_then(|s| s.chars().last())
            .is_some_and(|c| matches!(c, '$' | '€' | '£' | '~' | '≈'))
    {
        start -= text
            .get(..start)
            .and_then(|s| s.chars().last())
            .map_or(1, char::len_utf8);
    }
    let mut end = first;
    while end < bytes.len() {
        let b = bytes.get(end).copied().unwrap_or(b' ');
        let digit_follows = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || (matches!(b, b'.' | b',') && digit_follows) {
            end += 1;
        } else {
            break;
        }
    }
    let rest = text.get(end..).unwrap_or("");
    let unit_len = ["bn", "k", "K", "m", "M", "b", "B", "%", "+"]
        .iter()
        .find(|u| {
            rest.starts_with(**u)
                && !rest
                    .get(u.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
        })
        .map_or(0, |u| u.len());
    let mut value = text.get(start..end + unit_len)?.to_string();
    for word in [" million", " billion", " thousand"] {
        if rest.to_lowercase().starts_with(word) {
            value.push_str(word);
        }
    }
    let before = text.get(..start).unwrap_or("").to_lowercase();
    let approx = [
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
    ]
    .iter()
    .any(|w| before.trim_end().ends_with(w));
    if approx && !value.starts_with('~') {
        value.insert(0, '~');
    }
    Some(value)
}

/// Splits list items typed on one line: commas, and the last " and " of a
/// comma list ("a, b and c"); a lone "a and b" stays one item.
pub fn list_items(piece: &str) -> Vec<String> {
    if !piece.contains(", ") {
        return vec![piece.trim().to_string()];
    }
    let mut parts: Vec<String> = piece.split(", ").map(str::to_string).collect();
    if let Some(last) = parts.pop() {
        let last = last.trim_start_matches("and ").to_string();
        match last.rsplit_once(" and ") {
            Some((a, b)) => {
                parts.push(a.to_string());
                parts.push(b.to_string());
            }
            None => parts.push(last),
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Whether `text` is only a span of years ("2019 - Present", "Jan 2012 – Dec
/// 2018", "2012–2018 · 7 yrs"), the LinkedIn duration after `·` aside.
pub fn is_years(text: &str) -> bool {
    let main = text.split(" · ").next().unwrap_or("");
    let mut has_year = false;
    for word in main
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '(' | ')' | ','))
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        if is_year(&w) {
            has_year = true;
        } else if w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m))
            || matches!(w.as_str(), "present" | "now" | "current" | "today" | "to")
            || w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2
        {
        } else {
            return false;
        }
    }
    has_year
}

/// The years of a timeline line without LinkedIn's duration ("· 7 yrs").
fn years_of(text: &str) -> String {
    text.split(" · ").next().unwrap_or("").trim().to_string()
}

/// A LinkedIn field without its trailing detail ("Acme · Full-time" → "Acme").
fn without_detail(text: &str) -> String {
    text.split(" · ").next().unwrap_or("").trim().to_string()
}

/// Reads a pasted career history with one value per line (title, company,
/// years, then optional lines such as a location or a description) into
/// `[years, role, company, notes]` rows. `None` unless the lines look like one.
pub fn pasted_history(lines: &[String]) -> Option<Vec<Vec<String>>> {
    let dates: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_years(l))
        .map(|(i, _)| i)
        .collect();
    let separated = lines.iter().any(|l| l.contains('|') || l.contains('\t'));
    if dates.is_empty() || separated || dates.len() == lines.len() {
        return None;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut from = 0;
    for &d in &dates {
        let before: Vec<&String> = lines.get(from..d).unwrap_or(&[]).iter().collect();
        let take = before.len().min(2);
        let (extra, own) = before.split_at(before.len() - take);
        if let Some(previous) = rows.last_mut() {
            append_note(previous, extra);
        } else if !extra.is_empty() {
            return None;
        }
        let title = own.first().map(|s| without_detail(s)).unwrap_or_default();
        let company = own.get(1).map(|s| without_detail(s)).unwrap_or_default();
        let years = lines.get(d).map(|l| years_of(l)).unwrap_or_default();
        rows.push(vec![years, title, company, String::new()]);
        from = d + 1;
    }
    let tail: Vec<&String> = lines.get(from..).unwrap_or(&[]).iter().collect();
    if let Some(last) = rows.last_mut() {
        append_note(last, &tail);
    }
    Some(rows)
}

fn append_note(row: &mut [String], lines: &[&String]) {
    if lines.is_empty() {
        return;
    }
    if let Some(note) = row.get_mut(3) {
        let mut all: Vec<String> = if note.is_empty() {
            Vec::new()
        } else {
            vec![note.clone()]
        };
        all.extend(lines.iter().map(|l| l.trim().to_string()));
        *note = all.join("; ");
    }
}

/// A timeline row typed on one line: the years go first wherever they were
/// typed, and "Role at Company (2012–2018)" is split into its columns.
pub fn timeline_row(mut values: Vec<String>) -> Vec<String> {
    if values.len() == 1 {
        let text = values.first().cloned().unwrap_or_default();
        let (rest, years) = match (text.rfind('('), text.ends_with(')')) {
            (Some(open), true) if is_years(text.get(open + 1..text.len() - 1).unwrap_or("")) => (
                text.get(..open).unwrap_or("").trim().to_string(),
                text.get(open + 1..text.len() - 1).unwrap_or("").to_string(),
            ),
            _ => (text.clone(), String::new()),
        };
        let (role, company) = rest
            .split_once(" at ")
            .map_or((rest.clone(), String::new()), |(r, c)| {
                (r.trim().to_string(), c.trim().to_string())
            });
        if !years.is_empty() || !company.is_empty() {
            values = vec![years, role, company];
        }
        return values;
    }
    if let Some(at) = values.iter().position(|v| is_years(v)) {
        if at > 0 {
            let years = values.remove(at);
            values.insert(0, years);
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(number("$9M budget").as_deref(), Some("$9M"));
        assert_eq!(number("about 40 people").as_deref(), Some("~40"));
        assert_eq!(number("~$20M").as_deref(), Some("~$20M"));
        assert_eq!(number("a 9 million budget").as_deref(), Some("9 million"));
        assert_eq!(number("1,200 people").as_deref(), Some("1,200"));
        assert_eq!(number("no figure"), None);
    }

    #[test]
    fn sentences_split_where_a_new_one_starts() {
        assert_eq!(
            sentences("I lead 6 people, e.g. architects. Focus: AI. My peers… are great"),
            [
                "I lead 6 people, e.g. architects.",
                "Focus: AI.",
                "My peers…",
                "are great"
            ]
        );
    }

    #[test]
    fn years_are_recognised_in_the_forms_people_paste() {
        for y in [
            "2019 - Present",
            "Jan 2012 – Dec 2018 · 7 yrs",
            "2012–2018",
            "2019-now",
        ] {
            assert!(is_years(y), "{y}");
        }
        for n in ["Acme Insurance", "Director 2019", "Chicago, Illinois"] {
            assert!(!is_years(n), "{n}");
        }
    }
}
