//! A finding: one observation about one place in a document.

use std::ops::Range;

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// `fel`: a requirement is not met.
    Error,
    /// `varning`: should be looked at.
    Warning,
    /// `info`: worth knowing.
    Info,
}

impl Severity {
    /// Parses the template word (`fel`, `varning`, `info`).
    pub fn from_word(word: &str) -> Option<Severity> {
        match word {
            "fel" => Some(Severity::Error),
            "varning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// The Swedish word for the severity.
    pub const fn word(self) -> &'static str {
        match self {
            Severity::Error => "fel",
            Severity::Warning => "varning",
            Severity::Info => "info",
        }
    }
}

/// How many findings of each severity there are, most serious first: "1 fel
/// · 5 varningar · 2 info" (severities without findings left out).
pub fn count_line(severities: impl IntoIterator<Item = Severity>) -> String {
    let mut counts = [0usize; 3];
    for s in severities {
        counts[s as usize] += 1;
    }
    let words = [("fel", "fel"), ("varning", "varningar"), ("info", "info")];
    counts
        .iter()
        .zip(words)
        .filter(|(n, _)| **n > 0)
        .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A finding, before it is placed on a line: which criterion, where (bytes of
/// the document text), what is wrong and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the criterion in the template.
    pub criterion: usize,
    /// How serious: the criterion's severity unless the hit says otherwise.
    pub severity: Severity,
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to write or do instead.
    pub suggestion: Option<String>,
    /// Whether it marks something that stands in the text (a word, a
    /// sentence), not something that is missing: only such places are
    /// given way to (`viker för`).
    pub occurrence: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_said_most_serious_first() {
        use Severity::*;
        assert_eq!(
            count_line([Info, Warning, Error, Warning, Info]),
            "1 fel · 2 varningar · 2 info"
        );
        assert_eq!(count_line([Warning]), "1 varning");
        assert_eq!(count_line([]), "");
    }
}
