//! Output formats. Personal identity numbers are masked here, on the way out.

pub mod evaluation;
pub mod explain;
pub mod findings_csv;
pub mod html;
pub mod json;
pub mod model;
pub mod output;
pub mod overview;
pub mod paragraph;
pub mod privacy;
pub mod prose;
pub mod provenance;
pub mod run;
pub mod sample_list;
pub mod sample_outputs;
pub mod sarif;
pub mod summary;
pub mod text;
pub mod writer;
pub mod xlsx;

use std::ops::Range;

use crate::ingest::{Document, LineIndex};

/// A finding's place for output: line, column and excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    /// The paragraph of running text (from 1), if the place is in one.
    pub paragraph: Option<usize>,
    /// The page (from 1), for documents read from PDF.
    pub page: Option<usize>,
    pub excerpt: String,
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 160;

impl Place {
    /// The place of `range` in `doc`.
    pub fn of(doc: &Document, index: &LineIndex, range: &Range<usize>) -> Place {
        let (line, column) = index.position(&doc.text, range.start);
        let at = range.start;
        let paragraph = doc.paragraphs.partition_point(|p| p.end <= at);
        let paragraph = doc
            .paragraphs
            .get(paragraph)
            .filter(|p| p.start <= at)
            .map(|_| paragraph + 1);
        let page = (!doc.pages.is_empty()).then(|| doc.pages.partition_point(|&s| s <= at).max(1));
        Place {
            line,
            column,
            paragraph,
            page,
            excerpt: excerpt(&doc.text[range.clone()]),
        }
    }
}

/// The text of a span on one line, shortened with "…" when long.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.chars().count() > EXCERPT_CHARS {
        let cut: String = out.chars().take(EXCERPT_CHARS - 1).collect();
        out = format!("{}…", cut.trim_end());
    }
    out
}

/// Today's date (UTC) as YYYY-MM-DD, for what a report or protocol records.
pub fn today_iso() -> String {
    let days = i64::try_from(xlsx::days_today()).unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(days)))
        .map_or_else(
            || "1970-01-01".to_string(),
            |d| d.format("%Y-%m-%d").to_string(),
        )
}
