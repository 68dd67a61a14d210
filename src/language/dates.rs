//! Swedish dates in running text: `2026-03-14`, `14 mars 2026`, `14/3 2026`,
//! `14/3-2026`, `14.3.2026`, and `14 mars` without a year.

use std::ops::Range;
use std::sync::LazyLock;

use crate::language::word_regex::CapturingRegex;
use chrono::NaiveDate;

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range of the date.
    pub range: Range<usize>,
    /// The date, when the text gives the year.
    pub date: Option<NaiveDate>,
}

/// The Swedish month names, January first.
pub const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

static DATE: LazyLock<CapturingRegex> = LazyLock::new(|| {
    let months = MONTHS.join("|");
    CapturingRegex::new(&format!(
        r"(?i)\b(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})|(?P<sd>\d{{1,2}})(?:\s*:e)?\s+(?P<sm>{months})(?:\s+(?P<sy>\d{{4}}))?|(?P<nd>\d{{1,2}})[/.](?P<nm>\d{{1,2}})(?:[\s.-]+|/)(?P<ny>\d{{4}}))\b"
    ))
});

/// Every date in `text`, in order.
pub fn find(text: &str) -> Vec<FoundDate> {
    DATE.captures_iter(text)
        .filter_map(|(offset, c)| {
            let whole = c.get(0)?;
            let whole = offset + whole.start()..offset + whole.end();
            let number = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
            let date = if let Some(y) = number("iy") {
                NaiveDate::from_ymd_opt(y as i32, number("im")?, number("id")?)
            } else if let Some(d) = number("sd") {
                let name = c.name("sm")?.as_str();
                let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name))? as u32 + 1;
                match number("sy") {
                    Some(y) => NaiveDate::from_ymd_opt(y as i32, month, d),
                    None => {
                        // A day and month without a year: a date, but not one to count with.
                        return (1..=31).contains(&d).then(|| FoundDate {
                            range: whole.clone(),
                            date: None,
                        });
                    }
                }
            } else {
                NaiveDate::from_ymd_opt(number("ny")? as i32, number("nm")?, number("nd")?)
            };
            date.map(|d| FoundDate {
                range: whole.clone(),
                date: Some(d),
            })
        })
        .collect()
}

/// Parses one date written in any of the forms above (the whole value).
pub fn parse(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let found = find(value);
    let first = found.first()?;
    (first.range == (0..value.len()))
        .then_some(first.date)
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_swedish_date_forms() {
        for (text, date) in [
            ("2026-03-14", ymd(2026, 3, 14)),
            ("14 mars 2026", ymd(2026, 3, 14)),
            ("14 Mars 2026", ymd(2026, 3, 14)),
            ("14/3 2026", ymd(2026, 3, 14)),
            ("14/3-2026", ymd(2026, 3, 14)),
            ("14.3.2026", ymd(2026, 3, 14)),
            ("1:e april 2025", ymd(2025, 4, 1)),
        ] {
            assert_eq!(parse(text), date, "{text}");
        }
    }

    #[test]
    fn finds_dates_in_running_text() {
        let text = "Ansökan kom in den 3 februari och beslut fattades 2026-03-14. Möte kl. 10:30.";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].range.clone()], "3 februari");
        assert_eq!(found[0].date, None);
        assert_eq!(found[1].date, ymd(2026, 3, 14));
    }

    #[test]
    fn rejects_impossible_dates_and_other_numbers() {
        assert_eq!(parse("2026-02-30"), None);
        assert!(find("Ärende 2025-0318, 4 kap. 1 § SoL, 10 timmar").is_empty());
        assert_eq!(parse("32 mars 2026"), None);
    }
}
